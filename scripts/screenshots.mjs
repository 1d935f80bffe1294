// Takes the README's screenshots from the release build with headless Chromium.
// Usage: node scripts/screenshots.mjs BASE_URL   (make screenshots serves dist/ for it)
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://127.0.0.1:4190/evident/';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const desktop = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };

async function shot(name, options, hash, act) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(base + hash);
  await page.waitForSelector('main h1');
  if (act) await act(page);
  await page.screenshot({ path: `docs/${name}.png` });
  // The whole page too, outside the repository, for reviewing a change.
  if (process.env.FULL_PAGE_DIR) await page.screenshot({ path: `${process.env.FULL_PAGE_DIR}/${name}.png`, fullPage: true });
  await context.close();
}

const weak = 'We rebuilt the onboarding flow and customers loved it. Obviously we went with React Native. ' +
  'The deadline was unrealistic and management kept changing the requirements.';

await shot('home-phone', phone, '#/');
await shot('home-desktop', desktop, '#/');
await shot('drill-running-phone', phone, '#/drill/hint-recovery', async (page) => {
  await page.getByRole('button', { name: 'Start drill' }).click();
  await page.getByRole('textbox', { name: 'Answer', exact: true }).fill('Before I design anything: who gets notified, and how late is too late? I will assume customers and under a minute.');
  await page.getByRole('textbox', { name: 'Answer', exact: true }).scrollIntoViewIfNeeded();
});
await shot('feedback-phone', phone, '#/drill/evidence-replay', async (page) => {
  const box = page.getByRole('textbox', { name: 'Weak version', exact: true });
  await box.fill(weak);
  await page.getByRole('region', { name: 'Feedback' }).scrollIntoViewIfNeeded();
  await box.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 120));
});
// The on-screen keyboard up: the visual viewport shrinks to about half the
// phone; the clock collapses to one line above the field being written in.
await shot('drill-keyboard-phone', phone, '#/drill/evidence-replay', async (page) => {
  await page.getByRole('button', { name: 'Start drill' }).click();
  const box = page.getByRole('textbox', { name: 'Mid version', exact: true });
  await box.fill(weak + ' I owned the account-linking step because drop-off there was 31%.');
  await box.focus();
  await page.setViewportSize({ width: 390, height: 430 });
  await page.waitForSelector('html.keyboard-up');
  await box.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 70));
});
await shot('feedback-desktop', desktop, '#/drill/evidence-replay', async (page) => {
  await page.getByRole('textbox', { name: 'Weak version', exact: true }).fill(weak);
  await page.evaluate(() => window.scrollTo(0, 420));
});

// Results and History with a scored history: two good Failure diagnostic
// rounds, then a zero on Incident triage (issue 15's journey), and two
// Sampled performance rounds.
const day = 86_400_000;
const t0 = Date.UTC(2026, 2, 2, 9, 0);
function attempt(id, drill, n, text, scores) {
  const start = t0 + n * day;
  return {
    version: 3, id, drill_id: drill, prompt: '', sections: text, hint: null, notes: '',
    timer: { duration_ms: 15 * 60_000, started_at: start, paused_total_ms: 0, paused_since: null, finished_at: start + 14 * 60_000 },
    scores: scores.map(([rubric, values]) => ({ rubric, values, note: '', scored_at_ms: start + 15 * 60_000 })),
    created_at_ms: start, updated_at_ms: start + 15 * 60_000, tz_offset_minutes: 60,
    step_times: [], spoken_summary: null, checklist: [], drawn_prompt: null,
  };
}
// A dimension "not tested in this drill" (schema 3 stores it as null).
const NT = null;
const seed = [
  attempt('s1', 'baseline-before-machinery', 0, { baseline: 'We obviously need Kafka.' }, [['failure-diagnostic', [1, 1, 0, NT, NT, 1, NT]]]),
  attempt('s2', 'evidence-replay', 1, { weak: 'We made checkout faster.' }, [['failure-diagnostic', [2, 3, NT, NT, 2, NT, NT]], ['sampled-performance', [3, 3, 4, 3, NT, 2]]]),
  attempt('s3', 'baseline-before-machinery', 2, { baseline: 'One Postgres table; a queue once writes pass 2,000 a second.' }, [['failure-diagnostic', [3, 3, 4, NT, NT, 3, NT]]]),
  attempt('s4', 'hint-recovery', 3, { answer: 'I would start with one table.', recovery: 'With 100x writes I shard by code.' }, [['failure-diagnostic', [3, 4, 3, 3, NT, NT, 3]]]),
  attempt('s5', 'recovery-practice', 4, { assumption: 'I assumed a 10-minute TTL was fine.' }, [['sampled-performance', [4, NT, 4, 4, 5, 4]]]),
  attempt('s6', 'incident-triage', 5, { 'impact-questions': 'We looked at the logs and we rolled it back.' }, [['failure-diagnostic', [0, 0, 0, 0, 0, 0, 0]]]),
];
async function seeded(page) {
  await page.evaluate((all) => {
    for (const a of all) localStorage.setItem(`evident.attempt.${a.id}`, JSON.stringify(a));
  }, seed);
  await page.reload();
  await page.waitForSelector('main h1');
  // The seed arrives as first-release localStorage data: its one-time
  // "moved to the database" notice is not what these screenshots show.
  await page.getByRole('region', { name: 'Notices about stored data' }).getByRole('button', { name: 'Dismiss' }).click();
}
for (const [name, options] of [['phone', phone], ['desktop', desktop]]) {
  await shot(`results-${name}`, options, '#/', async (page) => {
    await seeded(page);
    await page.goto(base + '#/attempt/s6');
    await page.getByRole('heading', { name: 'Incident triage: results' }).waitFor();
  });
  await shot(`history-${name}`, options, '#/', async (page) => {
    await seeded(page);
    await page.goto(base + '#/history');
    await page.getByRole('heading', { name: 'Progress' }).waitFor();
  });
}
await browser.close();
