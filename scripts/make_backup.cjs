// Builds an Evident backup file (JSON text) of `count` finished, scored
// attempts, deterministically, for the storage tests and the History
// benchmark. `words` sets the length of each of the three answer sections:
// 510 words each gives about 8.7 KB per attempt, like the 1,000-attempt
// backup of a year of daily practice that issue 17 measured.
'use strict';

const WORDS = (
  'I owned the rollout plan because the batch window was closing so I measured p95 latency from 900 ms to 280 ms ' +
  'we shipped it behind a feature flag and the team reviewed the cache threshold before adding a queue when retries grew'
).split(' ');

function text(seed, words) {
  const out = [];
  for (let i = 0; i < words; i++) out.push(WORDS[(seed * 7 + i * 13) % WORDS.length]);
  return out.join(' ') + '.';
}

function attempt(i, words) {
  const created = 1_700_000_000_000 + i * 3_600_000;
  return {
    version: 3,
    id: `bench-${String(i).padStart(6, '0')}`,
    drill_id: 'evidence-replay',
    prompt: `Tell me about project number ${i}.`,
    sections: {
      weak: text(i, words),
      mid: text(i + 1, words),
      senior: `Attempt ${i}: ` + text(i + 2, words),
    },
    timer: {
      duration_ms: 1_200_000,
      started_at: created + 1_000,
      paused_total_ms: 0,
      paused_since: null,
      finished_at: created + 1_100_000,
    },
    hint: null,
    scores: [
      { rubric: 'failure-diagnostic', values: [2, 3, 2, 3, 2, 3, 2].map((v, d) => (v + i + d) % 5), note: '', scored_at_ms: created + 1_200_000 },
    ],
    notes: `Notes of attempt ${i}.`,
    created_at_ms: created,
    updated_at_ms: created + 1_200_000,
    tz_offset_minutes: 0,
    step_times: [],
    spoken_summary: null,
    checklist: [],
    drawn_prompt: null,
  };
}

/** The backup text of `count` attempts with `words` words per section. */
function makeBackup(count, words = 510) {
  const attempts = [];
  for (let i = 0; i < count; i++) attempts.push(attempt(i, words));
  return JSON.stringify({ format: 'evident-backup', version: 1, attempts, prefs: null, quarantined: [], newer_version: [], problems: [] });
}

module.exports = { makeBackup };
