#!/usr/bin/env bash
# Analyzer benchmark: native throughput and latency, then write-good on the
# same ~1 MB of answer text, and the speed ratio (must be at least 50x); then
# evident-check (the `cli` profile) linting a directory of 1,000 Markdown
# stories generated into target/, in parallel and on one thread.
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

# The CLI over a story bank: 1,000 Markdown files, best of 5 whole runs
# (process start, walk, read, lint, JSON out).
cargo build --profile cli --bin evident-check
stories="$target_dir/bench-stories"
python3 scripts/bench_stories.py "$answers" "$stories" 1000 > "$rust_out"
python3 - "$target_dir/cli/evident-check" "$stories" "$rust_out" <<'PY'
import os, subprocess, sys, time
binary, stories, facts = sys.argv[1], sys.argv[2], sys.argv[3]
facts = dict(l.strip().split("=", 1) for l in open(facts) if "=" in l)
def best(env):
    times = []
    for _ in range(5):
        t = time.perf_counter()
        run = subprocess.run([binary, "-q", "--format", "json", stories], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - t)
        if run.returncode not in (0, 1):
            raise SystemExit(f"evident-check failed: {run.stderr.decode()[:300]}")
    return min(times)
parallel = best(dict(os.environ))
single = best(dict(os.environ, RAYON_NUM_THREADS="1"))
mb = int(facts["STORIES_BYTES"]) / 1e6
n = int(facts["STORIES_FILES"])
print(f"evident-check on {n:,} Markdown files ({mb:.1f} MB): {parallel*1e3:.0f} ms "
      f"({n/parallel:,.0f} files/s, {os.cpu_count()} threads), {single*1e3:.0f} ms on one thread")
PY

# The same analyzer in the browser's wasm engine (headless Chromium,
# optimised build): median of 30 runs on a 1,500-word answer.
CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}" cargo test --profile wasm-bench \
  --target wasm32-unknown-unknown --test web analysing_a_1500_word_answer -- --nocapture 2>&1 \
  | sed -n 's/.*BROWSER_ANALYZE /in the browser (wasm, headless Chromium): /p'

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
