#!/usr/bin/env bash
# Prints raw and gzip sizes of the release build's wasm, JS and CSS, and checks
# the start-up wasm against the 300 KB gzip budget (fails above it, so
# `make test` catches a change that breaks the budget). The preview worker's
# files (preview-*) load only when a Markdown preview is first opened.
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob
files=(dist/*.wasm dist/*.js dist/*.css)
if [ ${#files[@]} -eq 0 ]; then
  echo "size: no release build in dist/ (run make dist)" >&2
  exit 1
fi
printf '%-40s %10s %10s  %s\n' file raw gzip loaded
for f in "${files[@]}"; do
  name="$(basename "$f")"
  case "$name" in
    preview-*) when="on first preview" ;;
    sw.js) when="service worker" ;;
    *) when="at start" ;;
  esac
  printf '%-40s %10s %10s  %s\n' "$name" "$(stat -c %s "$f")" "$(gzip -9 -c "$f" | wc -c)" "$when"
done
# The budget: 300 KB (300,000 B, the stricter reading) of gzip -9.
main=(dist/evident-*_bg.wasm)
gz=$(gzip -9 -c "${main[0]}" | wc -c)
budget=300000
if [ "$gz" -le "$budget" ]; then
  printf 'start-up wasm: %d B gzip, budget %d B: within by %d B\n' "$gz" "$budget" $((budget - gz))
else
  printf 'start-up wasm: %d B gzip, budget %d B: OVER by %d B\n' "$gz" "$budget" $((gz - budget)) >&2
  exit 1
fi
