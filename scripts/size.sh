#!/usr/bin/env bash
# Prints raw and gzip sizes of the release build's wasm, JS and CSS.
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob
files=(dist/*.wasm dist/*.js dist/*.css)
if [ ${#files[@]} -eq 0 ]; then
  echo "size: no release build in dist/ (run make dist)" >&2
  exit 1
fi
printf '%-40s %10s %10s\n' file raw gzip
for f in "${files[@]}"; do
  printf '%-40s %10s %10s\n' "$(basename "$f")" "$(stat -c %s "$f")" "$(gzip -9 -c "$f" | wc -c)"
done
