#!/usr/bin/env bash
# Per-rule precision and recall of evident-check over the labelled corpora:
# the shared corpus (every case must pass), tests/corpus/answers.jsonl (micro
# precision >= 0.95, recall >= 0.90) and tests/corpus/heldout.jsonl (printed
# only: answers written without running the analyzer, to measure how the rules
# generalise). Run from the repository root: bash scripts/eval.sh
set -euo pipefail
cd "$(dirname "$0")/.."

target_dir="${CARGO_TARGET_DIR:-target}"
cargo build --profile cli --bin evident-check
bin="$target_dir/cli/evident-check"
score="../shared/tools/corpus-score"
status=0

if [ -f ../shared/corpus/answers.jsonl ] && [ -f "$score" ]; then
  echo "== shared corpus (../shared/corpus/answers.jsonl): every case must pass"
  python3 "$score" "$bin" ../shared/corpus/answers.jsonl 1.0 1.0 -v || status=1
else
  echo "note: ../shared corpus or corpus-score absent; skipped"
fi

echo
echo "== own corpus (tests/corpus/answers.jsonl)"
if [ -f "$score" ]; then
  python3 "$score" "$bin" tests/corpus/answers.jsonl 0.95 0.90 -v || status=1
else
  cargo test --release --test analyzer_corpus -- --nocapture || status=1
fi

echo
echo "== held-out corpus (tests/corpus/heldout.jsonl): generalisation, no threshold"
if [ -f "$score" ]; then
  python3 "$score" "$bin" tests/corpus/heldout.jsonl 0 0 -v || true
else
  cargo test --release --test analyzer_corpus heldout -- --nocapture || true
fi
exit $status
