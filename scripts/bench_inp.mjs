// Keystroke INP benchmark: types into a 1,500-word answer on a throttled phone
// and prints the Interaction to Next Paint and the worst event, from the
// browser's own Event Timing entries. A benchmark, not a test: it prints the
// figures and fails only when the page cannot be driven (or with --check, above
// the targets: INP 50 ms, worst 80 ms).
// Usage: node scripts/bench_inp.mjs BASE_URL [--check]   (make bench-inp serves dist/ for it)
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://127.0.0.1:4177/evident/';
const check = process.argv.includes('--check');
const THROTTLE = 4;
const KEYS = 120;
// A real typist: about 8 keys a second, so each keystroke's work (the save,
// the analysis reply) lands between keys, as it does for a person.
const KEY_DELAY_MS = 120;
const ATTEMPTS_IN_HISTORY = 30;

const sentence =
  'We moved the nightly import to streaming and I owned the cut-over plan because the batch window was closing. ';
const words = sentence.trim().split(/\s+/).length;
const draft = sentence.repeat(Math.ceil(1500 / words));

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const context = await browser.newContext({
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
});
const page = await context.newPage();

// A history of earlier answers, as a returning user has, imported through
// History's "Import backup" (the backup format is stable whatever the storage).
const t0 = Date.UTC(2026, 0, 5, 9, 0);
const backup = {
  format: 'evident-backup',
  version: 1,
  attempts: Array.from({ length: ATTEMPTS_IN_HISTORY }, (_, i) => {
    const start = t0 + i * 86_400_000;
    return {
      version: 2, id: `bench-${i}`, drill_id: 'evidence-replay', prompt: 'A project you are proud of.',
      sections: { weak: draft.slice(0, 600), mid: draft.slice(0, 1200), senior: draft.slice(0, 2400) },
      hint: null, notes: '',
      timer: { duration_ms: 1_200_000, started_at: start, paused_total_ms: 0, paused_since: null, finished_at: start + 1_100_000 },
      scores: [], created_at_ms: start, updated_at_ms: start + 1_100_000, tz_offset_minutes: 0,
    };
  }),
  prefs: null,
  quarantined: [],
  newer_version: [],
  problems: [],
};
await page.goto(`${base}#/history`);
await page.waitForFunction(() => document.querySelectorAll('[data-shell]').length === 0);
await page.locator('input[type=file]').setInputFiles({
  name: 'bench-backup.json',
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify(backup)),
});
await page.getByText(/Backup imported/).waitFor({ timeout: 60_000 });

await page.goto(`${base}#/drill/evidence-replay`);
await page.waitForSelector('main h1');
await page.waitForFunction(() => document.querySelectorAll('[data-shell]').length === 0);
const box = page.getByRole('textbox', { name: 'Senior version', exact: true });
await box.fill(draft);
await box.press('End');
// Settled: the status line describes the pasted text.
await page.waitForFunction(
  () => /finding/.test(document.querySelector('#section-senior-status')?.textContent ?? ''),
  null,
  { timeout: 60_000 },
);

const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
await page.evaluate(() => {
  window.__events = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__events.push({
        name: e.name,
        id: e.interactionId,
        start: e.startTime,
        duration: e.duration,
        delay: e.processingStart - e.startTime,
        processing: e.processingEnd - e.processingStart,
        presentation: e.startTime + e.duration - e.processingEnd,
      });
    }
  }).observe({ type: 'event', durationThreshold: 16 });
});
const typed = ' Clearly it was better, and the rollback plan held.'.repeat(4).slice(0, KEYS);
await box.pressSequentially(typed, { delay: KEY_DELAY_MS, timeout: 0 });
// Let the last keystroke's frame and any reply land before reading the entries.
await page.evaluate(() => new Promise((r) => setTimeout(r, 1500)));
const events = await page.evaluate(() => window.__events);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
const value = await box.inputValue();
await browser.close();
if (!value.endsWith(typed)) {
  console.error('bench-inp: the typed text did not all arrive');
  process.exit(1);
}

// An interaction is every event with one interactionId (keydown, input,
// keyup of one key press); its latency is the longest of them. Interactions
// under 16 ms are not reported by the browser: they count as under 16.
const byInteraction = new Map();
for (const e of events) {
  if (!e.id) continue;
  byInteraction.set(e.id, Math.max(byInteraction.get(e.id) ?? 0, e.duration));
}
const recorded = [...byInteraction.values()].sort((a, b) => b - a);
// INP as web-vitals computes it: the worst interaction, ignoring one per 50.
const skip = Math.floor(KEYS / 50);
const inp = recorded.length > skip ? recorded[skip] : null;
const worst = events.reduce((w, e) => (w && w.duration >= e.duration ? w : e), null);
const fmt = (ms) => `${Math.round(ms)} ms`;
console.log(
  `INP on a 1,500-word answer, ${THROTTLE}x CPU throttle, ${KEYS} keystrokes ${KEY_DELAY_MS} ms apart, ` +
    `${ATTEMPTS_IN_HISTORY} attempts in storage (phone 390x844):`,
);
console.log(`  INP ${inp === null ? 'under 16 ms' : fmt(inp)} (${recorded.length} of ${KEYS} keystrokes took 16 ms or more)`);
if (worst) {
  console.log(
    `  worst event: ${worst.name} ${fmt(worst.duration)} ` +
      `(input delay ${fmt(worst.delay)}, processing ${fmt(worst.processing)}, presentation ${fmt(worst.presentation)})`,
  );
} else {
  console.log('  worst event: none took 16 ms or more');
}
const slow = recorded.filter((d) => d > 50).length;
console.log(`  keystrokes over 50 ms: ${slow}`);
if (check && ((inp ?? 0) > 50 || (worst?.duration ?? 0) > 80)) {
  console.error('bench-inp: over the targets (INP 50 ms, worst 80 ms)');
  process.exit(1);
}
