import { test, expect, open } from './fixtures';
import { freezeClock, exportMarkdown, unescape, MIN } from './clock';

// The production-judgment drills: rollout plan, postmortem, and the deeper incident triage.

test('rollout plan: the current step follows the clock, time per step is recorded, shown and exported, and a strong answer sits beside mine', async ({ page }, info) => {
  await freezeClock(page);
  await open(page, '#/drill/rollout-plan');
  await expect(page.getByRole('heading', { level: 1, name: 'Rollout plan' })).toBeVisible();
  await expect(page.getByText('20 minutes · scored on the Failure diagnostic rubric')).toBeVisible();
  const steps = page.getByRole('region', { name: 'Steps' });
  await expect(steps.getByRole('listitem')).toHaveText([
    /^The change and its risk — 3 min/,
    /^Stages and gates — 6 min/,
    /^Rollback — 4 min/,
    /^Feature flag — 3 min/,
    /^Metrics watched — 2 min/,
    /^When not to deploy — 2 min/,
  ]);
  await expect(steps.locator('[aria-current="step"]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Start drill' }).click();
  const current = steps.locator('[aria-current="step"]');
  await expect(current).toHaveCount(1);
  await expect(current).toContainText('The change and its risk — 3 min');
  await expect(current).toContainText('Now: 3:00 left in this step');

  await page.getByRole('textbox', { name: 'The change and its risk', exact: true }).fill(
    'Every outbound call drops from a 30 s to a 3 s timeout; slow exports would start failing.',
  );
  await page.clock.runFor(2 * MIN + 30_000);
  await expect(current).toContainText('Now: 0:30 left in this step');
  await page.getByRole('textbox', { name: 'Stages and gates', exact: true }).fill(
    'One instance for a day, then 5% of instances, then half, then all; each goes on while the 5xx rate stays within 0.2 points.',
  );
  await page.clock.runFor(40_000);
  await expect(current).toContainText('Stages and gates — 6 min');
  await expect(current).toContainText('Now: 5:50 left in this step');
  await page.clock.runFor(6 * MIN);
  await page.getByRole('textbox', { name: 'Rollback', exact: true }).fill(
    'Rollback when the 5xx rate rises by 0.5 points; the flag flips back in under a minute.',
  );
  await page.clock.runFor(MIN);
  await page.getByRole('button', { name: 'Finish drill' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rollout plan: results' })).toBeVisible();

  const table = page.getByRole('table', { name: 'Time per step' });
  await expect(table.getByRole('row')).toHaveText([
    'StepSuggestedSpent',
    'The change and its risk3:002:30',
    'Stages and gates6:006:40',
    'Rollback4:001:00',
    'Feature flag3:000:00',
    'Metrics watched2:000:00',
    'When not to deploy2:000:00',
  ]);

  // The strong answer of the family, only now, beside mine (below it on a phone).
  const answers = page.getByRole('region', { name: 'Your answers beside a strong one' });
  await expect(answers).toContainText('A strong answer, written for Evident');
  const pair = answers.locator('.answer-pair').first();
  const mine = await pair.locator('.mine').boundingBox();
  const model = await pair.locator('.model').boundingBox();
  expect(mine && model).toBeTruthy();
  if (info.project.name === 'phone') expect(model!.y).toBeGreaterThanOrEqual(mine!.y + mine!.height);
  else {
    expect(Math.abs(model!.y - mine!.y)).toBeLessThan(2);
    expect(model!.x).toBeGreaterThan(mine!.x + mine!.width);
  }
  await expect(pair.locator('.model')).toContainText('The change: the default timeout of every outbound call');
  const shows = page.getByRole('region', { name: 'What the strong answer shows' });
  await expect(shows).toContainText('Production judgment');

  const md = await exportMarkdown(page);
  expect(md).toContain('## Time per step\n\n| Step | Suggested | Spent |\n| --- | --- | --- |\n| The change and its risk | 3:00 | 2:30 |\n| Stages and gates | 6:00 | 6:40 |\n| Rollback | 4:00 | 1:00 |');
  expect(unescape(md)).toContain('## Stages and gates\n\nOne instance for a day, then 5% of instances');
});

test('postmortem: a vague action item is flagged, an owned one with a date is not, and the strong answer comes after finishing', async ({ page }) => {
  await open(page, '#/drill/postmortem');
  await expect(page.getByRole('heading', { level: 1, name: 'Postmortem' })).toBeVisible();
  await expect(page.getByText('Strong answer')).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Timeline', exact: true }).fill(
    '09:12 the certificate expires\n09:14 first failed logins\n09:41 a new certificate is live',
  );
  await page.getByRole('textbox', { name: 'Impact', exact: true }).fill('For 31 minutes nobody could log in: about 4,800 failed logins.');
  const actions = page.getByRole('textbox', { name: 'Action items', exact: true });
  await actions.fill('We should improve our monitoring.');
  const panel = page.getByRole('region', { name: 'Feedback' });
  await expect(panel).toContainText('On: Action items');
  await expect(panel.locator('.finding').first()).toContainText('Vague action item');
  await actions.fill('- I own an expiry alert 30 days ahead for every certificate, due 3 May.');
  await expect(panel.getByText('No findings in this section.')).toBeVisible();

  await page.getByRole('button', { name: 'Start drill' }).click();
  await page.getByRole('button', { name: 'Finish drill' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Postmortem: results' })).toBeVisible();
  const answers = page.getByRole('region', { name: 'Your answers beside a strong one' });
  await expect(answers.locator('.answer-pair')).toHaveCount(5);
  await expect(answers).toContainText('Priya owns a booking-failure alert at 2% over 3 minutes, due 7 March.');
  const md = await exportMarkdown(page);
  expect(unescape(md)).toContain('## Action items\n\n- I own an expiry alert 30 days ahead for every certificate, due 3 May.');
  expect(md).toContain('- Findings: none');
  // The model answer is ours, not the user's: it is not exported.
  expect(md).not.toContain('Priya owns');
});

test('incident triage: impact questions ticked or answered survive a reload and reach the results and the export', async ({ page }) => {
  await open(page, '#/drill/incident-triage');
  const prompt = page.locator('.prompt-text');
  for (let i = 0; i < 6; i++) {
    await expect(prompt).toContainText('Users suddenly cannot complete bookings in production.');
    await page.getByRole('button', { name: 'Another prompt' }).click();
  }
  const list = page.getByRole('group', { name: 'Impact questions: tick or answer' });
  await expect(list.getByRole('checkbox')).toHaveCount(8);
  await expect(list).toContainText('0 of 8 asked');
  await list.getByRole('checkbox', { name: /Did anything deploy or change just before/ }).check();
  await list.getByRole('textbox', { name: /Answer: Did anything deploy/ }).fill('booking-api 3.14 at 13:55');
  await list.getByRole('textbox', { name: /Answer: Who is affected/ }).fill('every region, web and app');
  await expect(list).toContainText('2 of 8 asked');
  await page.getByRole('textbox', { name: 'First mitigation', exact: true }).fill('Roll back to 3.13 first: no schema change, so it can be undone.');
  await page.reload();
  await expect(list.getByRole('checkbox', { name: /Did anything deploy/ })).toBeChecked();
  await expect(list.getByRole('textbox', { name: /Answer: Who is affected/ })).toHaveValue('every region, web and app');
  await expect(list).toContainText('2 of 8 asked');

  await page.getByRole('button', { name: 'Start drill' }).click();
  await page.getByRole('button', { name: 'Finish drill' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Incident triage: results' })).toBeVisible();
  const answers = page.getByRole('region', { name: 'Your answers beside a strong one' });
  await expect(answers).toContainText('Asked 2 of 8 impact questions');
  await expect(answers.locator('.checklist-results .asked')).toHaveCount(2);
  const md = await exportMarkdown(page);
  const shown = unescape(md);
  expect(shown).toContain('Asked 2 of 8 impact questions:');
  expect(shown).toContain('- [x] Did anything deploy or change just before (code, config, a feature flag, infrastructure)? — booking-api 3.14 at 13:55');
  expect(shown).toContain('- [ ] Are queues or background jobs backing up?');
});
