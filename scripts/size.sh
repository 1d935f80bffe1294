#!/usr/bin/env bash
# Prints raw and gzip sizes of the release build's wasm, JS and CSS, and the
# start-up wasm against the 300 KB gzip budget. The preview worker's files
# (preview-*) load only when a Markdown preview is first opened.
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
main=(dist/evident-*_bg.wasm)
gz=$(gzip -9 -c "${main[0]}" | wc -c)
budget=$((300 * 1024))
printf 'start-up wasm: %d B gzip, budget %d B (%s)\n' "$gz" "$budget" \
  "$([ "$gz" -le "$budget" ] && echo within || echo "over by $((gz - budget)) B")"
