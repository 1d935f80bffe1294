#!/usr/bin/env bash
# The analyzer measured on every labelled corpus, per rule and per signal:
#   - development sets (tuned on): ../shared/corpus/long and tests/corpus/dev-5 to dev-10 (span level),
#     ../shared/corpus/answers.jsonl, tests/corpus/answers.jsonl and
#     tests/corpus/heldout.jsonl (rule level);
#   - BLIND sets (never tuned on; written by writers who never saw the rules):
#     tests/corpus/blind/*.jsonl, tests/corpus/blind-2/*.jsonl,
#     tests/corpus/blind-3/ to tests/corpus/blind-12/ (span level).
#     Their first scores are recorded in each directory's README.md.
# Run from the repository root: bash scripts/eval.sh (or make eval).
set -euo pipefail
cd "$(dirname "$0")/.."

target_dir="${CARGO_TARGET_DIR:-target}"
cargo build --profile cli --bin evident-check
bin="$target_dir/cli/evident-check"
span="../shared/tools/span-score"
score="../shared/tools/corpus-score"

section() { printf '\n== %s\n' "$1"; }

if [ -f "$span" ] && [ -d ../shared/corpus/long ]; then
  section "DEVELOPMENT: shared long answers (../shared/corpus/long, span level; the three newer rules are not labelled there, so their findings count as false)"
  python3 "$span" "$bin" ../shared/corpus/long/*.jsonl
else
  echo "note: ../shared/tools/span-score or ../shared/corpus/long absent; skipped"
fi

if [ -f "$span" ]; then
  section "DEVELOPMENT: tests/corpus/dev-5 to dev-10 (blind writers, then tuned on), span level"
  python3 "$span" "$bin" tests/corpus/dev-5/*.jsonl
  python3 "$span" "$bin" tests/corpus/dev-6/*.jsonl
  python3 "$span" "$bin" tests/corpus/dev-7/*.jsonl
  python3 "$span" "$bin" tests/corpus/dev-8/*.jsonl
  python3 "$span" "$bin" tests/corpus/dev-9/*.jsonl
  python3 "$span" "$bin" tests/corpus/dev-10/*.jsonl
fi

if [ -f "$score" ]; then
  [ -f ../shared/corpus/answers.jsonl ] && {
    section "DEVELOPMENT: shared short answers (../shared/corpus/answers.jsonl)"
    python3 "$score" "$bin" ../shared/corpus/answers.jsonl 0 0 | tail -n 1
  }
  section "DEVELOPMENT: own short answers (tests/corpus/answers.jsonl)"
  python3 "$score" "$bin" tests/corpus/answers.jsonl 0 0 | tail -n 1
  section "DEVELOPMENT: earlier held-out short answers (tests/corpus/heldout.jsonl)"
  python3 "$score" "$bin" tests/corpus/heldout.jsonl 0 0 | tail -n 1
fi

if [ -f "$span" ]; then
  section "BLIND (never tuned on): tests/corpus/blind/*.jsonl, span level"
  python3 "$span" "$bin" tests/corpus/blind/*.jsonl
  section "BLIND (never tuned on): tests/corpus/blind-2/*.jsonl, span level, second set"
  python3 "$span" "$bin" tests/corpus/blind-2/*.jsonl
  section "BLIND (never tuned on): tests/corpus/blind-3/*.jsonl, span level, third set"
  python3 "$span" "$bin" tests/corpus/blind-3/*.jsonl
  section "BLIND (never tuned on): tests/corpus/blind-4/*.jsonl, span level, fourth set"
  python3 "$span" "$bin" tests/corpus/blind-4/*.jsonl
  section "BLIND (never tuned on): tests/corpus/blind-5/*.jsonl, span level, fifth set"
  python3 "$span" "$bin" tests/corpus/blind-5/*.jsonl
  section "BLIND (never tuned on): tests/corpus/blind-6/*.jsonl, span level, sixth set"
  python3 "$span" "$bin" tests/corpus/blind-6/*.jsonl
  section "BLIND (never tuned on): tests/corpus/blind-7/*.jsonl, span level, seventh set"
  python3 "$span" "$bin" tests/corpus/blind-7/*.jsonl
  section "BLIND (never tuned on): tests/corpus/blind-8/*.jsonl, span level, eighth set"
  python3 "$span" "$bin" tests/corpus/blind-8/*.jsonl
  section "BLIND (never tuned on): tests/corpus/blind-9/*.jsonl, span level, ninth set"
  python3 "$span" "$bin" tests/corpus/blind-9/*.jsonl
  section "BLIND (never tuned on): tests/corpus/blind-10/*.jsonl, span level, tenth set"
  python3 "$span" "$bin" tests/corpus/blind-10/*.jsonl
  section "BLIND (never tuned on): tests/corpus/blind-11/*.jsonl, span level, eleventh set"
  python3 "$span" "$bin" tests/corpus/blind-11/*.jsonl
  section "BLIND (never tuned on): tests/corpus/blind-12/*.jsonl, span level, twelfth set (the newest)"
  python3 "$span" "$bin" tests/corpus/blind-12/*.jsonl
fi
