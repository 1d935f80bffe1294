import { test, expect, open } from './fixtures';
import { readFile } from 'node:fs/promises';
import { finishDrill, scoreRubric } from './scoring';

/// Markdown with backslash escapes removed (what a renderer shows).
const unescape = (md: string) => md.replace(/\\([\\`*_{}\[\]()#+\-.!|<>~&:"'=])/g, '$1');

// Issue 15's journey: two good Failure diagnostic rounds, then a zero on
// every dimension of another drill. The gate must say "Not yet" in the same
// words on the results, in History (filtered or not) and in both exports.
test('a zero round after two good ones is "Not yet" everywhere, in the same words', async ({ page }) => {
  const notYet = 'Not yet: all 7 dimensions scored 0 in round 3';
  const counted = 'Counted over your 3 Failure diagnostic rounds, from every drill.';

  // Round 1: Baseline before machinery. Its untested dimensions start as not tested.
  await finishDrill(page, 'baseline-before-machinery', 'Baseline before machinery', 'One Postgres table and a cron job.');
  const fd = page.getByRole('form', { name: 'Failure diagnostic' });
  await expect(fd.getByRole('group', { name: /^Recovery/ })).toContainText('not tested in this drill');
  await expect(
    fd.getByRole('group', { name: /^Recovery/ }).getByRole('radio', { name: /^Not tested in this drill/ }),
  ).toBeChecked();
  await scoreRubric(page, 'Failure diagnostic', [3, 3, 3, 'nt', 'nt', 3, 'nt']);
  await expect(fd.getByRole('status')).toContainText('Not yet: readiness needs two rounds (1 so far)');

  // Round 2: the same drill, better.
  await finishDrill(page, 'baseline-before-machinery', 'Baseline before machinery', 'One table; a queue once writes pass 2,000 a second.');
  await scoreRubric(page, 'Failure diagnostic', [4, 4, 4, 'nt', 'nt', 4, 'nt']);
  await expect(fd.getByRole('status')).toContainText(
    'Ready: no dimension scored 0 or 1 in rounds 1 and 2, so no brittle pattern is left for a senior loop to find',
  );

  // Round 3: Incident triage, 0 on every dimension (its untested ones scored anyway).
  await finishDrill(page, 'incident-triage', 'Incident triage', 'We looked at the logs and we rolled it back.');
  await scoreRubric(page, 'Failure diagnostic', [0, 0, 0, 0, 0, 0, 0]);
  const status = fd.getByRole('status');
  await expect(status).toContainText(notYet);
  await expect(status).toContainText(counted);
  await expect(status).not.toContainText('Ready:');

  // The export of this attempt says the same.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export Markdown' }).click(),
  ]);
  const md = unescape(await readFile((await download.path())!, 'utf8'));
  expect(md).toContain(`Gate: **${notYet}**  \n${counted}`);

  // History, unfiltered and filtered to either drill: the same verdict.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
  const progress = page.getByRole('region', { name: 'Progress' });
  for (const drill of ['All drills', 'Incident triage', 'Baseline before machinery']) {
    await page.getByLabel('Drill').selectOption({ label: drill });
    await expect(progress).toContainText(`Readiness on Failure diagnostic${notYet}${counted}`);
    await expect(progress).not.toContainText('Ready:');
  }
  // The dimensions holding it back and the drill to run next, with the reason.
  await expect(progress).toContainText('Clarification held the Failure diagnostic gate back after 1 of your 3 rounds');
  await expect(progress.getByRole('link', { name: 'Run Failure taxonomy replay' })).toBeVisible();
  await expect(progress).toContainText(
    'Clarification held the Failure diagnostic gate back after 1 of your 3 rounds; Failure taxonomy replay trains it most directly.',
  );
  // Habits name rules by title, never by id.
  await expect(progress.locator('.habit-list')).toContainText(/Vague "we" in \d of your last 3 answers/);
  await expect(progress).not.toContainText('vague-we');

  // The history export, filtered to Incident triage, carries the same line.
  await page.getByLabel('Drill').selectOption({ label: 'Incident triage' });
  const [history] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export Incident triage as Markdown' }).click(),
  ]);
  const all = unescape(await readFile((await history.path())!, 'utf8'));
  expect(all).toContain(`Gate: **${notYet}**  \n${counted}`);
  // Findings by title in the export, too.
  expect(all).toMatch(/### Vague "we" \(\d\)/);
  expect(all).not.toContain('vague-we');
});

test('results name rules by title, scope the hidden signals to the drill and put the form before the answers', async ({ page }) => {
  await finishDrill(
    page,
    'baseline-before-machinery',
    'Baseline before machinery',
    'We obviously need Kafka and Redis.\nWe also shard by user.',
  );
  const findings = page.getByRole('region', { name: 'Findings by rule' });
  await expect(findings).toContainText('Hidden reasoning: 1');
  await expect(findings).not.toContainText('hidden-reasoning');
  const answers = page.getByRole('region', { name: 'Your answers' });
  await expect(answers).toContainText('Hidden reasoning “We obviously need Kafka”');

  // Only the three signals this drill tests are asked about.
  const signals = page.getByRole('region', { name: 'Which signal did I hide?' });
  const asked = /^(Problem framing|Architectural judgment|Production judgment) — /;
  for (const li of await signals.locator('.hidden-signals li').all()) {
    await expect(li).toHaveText(asked);
  }
  await expect(signals).toContainText(
    'Not tested here: Coding fluency, Delivery judgment, Leadership and influence, Communication and reflection.',
  );

  // The rubric says what it measures; the form comes before the answers.
  const form = page.getByRole('form', { name: 'Failure diagnostic' });
  await expect(form).toContainText('Failure diagnostic scores, 0 to 4, the seven ways strong engineers fail senior interviews');
  await expect(form.getByRole('button', { name: 'Save Failure diagnostic scores' })).toBeVisible();
  const formTop = (await form.boundingBox())!.y;
  const answersTop = (await answers.boundingBox())!.y;
  expect(formTop).toBeLessThan(answersTop);

  // A dimension marked not tested can still be scored, and is then counted.
  await scoreRubric(page, 'Failure diagnostic', [3, 3, 3, 'nt', 'nt', 3, 1]);
  await expect(form.getByRole('status')).toContainText('Not yet: Recovery scored 1 in round 1');
  await page.reload();
  await expect(form.getByRole('group', { name: /^Recovery/ }).getByRole('radio', { name: /^1 / })).toBeChecked();
  await expect(
    form.getByRole('group', { name: /^Correctness and testing/ }).getByRole('radio', { name: /^Not tested in this drill/ }),
  ).toBeChecked();
});

test('each rubric on a drill screen says what it measures', async ({ page }) => {
  await open(page, '#/drill/evidence-replay');
  await expect(page.getByText(/^Failure diagnostic scores, 0 to 4/)).toBeVisible();
  await expect(page.getByText(/^Sampled performance scores, 1 to 5/)).toBeVisible();
});
