import { test, expect, open } from './fixtures';
import { freezeClock, exportMarkdown, unescape, MIN } from './clock';

// The drill mechanics issue 16 fixed: own prompts, the spoken summary, the
// hint inside its step, the steps' highlight, home's Continue, model answers
// only after finishing.

test('"Use my own prompt" starts empty with the drawn prompt one tap away, and exactly what is typed is saved and exported', async ({ page }) => {
  await open(page, '#/drill/baseline-before-machinery');
  const drawn = (await page.locator('.prompt-text').innerText()).trim();
  await page.getByRole('button', { name: 'Use my own prompt' }).click();
  const box = page.getByRole('textbox', { name: 'Your own prompt' });
  await expect(box).toHaveValue('');
  await expect(box).toBeFocused();
  await expect(page.locator('.drawn-prompt')).toHaveText(`Drawn prompt: ${drawn}`);
  const own = 'Design a ticket queue for a 20-person support team (with "quotes", *stars* & a | pipe).';
  // Typed key by key, as a user does: every keystroke lands where it was typed.
  await box.pressSequentially(own);
  await expect(box).toHaveValue(own);
  await page.reload();
  await expect(box).toHaveValue(own);
  // One tap brings the drawn prompt back; the own field then starts empty again.
  await page.getByRole('button', { name: 'Use the drawn prompt' }).click();
  await expect(page.locator('.prompt-text')).toHaveText(drawn);
  await page.getByRole('button', { name: 'Use my own prompt' }).click();
  await expect(box).toHaveValue('');
  await box.pressSequentially(own);
  await page.getByRole('button', { name: 'Start drill' }).click();
  await page.getByRole('button', { name: 'Finish drill' }).click();
  await expect(page.getByText('Your own prompt:')).toBeVisible();
  await expect(page.locator('.results-header blockquote')).toHaveText(own);
  const md = await exportMarkdown(page);
  expect(md).toContain('## Prompt\n\n_Your own prompt._\n\n');
  expect(unescape(md)).toContain(`\n${own}\n`);
  expect(md).not.toContain(drawn);
});

test('the spoken summary sub-timer sits next to its field, and Start, Done and Reset are saved, shown and exported', async ({ page }, info) => {
  await freezeClock(page);
  await open(page, '#/drill/attribution-split');
  const field = page.getByRole('textbox', { name: 'Spoken summary', exact: true });
  const timer = page.getByRole('timer', { name: 'Spoken summary time' });
  await expect(timer).toHaveText('2:00');
  const f = (await field.boundingBox())!;
  const t = (await page.locator('.sub-timer').boundingBox())!;
  if (info.project.name === 'phone') {
    // Right below the field, before anything else.
    expect(t.y).toBeGreaterThanOrEqual(f.y + f.height);
    expect(t.y - (f.y + f.height)).toBeLessThan(80);
  } else {
    // To its right, level with it: the two overlap vertically.
    expect(t.x).toBeGreaterThan(f.x + f.width);
    expect(t.y).toBeLessThan(f.y + f.height);
    expect(t.y + t.height).toBeGreaterThan(f.y);
  }
  await page.getByRole('button', { name: 'Start drill' }).click();
  await page.getByRole('button', { name: 'Start the spoken summary' }).click();
  await page.clock.runFor(104_000);
  await expect(timer).toHaveText('0:16');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(timer).toHaveText('1:44');
  await expect(page.getByText('Done in 1:44, saved with this attempt.')).toBeVisible();
  await page.clock.runFor(30_000);
  await expect(timer).toHaveText('1:44');
  await page.reload();
  await expect(timer).toHaveText('1:44');
  // Reset, then a second take that runs over.
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(timer).toHaveText('2:00');
  await page.getByRole('button', { name: 'Start the spoken summary' }).click();
  await page.clock.runFor(2 * MIN + 5_000);
  await expect(timer).toHaveText('+0:05');
  await expect(page.getByText('Two minutes are up: finish the sentence and press Done.')).toBeVisible();
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText('Done in 2:05: 0:05 over two minutes; cut it shorter next time.')).toBeVisible();
  await page.getByRole('button', { name: 'Finish drill' }).click();
  await expect(page.getByRole('definition').filter({ hasText: '2:05 of 2:00 (0:05 over)' })).toBeVisible();
  const md = await exportMarkdown(page);
  expect(md).toContain('- Spoken summary: 2:05 of 2:00 (0:05 over)\n');
});

test('hint recovery: the hint fits the prompt and arrives inside the Answer step, as the steps say', async ({ page }) => {
  await freezeClock(page);
  await open(page, '#/drill/hint-recovery');
  const prompt = page.locator('.prompt-text');
  // The case: the email notification design.
  for (let i = 0; i < 60 && !(await prompt.innerText()).startsWith('Design a notification service'); i++) {
    await page.getByRole('button', { name: 'Another prompt' }).click();
  }
  await expect(prompt).toHaveText('Design a notification service that emails users when their order ships.');
  const steps = page.getByRole('region', { name: 'Steps' });
  await expect(steps.getByRole('listitem')).toHaveText([
    'Answer — 7 min · the new constraint arrives between 3:30 and 7:00',
    'Take the hint — 1 min',
    'Recover and continue — 7 min',
  ]);
  await page.getByRole('textbox', { name: 'Answer', exact: true }).fill('I would start with an outbox table written in the same transaction as the shipped status.');
  await page.getByRole('button', { name: 'Start drill' }).click();
  const current = steps.locator('[aria-current="step"]');
  const dialog = page.getByRole('dialog', { name: 'New information' });
  await page.clock.runFor(3 * MIN + 29_000);
  await expect(dialog).toBeHidden();
  await expect(current).toContainText('Answer — 7 min');
  // By 6:59.9 (still inside the Answer step) it has come.
  await page.clock.runFor(3 * MIN + 30_900);
  await expect(dialog).toBeVisible();
  const hint = (await dialog.locator('.hint-text').innerText()).trim();
  expect([
    'The provider rate-limits you to 10 requests a second.',
    'Shipping runs as one nightly batch: 400,000 orders are marked shipped within the same five minutes.',
    'The shipping system sometimes sends the same event two or three times, and each shipment must still produce exactly one email.',
  ]).toContain(hint);
  await expect(current).toContainText('Take the hint — 1 min');
  await page.clock.runFor(20_000);
  await page.reload();
  await expect(dialog.locator('.hint-text')).toHaveText(hint);
  await dialog.getByRole('button', { name: 'Continue with the new constraint' }).click();
  const recovery = page.getByRole('textbox', { name: 'Recovery', exact: true });
  await recovery.fill('New constraint noted. Instead of sending each email at once, I would queue them and send within the limit.');
  await page.clock.runFor(2 * MIN);
  await page.getByRole('button', { name: 'Finish drill' }).click();
  const rows = page.getByRole('table', { name: 'Time per step' }).getByRole('row');
  await expect(rows).toHaveCount(4);
  const spent = async (i: number) => {
    const [m, s] = (await rows.nth(i).getByRole('cell').nth(1).innerText()).split(':').map(Number);
    return m * 60 + s;
  };
  expect(await spent(1)).toBeGreaterThanOrEqual(210);
  expect(await spent(1)).toBeLessThan(420);
  expect(await spent(2)).toBeGreaterThanOrEqual(20);
  expect(await spent(3)).toBe(120);
  // 6:59.9 plus 20 s (439.9 s), each of the two rows rounded down to its second.
  expect((await spent(1)) + (await spent(2))).toBeGreaterThanOrEqual(438);
  expect((await spent(1)) + (await spent(2))).toBeLessThanOrEqual(439);
  await expect(page.getByRole('region', { name: 'Hint and recovery' })).toContainText(hint);
});

test('recovery practice: the recovery check reads the answer against the prompt\'s new fact', async ({ page }) => {
  await open(page, '#/drill/recovery-practice');
  const prompt = page.locator('.prompt-text');
  for (let i = 0; i < 60 && !(await prompt.innerText()).includes('flash sales'); i++) {
    await page.getByRole('button', { name: 'Another prompt' }).click();
  }
  await page.getByRole('textbox', { name: 'The assumption that was too strong', exact: true }).fill('That a ten-minute-old price is fine at checkout.');
  await page.getByRole('textbox', { name: 'How the model changes', exact: true }).fill('During a flash sale a price must not be more than one second stale, so checkout reads the database instead of the cache.');
  await page.getByRole('button', { name: 'Start drill' }).click();
  await page.getByRole('button', { name: 'Finish drill' }).click();
  const check = page.getByRole('region', { name: 'New fact and recovery' });
  await expect(check).toContainText('The new fact: The business runs flash sales');
  await expect(check).toContainText('Restated the constraint: yes');
  await expect(check).toContainText('Revised the plan: yes');
  await expect(check).toContainText('Apologies: 0');
});

test('home: a running drill says "Continue" with its time left; a first-time user is told where to start', async ({ page }) => {
  await freezeClock(page);
  await open(page);
  await expect(page.locator('.start-here')).toHaveText(/^New here\? Start with Evidence replay: /);
  await expect(page.locator('.start-here').getByRole('link', { name: 'Evidence replay' })).toHaveAttribute('href', '#/drill/evidence-replay');
  await open(page, '#/drill/hint-recovery');
  await page.getByRole('button', { name: 'Start drill' }).click();
  await page.clock.runFor(7 * MIN + 48_000);
  await open(page);
  const cont = page.getByRole('link', { name: 'Continue: Hint recovery, 7:12 left' });
  await expect(cont).toBeVisible();
  await page.clock.runFor(1_000);
  await expect(page.getByRole('link', { name: 'Continue: Hint recovery, 7:11 left' })).toBeVisible();
  await page.getByRole('link', { name: /^Continue: Hint recovery/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hint recovery' })).toBeVisible();
  await expect(page.getByRole('timer', { name: 'Time left' })).toHaveText('7:11');
});

test('the strong answer is never shown before the drill is finished', async ({ page }) => {
  await open(page, '#/drill/evidence-replay');
  await page.getByRole('textbox', { name: 'Senior version', exact: true }).fill('I cut the deploy from 45 to 12 minutes.');
  await page.getByRole('button', { name: 'Start drill' }).click();
  await expect(page.getByText('Strong answer')).toHaveCount(0);
  await open(page, '#/history');
  await page.getByRole('link', { name: /Evidence replay/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Evidence replay: results' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Your answers' })).toBeVisible();
  await expect(page.getByText('Strong answer')).toHaveCount(0);
  await page.getByRole('link', { name: 'Back to the drill' }).click();
  await page.getByRole('button', { name: 'Finish drill' }).click();
  await expect(page.getByRole('region', { name: 'Your answers beside a strong one' })).toBeVisible();
  await expect(page.getByText('Strong answer').first()).toBeVisible();
});
