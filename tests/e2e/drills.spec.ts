import type { Page } from '@playwright/test';
import { test, expect, open } from './fixtures';

const T0 = new Date('2026-11-23T09:00:00Z');
const MIN = 60_000;

/// Fake time that moves only when the test says so (also across reloads).
async function freezeClock(page: Page) {
  await page.clock.install({ time: T0 });
  // A little after T0: install() lets time flow until the pause.
  await page.clock.pauseAt(new Date(T0.getTime() + 10_000));
}

const sections: Record<string, string[]> = {
  'evidence-replay': ['Weak version', 'Mid version', 'Senior version'],
  'attribution-split': ['Team outcome', 'My direct ownership', "Others' ownership", 'Spoken summary'],
  'baseline-before-machinery': [
    'Baseline design',
    'Queue threshold',
    'Cache threshold',
    'Shard threshold',
    'Search index threshold',
    'Stream processor threshold',
    'Workflow engine threshold',
  ],
  'hint-recovery': ['Answer'],
  'failure-taxonomy-replay': ['The answer that went badly', 'Failure labels', 'First three minutes, rewritten'],
  'signal-labeling': [
    'Problem framing',
    'Coding fluency',
    'Architectural judgment',
    'Production judgment',
    'Delivery judgment',
    'Leadership and influence',
    'Communication and reflection',
  ],
  'hidden-reasoning-audit': ['Solution', 'Silent decisions', 'Decisions explained'],
  'recovery-practice': ['The assumption that was too strong', 'How the model changes', 'Continue'],
  'incident-triage': [
    'Impact questions',
    'Investigation order',
    'First mitigation',
    'Roles',
    'Update for engineers',
    'Update for support',
    'Update for executives',
  ],
  'rollout-plan': [
    'The change and its risk',
    'Stages and gates',
    'Rollback',
    'Feature flag',
    'Metrics watched',
    'When not to deploy',
  ],
  postmortem: ['Timeline', 'Impact', 'Contributing factors', 'What went well', 'Action items'],
};

test('every drill shows its title, purpose, rubric, prompt, steps and labelled sections', async ({ page }) => {
  for (const [id, labels] of Object.entries(sections)) {
    await open(page, `#/drill/${id}`);
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Page not found');
    await expect(page.getByText(/scored on the .* rubric/)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Prompt' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Steps' })).toBeVisible();
    for (const label of labels) {
      await expect(page.getByRole('textbox', { name: label, exact: true })).toBeVisible();
    }
  }
});

test('"Another prompt" picks a different prompt', async ({ page }) => {
  await open(page, '#/drill/baseline-before-machinery');
  const prompt = page.locator('.prompt-text');
  const first = await prompt.textContent();
  await page.getByRole('button', { name: 'Another prompt' }).click();
  await expect(prompt).not.toHaveText(first ?? '');
});

test('a typed draft survives a reload', async ({ page }) => {
  await open(page, '#/drill/incident-triage');
  const box = page.getByRole('textbox', { name: 'Impact questions', exact: true });
  await box.fill('Who is affected: all users or one region? What changed in the last hour?');
  await page.reload();
  await expect(box).toHaveValue('Who is affected: all users or one region? What changed in the last hour?');
});

test('the clock is a wall-clock deadline: right after five minutes and a reload', async ({ page }) => {
  await freezeClock(page);
  await open(page, '#/drill/evidence-replay');
  const timer = page.getByRole('timer', { name: 'Time left' });
  await expect(timer).toHaveText('20:00');
  await page.getByRole('button', { name: 'Start drill' }).click();
  await page.clock.runFor(5 * MIN);
  await expect(timer).toHaveText('15:00');
  await page.reload();
  await expect(timer).toHaveText('15:00');
  await page.clock.runFor(30_000);
  await expect(timer).toHaveText('14:30');
});

test('pause holds across a reload and resume continues from there', async ({ page }) => {
  await freezeClock(page);
  await open(page, '#/drill/recovery-practice');
  const timer = page.getByRole('timer', { name: 'Time left' });
  await page.getByRole('button', { name: 'Start drill' }).click();
  await page.clock.runFor(2 * MIN);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.clock.runFor(3 * MIN);
  await expect(timer).toHaveText('13:00');
  await page.reload();
  await expect(timer).toHaveText('13:00');
  await page.getByRole('button', { name: 'Resume' }).click();
  await page.clock.runFor(MIN);
  await expect(timer).toHaveText('12:00');
  await page.getByRole('button', { name: 'Add a minute' }).click();
  await expect(timer).toHaveText('13:00');
});

test('time up: overtime counts up, the title flashes "Time\'s up", and writing goes on', async ({ page }) => {
  await freezeClock(page);
  await open(page, '#/drill/baseline-before-machinery');
  const timer = page.getByRole('timer', { name: 'Time left' });
  await page.getByRole('button', { name: 'Start drill' }).click();
  await page.clock.runFor(15 * MIN + 5_000);
  await expect(timer).toHaveText('+0:05');
  await expect(page.getByText('Overtime: keep going or finish')).toBeVisible();
  await expect(page).toHaveTitle(/Time's up/);
  const box = page.getByRole('textbox', { name: 'Baseline design', exact: true });
  await box.fill('One Postgres and one app server.');
  await expect(box).toHaveValue('One Postgres and one app server.');
  await page.getByRole('button', { name: 'Finish drill' }).click();
  await expect(page).toHaveURL(/#\/attempt\//);
  await expect(page).not.toHaveTitle(/Time's up/);
});

test('two tabs: a drill open in one keeps working while the other saves, and a change made elsewhere is announced', async ({ page, context }) => {
  await open(page, '#/drill/signal-labeling');
  const other = await context.newPage();
  await open(other, '#/drill/incident-triage');
  await other.getByRole('textbox', { name: 'Impact questions', exact: true }).fill('Who cannot book: web, app, or both?');
  // The first tab hears about that write; its own unsaved draft must survive it.
  const mine = page.getByRole('textbox', { name: 'Problem framing', exact: true });
  await mine.fill('Asks who the rate limit protects before picking an algorithm.');
  await page.reload();
  await expect(mine).toHaveValue('Asks who the rate limit protects before picking an algorithm.');
  // Now both tabs have the incident drill open; an edit in one shows up in the other, with a notice.
  await open(page, '#/drill/incident-triage');
  await other.getByRole('textbox', { name: 'Impact questions', exact: true }).fill('Who cannot book: web, app, or both? Since when?');
  await expect(page.getByRole('textbox', { name: 'Impact questions', exact: true })).toHaveValue(
    'Who cannot book: web, app, or both? Since when?',
  );
  await expect(page.getByText('changed in another tab')).toBeVisible();
});
