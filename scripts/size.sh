#!/usr/bin/env bash
# Prints every release file's raw, gzip -9 and brotli size (the precompressed
# siblings in dist/ when present) and when it loads, and checks the start-up wasm
# against its budget: fails above it, so `make test` catches a change that
# grows it. Issue 19's target is 250 KB; the integrated app (storage, spoken
# practice with its recogniser and audio backups, the new drills) is at 465 KB
# without the analyzer, so the guard sits just above today's size until the
# screens are split (docs/pwa.md). The analyzer's worker (analysis-*) loads
# when a screen first needs feedback; the preview worker's (preview-*) on the
# first preview.
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob
files=(dist/*.wasm dist/*.js dist/*.css dist/*.html dist/*.webmanifest)
if [ ${#files[@]} -eq 0 ]; then
  echo "size: no release build in dist/ (run make dist)" >&2
  exit 1
fi
printf '%-40s %10s %10s %10s  %s\n' file raw gzip brotli loaded
startup=0
for f in "${files[@]}"; do
  name="$(basename "$f")"
  case "$name" in
    preview-*) when="on first preview" ;;
    analysis-*) when="when a screen first needs feedback" ;;
    sw.js) when="service worker, after load" ;;
    404.html) when="only for a missing path" ;;
    manifest.webmanifest) when="by the browser, for install" ;;
    *) when="at start" ;;
  esac
  gz=$(if [ -f "$f.gz" ]; then stat -c %s "$f.gz"; else gzip -9 -c "$f" | wc -c; fi)
  br=$(if [ -f "$f.br" ]; then stat -c %s "$f.br"; else echo -; fi)
  [ "$when" = "at start" ] && startup=$((startup + gz))
  printf '%-40s %10s %10s %10s  %s\n' "$name" "$(stat -c %s "$f")" "$gz" "$br" "$when"
done
printf 'everything loaded at start: %d B gzip\n' "$startup"
# The guard: 470,000 B of gzip -9 (the target, 250,000 B, is not met yet).
main=(dist/evident-*_bg.wasm)
gz=$(gzip -9 -c "${main[0]}" | wc -c)
budget=470000
if [ "$gz" -le "$budget" ]; then
  printf 'start-up wasm: %d B gzip, budget %d B: within by %d B\n' "$gz" "$budget" $((budget - gz))
else
  printf 'start-up wasm: %d B gzip, budget %d B: OVER by %d B\n' "$gz" "$budget" $((gz - budget)) >&2
  exit 1
fi
