#!/usr/bin/env bash
# Analyzer benchmark: native throughput and latency, then write-good on the
# same ~1 MB of answer text, and the speed ratio (must be at least 50x).
# Run from the repository root: bash scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."

target_dir="${CARGO_TARGET_DIR:-target}"
mkdir -p "$target_dir"
answers="$target_dir/bench-answers.jsonl"
rust_out="$(mktemp)"
trap 'rm -f "$rust_out"' EXIT

cargo bench --bench analyzer -- --out "$answers" | tee "$rust_out"
rust_s="$(sed -n 's/^RUST_SECONDS_PER_PASS=//p' "$rust_out")"
p50="$(sed -n 's/^RUST_P50_US=//p' "$rust_out")"

if [ ! -d node_modules/write-good ]; then
  echo "bench: node_modules/write-good is missing; run 'npm ci' for the side-by-side" >&2
  exit 1
fi
wg_out="$(node benches/write_good.js "$answers")"
echo "$wg_out"
wg_s="$(printf '%s\n' "$wg_out" | sed -n 's/^WG_SECONDS_PER_PASS=//p')"

python3 - "$rust_s" "$wg_s" "$p50" <<'PY'
import sys
rust, wg, p50 = (float(x) for x in sys.argv[1:4])
ratio = wg / rust
print(f"side by side on the same text: evident {rust*1e3:.1f} ms, write-good {wg*1e3:.1f} ms per pass")
print(f"evident is {ratio:.0f}x faster than write-good (required: >= 50x)")
ok = ratio >= 50 and p50 < 1000
if p50 >= 1000:
    print(f"FAIL: a 1,500-word answer takes {p50:.0f} us (must be well under 1 ms)")
sys.exit(0 if ok else 1)
PY
