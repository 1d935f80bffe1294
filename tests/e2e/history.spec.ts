import { test, expect, open } from './fixtures';
import type { Page, BrowserContext } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { scoreRubric } from './scoring';
import { dump, legacyKeys, storedAttempts } from './storage';

/// Opens evidence replay, writes the weak version, starts and finishes it.
async function finishDrill(page: Page, weak: string) {
  await open(page, '#/drill/evidence-replay');
  await page.getByRole('textbox', { name: 'Weak version', exact: true }).fill(weak);
  await page.getByRole('button', { name: 'Start drill' }).click();
  await page.getByRole('button', { name: 'Finish drill' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Evidence replay: results' })).toBeVisible();
}

/// The stored attempts (IndexedDB), id → record.
const stored = storedAttempts;

function attemptRecords(all: Record<string, any>) {
  return all;
}

/// Fails the test on console errors of a page the fixture does not watch.
function watch(page: Page, problems: string[]) {
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
}

test('score a finished drill, reload, and history shows it with the trend plot', async ({ page }) => {
  await finishDrill(page, 'We made the checkout faster.');

  const fd = page.getByRole('form', { name: 'Failure diagnostic' });
  // Saving with a tested dimension unscored names the missing ones; the
  // dimensions evidence replay does not exercise start as not tested.
  await fd.getByRole('group', { name: 'Clarification' }).getByRole('radio', { name: /^3 / }).check();
  await expect(
    fd.getByRole('group', { name: /^Recovery/ }).getByRole('radio', { name: /^Not tested in this drill/ }),
  ).toBeChecked();
  await fd.getByRole('button', { name: 'Save Failure diagnostic scores' }).click();
  await expect(fd.getByRole('alert')).toHaveText('Choose a score for Reasoning visibility and Ownership evidence before saving.');

  // Scope control scored anyway, though this drill does not exercise it.
  await scoreRubric(page, 'Failure diagnostic', [3, 2, 1, 'nt', 3, 'nt', 'nt']);
  await expect(fd.getByRole('status')).toContainText(
    'Not yet: Scope control scored 1 in round 1; readiness needs two rounds (1 so far)',
  );
  await expect(fd.getByRole('status')).toContainText('Counted over your 1 Failure diagnostic round, from every drill.');
  await scoreRubric(page, 'Sampled performance', [4, 4, 4, 4, 'nt', 4]);
  const sp = page.getByRole('form', { name: 'Sampled performance' });
  await expect(sp.getByRole('status')).toContainText(/Readiness on Sampled performance\s*Ready: round 1 averages 4\.0/);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Evidence replay: results' })).toBeVisible();
  await expect(
    fd.getByRole('group', { name: /^Scope control/ }).getByRole('radio', { name: /^1 / }),
  ).toBeChecked();
  await expect(fd.getByRole('status')).toContainText('Not yet');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
  const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: /^Evidence replay, / }) });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText(
    'Failure diagnostic: Clarification 3 · Reasoning visibility 2 · Scope control 1 · Ownership evidence 3; not tested: Correctness and testing, Production judgment, Recovery',
  );
  await expect(item).toContainText('Planned 20:00');
  // One small plot per dimension, values in its name; the average for Sampled performance.
  await expect(page.getByRole('img', { name: 'Clarification: round 1 3. Gate line: 2 or more.' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Recovery: round 1 not tested. Gate line: 2 or more.' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Average: round 1 4.0. Gate line: 4.0 or more.' })).toBeVisible();
  // The values are also a table.
  await page.getByText('Failure diagnostic values').click();
  await expect(page.getByRole('table', { name: /Failure diagnostic scores by round/ })).toContainText('Production judgment');

  // Filtering by another drill hides it and the plots; the export follows the filter.
  await page.getByLabel('Drill').selectOption({ label: 'Hint recovery' });
  await expect(item).toHaveCount(0);
  await expect(page.getByText('No attempts yet.')).toBeVisible();
  await expect(page.getByRole('img', { name: /: round 1/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Export Hint recovery as Markdown' })).toBeVisible();
  await page.getByLabel('Drill').selectOption({ label: 'Evidence replay' });
  await expect(item).toHaveCount(1);

  await item.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Evidence replay: results' })).toBeVisible();
  await expect(page.getByText('We made the checkout faster.')).toBeVisible();
});

test('results show time, hidden signals, findings and notes that persist', async ({ page }) => {
  await finishDrill(page, 'We improved the system a lot.');
  await expect(page.getByRole('heading', { level: 2, name: 'Which signal did I hide?' })).toBeVisible();
  const time = page.getByRole('region', { name: 'Time', exact: true });
  await expect(time).toContainText('Planned');
  await expect(time).toContainText('20:00');
  await expect(page.getByRole('region', { name: 'Which signal did I hide?' })).toContainText('Problem framing');
  await page.getByRole('textbox', { name: 'Notes' }).fill('Lead with the number next time.');
  await expect
    .poll(async () => Object.values(attemptRecords(await stored(page))).map((a) => a.notes))
    .toContain('Lead with the number next time.');
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Notes' })).toHaveValue('Lead with the number next time.');
});

test('delete from history, then undo restores the attempt', async ({ page }) => {
  await finishDrill(page, 'An answer to delete.');
  await open(page, '#/history');
  const links = page.getByRole('link', { name: /^Evidence replay, / });
  await expect(links).toHaveCount(1);
  const before = attemptRecords(await stored(page));
  expect(Object.keys(before)).toHaveLength(1);

  await page.getByRole('button', { name: /^Delete Evidence replay/ }).click();
  await expect(links).toHaveCount(0);
  const status = page.getByRole('status').filter({ hasText: 'Deleted' });
  await expect(status).toContainText('Deleted the Evidence replay attempt');
  await expect(status.getByRole('button', { name: 'Undo' })).toBeFocused();
  await expect.poll(async () => Object.keys(attemptRecords(await stored(page)))).toHaveLength(0);

  await status.getByRole('button', { name: 'Undo' }).click();
  await expect(links).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: 'Restored' })).toBeVisible();
  await expect.poll(async () => attemptRecords(await stored(page))).toEqual(before);
  await page.reload();
  await expect(links).toHaveCount(1);
});

test('two pages of one context save attempts concurrently and both survive', async ({ page, context }) => {
  const other = await context.newPage();
  const problems: string[] = [];
  watch(other, problems);
  await Promise.all([open(page, '#/drill/evidence-replay'), open(other, '#/drill/attribution-split')]);
  await Promise.all([
    page.getByRole('textbox', { name: 'Weak version', exact: true }).fill('Written in the first tab.'),
    other.getByRole('textbox', { name: 'Team outcome', exact: true }).fill('Written in the second tab.'),
  ]);
  await Promise.all([
    page.getByRole('button', { name: 'Start drill' }).click(),
    other.getByRole('button', { name: 'Start drill' }).click(),
  ]);
  await Promise.all([
    page.getByRole('button', { name: 'Finish drill' }).click(),
    other.getByRole('button', { name: 'Finish drill' }).click(),
  ]);
  await expect(page.getByRole('heading', { level: 1, name: 'Evidence replay: results' })).toBeVisible();
  await expect(other.getByRole('heading', { level: 1, name: 'Attribution split: results' })).toBeVisible();

  // Each tab sees the other's attempt (storage event), and so does a reload.
  for (const p of [page, other]) {
    await open(p, '#/history');
    await expect(p.getByRole('link', { name: /^Evidence replay, / })).toHaveCount(1);
    await expect(p.getByRole('link', { name: /^Attribution split, / })).toHaveCount(1);
  }
  await page.reload();
  await expect(page.getByRole('link', { name: /^Evidence replay, / })).toHaveCount(1);
  await expect(page.getByRole('link', { name: /^Attribution split, / })).toHaveCount(1);
  expect(Object.keys(await stored(page))).toHaveLength(2);
  expect(Object.keys((await dump(page)).summaries)).toHaveLength(2);
  await other.close();
  expect(problems).toEqual([]);
});

test('a corrupt stored value is kept aside and reported', async ({ page }) => {
  await open(page);
  await page.evaluate(() => localStorage.setItem('evident.attempt.x', '{not json'));
  await page.reload();
  const notices = page.getByRole('region', { name: 'Notices about stored data' });
  await expect(notices).toContainText('Could not read `evident.attempt.x`');
  await expect(notices).toContainText('kept aside and is included in backups');

  // Moved out of localStorage into the database's quarantine, raw text kept.
  expect(await legacyKeys(page)).toEqual([]);
  const aside = Object.entries((await dump(page)).quarantine);
  expect(aside).toHaveLength(1);
  expect(aside[0][0]).toMatch(/^evident\.quarantine\.evident\.attempt\.x\./);
  expect((aside[0][1] as { raw: string }).raw).toBe('{not json');

  // Still listed in the backup, and the notice can be dismissed.
  await open(page, '#/history');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export backup' }).click(),
  ]);
  const backup = JSON.parse(await readFile((await download.path())!, 'utf8'));
  expect(backup.quarantined.map((q: { raw: string }) => q.raw)).toEqual(['{not json']);
  await notices.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notices).toBeHidden();
});

test('importing a malformed backup shows the exact error and changes nothing', async ({ page }) => {
  await finishDrill(page, 'Kept through a bad import.');
  await open(page, '#/history');
  const before = await stored(page);
  const input = page.getByLabel('Import backup');
  const alert = page.getByRole('alert');

  await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{oops') });
  await expect(alert).toHaveText('The file is not valid JSON: key must be a string at line 1 column 2.');

  const invalid = { format: 'evident-backup', version: 1, attempts: [{ id: 'a1', version: 2 }] };
  await input.setInputFiles({
    name: 'invalid.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(invalid)),
  });
  await expect(alert).toHaveText('The backup was not imported:\n- attempt 1 (id a1): field `drill_id` is missing');

  await input.setInputFiles({
    name: 'other.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'something-else', version: 1, attempts: [] })),
  });
  await expect(alert).toContainText('this is not an Evident backup (field `format` is "something-else"');

  expect(await stored(page)).toEqual(before);
  await expect(page.getByRole('link', { name: /^Evidence replay, / })).toHaveCount(1);
});

test('export a backup, then import it into a fresh context: everything is restored', async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  await finishDrill(page, 'A backup should keep this.');
  await page.getByRole('textbox', { name: 'Notes' }).fill('Notes travel with the backup.');
  await scoreRubric(page, 'Sampled performance', [5, 4, 3, 4, 5, 4]);
  await open(page, '#/history');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export backup' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^evident-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const file = (await download.path())!;
  const original = await stored(page);

  const use = testInfo.project.use;
  const fresh: BrowserContext = await browser.newContext({
    baseURL,
    viewport: use.viewport,
    isMobile: use.isMobile,
    hasTouch: use.hasTouch,
    userAgent: use.userAgent,
  });
  const problems: string[] = [];
  const other = await fresh.newPage();
  watch(other, problems);
  await open(other, '#/history');
  await expect(other.getByText('No attempts yet.')).toBeVisible();
  await other.getByLabel('Import backup').setInputFiles(file);
  await expect(other.getByRole('status').filter({ hasText: 'Backup imported' })).toContainText('1 attempt added');
  await expect(other.getByRole('link', { name: /^Evidence replay, / })).toHaveCount(1);
  expect(attemptRecords(await stored(other))).toEqual(attemptRecords(original));

  // Importing the same file again changes nothing.
  await other.getByLabel('Import backup').setInputFiles(file);
  await expect(other.getByRole('status').filter({ hasText: 'Backup imported' })).toContainText(
    '0 attempts added, 0 updated, 1 already up to date',
  );

  await other.getByRole('link', { name: /^Evidence replay, / }).click();
  await expect(other.getByRole('textbox', { name: 'Notes' })).toHaveValue('Notes travel with the backup.');
  await expect(
    other.getByRole('form', { name: 'Sampled performance' }).getByRole('group', { name: 'Framing' }).getByRole('radio', { name: /^5 / }),
  ).toBeChecked();
  await fresh.close();
  expect(problems).toEqual([]);
});

test('a full store shows a banner that offers a backup of what is only in this tab', async ({ page, baseURL }) => {
  await open(page, '#/drill/evidence-replay');
  // A real quota error: the origin's quota cut to what it already uses.
  const cdp = await page.context().newCDPSession(page);
  const { usage } = await cdp.send('Storage.getUsageAndQuota', { origin: new URL(baseURL!).origin });
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseURL!).origin, quotaSize: usage + 1024 });
  const long = 'Only in memory for now. ' + 'x'.repeat(200_000);
  await page.getByRole('textbox', { name: 'Weak version', exact: true }).fill(long);
  const banner = page.getByRole('alert').filter({ hasText: 'Storage is full' });
  await expect(banner).toContainText('your latest changes are kept in this tab only');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    banner.getByRole('button', { name: 'Export backup' }).click(),
  ]);
  const backup = JSON.parse(await readFile((await download.path())!, 'utf8'));
  expect(JSON.stringify(backup.attempts)).toContain('Only in memory for now.');
  await expect(banner).toContainText(`Downloaded ${download.suggestedFilename()}`);
  expect(Object.keys(await stored(page))).toHaveLength(0);
});

test('a hint recovery attempt shows the hint and the recovery check', async ({ page }) => {
  const attempt = {
    version: 2,
    id: 'hr-1',
    drill_id: 'hint-recovery',
    prompt: 'Design a URL shortener.',
    sections: {
      answer: 'I would start with one Postgres table keyed by the short code.',
      recovery: 'Sorry. With 100x the writes, one primary no longer holds, so instead I would shard by code.',
    },
    timer: { duration_ms: 900000, started_at: 1710000000000, paused_total_ms: 0, paused_since: null, finished_at: 1710000960000 },
    hint: { index: 0, text: 'The write volume is 100× what you assumed.', at_active_ms: 300000, acknowledged: true },
    scores: [],
    notes: '',
    created_at_ms: 1709999990000,
    updated_at_ms: 1710000960000,
    tz_offset_minutes: 120,
  };
  await open(page);
  await page.evaluate((a) => localStorage.setItem(`evident.attempt.${a.id}`, JSON.stringify(a)), attempt);
  await open(page, '#/history');
  await page.reload();
  await page.getByRole('link', { name: 'Hint recovery, 2024-03-09 17:59' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hint recovery: results' })).toBeVisible();
  const time = page.getByRole('region', { name: 'Time', exact: true });
  await expect(time).toContainText('16:00');
  await expect(time).toContainText('1:00 over the plan');
  const recovery = page.getByRole('region', { name: 'Hint and recovery' });
  await expect(recovery).toContainText('The write volume is 100× what you assumed.');
  await expect(recovery).toContainText('Restated the constraint: yes');
  await expect(recovery).toContainText('Revised the plan: yes');
  await expect(recovery).toContainText('Apologies: 1');
  // Failure diagnostic only for this drill.
  await expect(page.getByRole('form', { name: 'Failure diagnostic' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Sampled performance' })).toHaveCount(0);
});
