#!/usr/bin/env python3
"""Writes N Markdown story files for the CLI benchmark (scripts/bench.sh).

Usage: bench_stories.py ANSWERS.jsonl OUT_DIR [N]

Each story is built from the benchmark's answer text (JSON Lines, {"text": ...}):
YAML front matter, a title, three headed sections of prose, a bullet list, a
block quote and a fenced code block, about 400 words in all. The directory is
emptied first, so the set is the same on every run.
"""
import json, os, shutil, sys

answers_path, out_dir = sys.argv[1], sys.argv[2]
count = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
words = []
for line in open(answers_path, encoding="utf-8"):
    if line.strip():
        words.extend(json.loads(line)["text"].split())
if not words:
    raise SystemExit("no answer text to build stories from")

def take(start, n):
    return " ".join(words[(start + k) % len(words)] for k in range(n))

shutil.rmtree(out_dir, ignore_errors=True)
total = 0
for i in range(count):
    at = i * 397
    body = f"""---
title: Story {i}
tags: [bench, story-{i % 7}]
---

# Story {i}

## Situation

{take(at, 90)}

## What I owned

- {take(at + 90, 25)}
- {take(at + 115, 25)}
- {take(at + 140, 25)}

> {take(at + 165, 30)}

```sh
make deploy  # we shipped it, a huge success
```

## Outcome

{take(at + 195, 120)}

{take(at + 315, 80)}
"""
    path = os.path.join(out_dir, f"{i // 100:02d}", f"story-{i:04d}.md")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(body)
    total += len(body.encode())
print(f"STORIES_FILES={count}")
print(f"STORIES_BYTES={total}")
