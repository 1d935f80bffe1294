import { test, expect, open } from './fixtures';

const weak = 'We rebuilt the onboarding flow and customers loved it. Obviously we went with React Native.';
const senior =
  'We rebuilt the onboarding flow in two releases. I owned the account-linking step because drop-off there was 31%, ' +
  'and I chose React Native because two of us already knew it, at the cost of a slower first screen.';

test('findings appear on the words as the user types and go away after a rewrite', async ({ page }) => {
  await open(page, '#/drill/evidence-replay');
  const box = page.getByRole('textbox', { name: 'Senior version', exact: true });
  await box.pressSequentially(weak.slice(0, 20));
  await box.fill(weak);
  const panel = page.getByRole('region', { name: 'Feedback' });
  await expect(panel).toContainText('On: Senior version');
  const findings = panel.getByRole('listitem').filter({ has: page.locator('.finding-jump') });
  await expect(findings.filter({ hasText: 'Vague "we"' }).first()).toContainText('We rebuilt');
  await expect(findings.filter({ hasText: 'Hidden reasoning' }).first()).toContainText('Obviously');
  // The mark covers the team's claim: the subject with its verb and object.
  await expect(page.locator('#section-senior-marks mark.mark-vague-we').first()).toHaveText('We rebuilt the onboarding flow');
  await box.fill(senior);
  await expect(panel.getByText('No findings in this section.')).toBeVisible();
  await expect(page.locator('#section-senior-marks mark')).toHaveCount(0);
});

test('activating a finding selects its phrase in the text area', async ({ page }) => {
  await open(page, '#/drill/evidence-replay');
  const box = page.getByRole('textbox', { name: 'Weak version', exact: true });
  await box.fill(weak);
  const panel = page.getByRole('region', { name: 'Feedback' });
  await panel.getByRole('button', { name: /Hidden reasoning.*Obviously/ }).click();
  await expect(box).toBeFocused();
  const selected = await box.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd));
  // The decision the word asserts, not just the word.
  expect(selected).toBe('Obviously we went with React Native');
  await expect(page.locator('.editor-status').first()).toContainText('Hidden reasoning');
});

test('marks line up with the words in the text area, also after wrapping', async ({ page }) => {
  await open(page, '#/drill/evidence-replay');
  const box = page.getByRole('textbox', { name: 'Weak version', exact: true });
  const long = 'Some context first. '.repeat(12) + weak + ' ' + 'More words to wrap. '.repeat(10) + 'Clearly a cache was needed.';
  await box.fill(long);
  const marks = page.locator('#section-weak-marks mark');
  await expect(marks.first()).toBeVisible();
  const count = await marks.count();
  expect(count).toBeGreaterThan(2);
  for (let i = 0; i < count; i++) {
    const mark = marks.nth(i);
    const start = Number(await mark.getAttribute('data-start'));
    const end = Number(await mark.getAttribute('data-end'));
    // The text offset under the mark's first and last character must be the mark's own offsets.
    const offsets = await mark.evaluate((el) => {
      // Out from under the sticky clock, so the point hits the text area.
      el.scrollIntoView({ block: 'center' });
      const rects = Array.from(el.getClientRects());
      const first = rects[0];
      const last = rects[rects.length - 1];
      const at = (x: number, y: number) => {
        const pos = (document as any).caretPositionFromPoint(x, y);
        return pos ? pos.offset : -1;
      };
      return [at(first.left + 1, first.top + first.height / 2), at(last.right - 1, last.top + last.height / 2)];
    });
    expect(Math.abs(offsets[0] - start), `start of mark ${i}`).toBeLessThanOrEqual(1);
    expect(Math.abs(offsets[1] - end), `end of mark ${i}`).toBeLessThanOrEqual(1);
  }
});

test('a rule can be muted and a finding dismissed, and both are remembered', async ({ page }) => {
  await open(page, '#/drill/evidence-replay');
  const box = page.getByRole('textbox', { name: 'Weak version', exact: true });
  await box.fill(weak);
  const panel = page.getByRole('region', { name: 'Feedback' });
  await panel.getByRole('button', { name: 'Mute Vague impact' }).click();
  await expect(panel.getByRole('button', { name: /Vague impact.*customers loved it/ })).toHaveCount(0);
  const first = panel.getByRole('listitem').filter({ hasText: 'We rebuilt' });
  await first.getByRole('button', { name: 'Not an issue here' }).click();
  await expect(panel.getByRole('button', { name: /We rebuilt/ })).toHaveCount(0);
  await page.reload();
  await box.focus();
  await expect(panel.getByRole('button', { name: /Hidden reasoning.*Obviously/ })).toBeVisible();
  await expect(panel.getByRole('button', { name: /We rebuilt/ })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: /customers loved it/ })).toHaveCount(0);
  await panel.getByRole('button', { name: 'Unmute Vague impact' }).click();
  await expect(panel.getByRole('button', { name: /customers loved it/ })).toBeVisible();
});

test('"See a weak and a strong example" shows both for this drill and section and leaves the answer alone', async ({ page }) => {
  await open(page, '#/drill/attribution-split');
  const button = page.getByRole('button', { name: 'See a weak and a strong example for Team outcome' });
  await expect(button).toHaveText('See a weak and a strong example');
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const examples = page.getByRole('group', { name: 'Examples for Team outcome' });
  // The team-outcome examples of attribution split, not a story from another drill.
  await expect(examples.getByRole('figure').filter({ hasText: 'Weak' })).toContainText('We did a lot and it went really well.');
  await expect(examples.getByRole('figure').filter({ hasText: 'Strong' })).toContainText('A team of six launched the Android app in March; 40% of bookings now come through it.');
  // The weak one names what the analyzer flags in it.
  await expect(examples).toContainText(/Flagged: .+\./);
  await expect(page.getByRole('textbox', { name: 'Team outcome', exact: true })).toHaveValue('');
  // Another section of another drill has its own.
  await open(page, '#/drill/postmortem');
  await page.getByRole('button', { name: 'See a weak and a strong example for Action items' }).click();
  const actions = page.getByRole('group', { name: 'Examples for Action items' });
  await expect(actions).toContainText('We should improve our monitoring.');
  await expect(actions).toContainText('I own an expiry alert 30 days ahead for every certificate, due 3 May.');
  await expect(actions).toContainText('Flagged: Vague action item');
});

test('the Signals meter and the legend explain the marks', async ({ page }) => {
  await open(page, '#/drill/attribution-split');
  await page.getByRole('textbox', { name: 'Team outcome', exact: true }).fill('We rebuilt the whole checkout and our team delivered it on time. It was a huge success for the business.');
  const panel = page.getByRole('region', { name: 'Feedback' });
  await expect(panel.locator('.finding').first()).toBeVisible();
  const signals = panel.getByRole('region', { name: 'Signals' });
  await expect(signals.getByRole('listitem')).toHaveCount(7);
  await expect(signals).toContainText('not shown');
  await panel.getByText('What the marks mean').click();
  await expect(panel.getByRole('definition').first()).toBeVisible();
  // Every rule's mark is drawn, and no two rules are drawn alike: a finding
  // counted in the panel is always visible in the text.
  const samples = panel.locator('.legend .mark-sample');
  await expect(samples).toHaveCount(11);
  const looks = await samples.evaluateAll((els) =>
    els.map((el) => {
      const s = getComputedStyle(el);
      return `${s.textDecorationLine} ${s.textDecorationStyle} ${s.textDecorationColor}`;
    }),
  );
  for (const look of looks) expect(look).not.toMatch(/^none|rgba\(0, 0, 0, 0\)/);
  expect(new Set(looks).size).toBe(11);
});

test('the newer rules mark their words in the text too', async ({ page }) => {
  await open(page, '#/drill/evidence-replay');
  await page
    .getByRole('textbox', { name: 'Weak version', exact: true })
    .fill('I did the backend, the dashboards, everything. Going forward we should improve our monitoring.');
  await expect(page.locator('#section-weak-marks mark.mark-over-claiming')).toHaveText('I did the backend, the dashboards, everything');
  await expect(page.locator('#section-weak-marks mark.mark-vague-action-item')).toHaveText('Going forward we should improve our monitoring');
});

test('typing into a 1,500-word answer: the analysis catches up with the last keystroke', async ({ page }) => {
  await open(page, '#/drill/evidence-replay');
  const box = page.getByRole('textbox', { name: 'Senior version', exact: true });
  const sentence = 'We moved the nightly import to streaming and I owned the cut-over plan because the batch window was closing. ';
  const words = sentence.split(' ').length - 1;
  await box.fill(sentence.repeat(Math.ceil(1500 / words)));
  await expect(page.locator('#section-senior-status')).toContainText(/finding/);
  await page.evaluate(() => {
    (window as any).__slowInputs = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as any[]) {
        if (e.name === 'input') {
          (window as any).__slowInputs.push(e.processingEnd - e.processingStart);
        }
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: false } as any);
  });
  await box.press('End');
  const typed = 'x'.repeat(10) + ' Clearly it was better. '.repeat(8).slice(0, 190);
  await box.pressSequentially(typed);
  // The analyzer runs in its worker: the last keystroke's answer arrives and
  // marks the last "Clearly" typed.
  await expect(page.locator('#section-senior-marks mark', { hasText: 'Clearly' }).last()).toBeVisible();
  // Event Timing records the input events that took 16 ms or more to present;
  // their processing time is the handler's own cost (the save and the post to
  // the worker; the analysis no longer runs in the handler).
  // How long the handlers take is a figure, not a pass/fail bound: it swings
  // with the machine's load (2 to 11 of 200 on this 2-core VM), so it is
  // printed here and measured by `make bench-inp` (INP and the worst event).
  const slow = (await page.evaluate(() => (window as any).__slowInputs as number[])).filter((d) => d >= 16);
  console.log(`input handlers of 200 over one frame: ${slow.length} ${JSON.stringify(slow.map(Math.round))}`);
  // Every keystroke reached the field: nothing was dropped while the worker analysed.
  expect((await box.inputValue()).endsWith(typed)).toBe(true);
});

test('a 10,000-word paste keeps the page responsive and is analysed', async ({ page }) => {
  await open(page, '#/drill/evidence-replay');
  const box = page.getByRole('textbox', { name: 'Weak version', exact: true });
  const text = 'We shipped it and it was a huge success for everyone involved in the launch. '.repeat(700);
  await page.evaluate(() => {
    (window as any).__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) (window as any).__longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  await box.fill(text);
  await expect(page.getByRole('region', { name: 'Feedback' }).locator('.finding').first()).toBeVisible({ timeout: 10_000 });
  await box.press('End');
  await box.pressSequentially(' More.');
  await expect(box).toHaveValue(text + ' More.');
  const longTasks = await page.evaluate(() => (window as any).__longTasks as number[]);
  console.log(`10,000-word paste: long tasks ${JSON.stringify(longTasks.map((d) => Math.round(d)))}`);
  expect(Math.max(0, ...longTasks)).toBeLessThan(500);
});
