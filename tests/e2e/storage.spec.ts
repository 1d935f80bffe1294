import { test, expect, open } from './fixtures';
import type { Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { controlDatabase, db, dump, legacyKeys, rescueKeys, storedAttempts } from './storage';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { makeBackup } = require('../../scripts/make_backup.cjs');

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'storage', name), 'utf8');

/// A localStorage profile of the first releases: every key kind, every version.
const PROFILE: Record<string, string> = {
  'evident.attempt.a-1700000000000-01': fixture('attempt-v1.json'),
  'evident.attempt.a-1710000000000-7f': fixture('attempt-v2.json'),
  'evident.index': fixture('index-v1.json'),
  'evident.prefs': fixture('prefs-v1.json'),
  'evident.quarantine.evident.attempt.old': fixture('quarantine-v1.json'),
  'evident.attempt.broken': '{half a record',
};

/// Writes the legacy profile into localStorage, then reloads so the app starts on it.
async function seedLegacy(page: Page) {
  await open(page);
  await page.evaluate((profile) => {
    for (const [k, v] of Object.entries(profile)) localStorage.setItem(k, v);
  }, PROFILE);
  await page.reload();
}

async function expectProfileInHistory(page: Page) {
  await open(page, '#/history');
  await expect(page.getByRole('link', { name: /^Hint recovery, / })).toHaveCount(1);
  await expect(page.getByRole('link', { name: /^Evidence replay, / })).toHaveCount(1);
}

test('a localStorage profile of every version moves into IndexedDB, verified, then leaves', async ({ page }) => {
  await seedLegacy(page);
  const notices = page.getByRole('region', { name: 'Notices about stored data' });
  await expect(notices).toContainText("Moved 2 saved attempts to the browser's database, each checked after copying.");
  await expect(notices).toContainText('Could not read `evident.attempt.broken`');
  await expect.poll(() => legacyKeys(page)).toEqual([]);

  const db = await dump(page);
  const v1 = JSON.parse(PROFILE['evident.attempt.a-1700000000000-01']);
  const v2 = JSON.parse(PROFILE['evident.attempt.a-1710000000000-7f']);
  // Both are stored in the current schema (4). Version 1 was upgraded (UTC offset, hint
  // acknowledged, score notes); version 2 changes its version (its values are all scores) and
  // gains version 3's empty issue-16 fields and version 4's empty recordings.
  expect(db.attempts[v1.id]).toMatchObject({ version: 4, sections: v1.sections, notes: v1.notes, tz_offset_minutes: 0 });
  expect(db.attempts[v2.id]).toEqual({
    ...v2,
    version: 4,
    step_times: [],
    spoken_summary: null,
    checklist: [],
    drawn_prompt: null,
    recordings: [],
  });
  expect(Object.keys(db.summaries).sort()).toEqual([v1.id, v2.id]);
  expect(db.prefs.prefs).toMatchObject({ muted_rules: ['trait-claim', 'vague-we'] });
  const aside = Object.values(db.quarantine) as { original_key: string; raw: string }[];
  expect(aside.map((q) => q.original_key).sort()).toEqual(['evident.attempt.broken', 'evident.attempt.old']);
  expect(aside.find((q) => q.original_key === 'evident.attempt.broken')!.raw).toBe('{half a record');

  await expectProfileInHistory(page);
  await page.getByRole('link', { name: /^Hint recovery, / }).click();
  await expect(page.getByText('So I batch.')).toBeVisible();
});

test('a failed move leaves localStorage untouched, says so, and still shows the work', async ({ page }) => {
  // Every write transaction fails as on a full disk.
  await page.addInitScript(() => {
    const transaction = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (names: string | string[], mode?: IDBTransactionMode) {
      const tx = transaction.call(this, names, mode);
      if (mode === 'readwrite') {
        Object.defineProperty(tx, 'error', { value: new DOMException('The quota has been exceeded.', 'QuotaExceededError') });
        queueMicrotask(() => tx.abort());
      }
      return tx;
    } as typeof transaction;
  });
  await seedLegacy(page);
  const notices = page.getByRole('region', { name: 'Notices about stored data' });
  await expect(notices).toContainText("could not be moved to the browser's database (browser storage is full)");
  await expect(notices).toContainText('left where it was, untouched');
  expect(await legacyKeys(page)).toEqual(Object.keys(PROFILE).sort());
  for (const [k, v] of Object.entries(PROFILE)) {
    expect(await page.evaluate((key) => localStorage.getItem(key), k)).toBe(v);
  }
  await expectProfileInHistory(page);
});

test('a reload in the middle of the move recovers: everything once, nothing left behind', async ({ page }) => {
  // The first time the app removes a moved key (after copying and checking),
  // the page reloads instead: the move is cut off half-way.
  await page.addInitScript(() => {
    const remove = Storage.prototype.removeItem;
    Storage.prototype.removeItem = function (key: string) {
      if (key.startsWith('evident.') && !sessionStorage.getItem('cut')) {
        sessionStorage.setItem('cut', 'yes');
        remove.call(this, key);
        location.reload();
        throw new Error('reloading mid-migration');
      }
      return remove.call(this, key);
    };
  });
  await open(page);
  await page.evaluate((profile) => {
    for (const [k, v] of Object.entries(profile)) localStorage.setItem(k, v);
  }, PROFILE);
  await page.reload();
  // The page reloads under the poll: a read during the navigation is retried.
  await expect
    .poll(() => page.evaluate(() => sessionStorage.getItem('cut')).catch(() => null))
    .toBe('yes');
  await expect.poll(() => legacyKeys(page).catch(() => ['reloading']), { timeout: 10_000 }).toEqual([]);
  await open(page);
  const db = await dump(page);
  expect(Object.keys(db.attempts).sort()).toEqual(['a-1700000000000-01', 'a-1710000000000-7f']);
  expect(Object.keys(db.quarantine)).toHaveLength(2);
  await expectProfileInHistory(page);
});

test('two tabs typing in one drill with saves 20 ms apart keep every word', async ({ page, context }) => {
  const other = await context.newPage();
  await open(page, '#/drill/evidence-replay');
  const weak = page.getByRole('textbox', { name: 'Weak version', exact: true });
  await weak.fill('Started in tab one.');
  await expect.poll(async () => Object.keys(await storedAttempts(page))).toHaveLength(1);
  // The second tab opens the same drill: the same attempt.
  await open(other, '#/drill/evidence-replay');
  await expect(other.getByRole('textbox', { name: 'Weak version', exact: true })).toHaveValue('Started in tab one.');

  const mid = page.getByRole('textbox', { name: 'Mid version', exact: true });
  const senior = other.getByRole('textbox', { name: 'Senior version', exact: true });
  const alpha: string[] = [];
  const beta: string[] = [];
  for (let round = 1; round <= 6; round++) {
    alpha.push(`alpha${round}`);
    beta.push(`beta${round}`);
    await mid.fill(alpha.join(' '));
    await senior.fill(beta.join(' '));
    // Both tabs save now, the second 20 ms after the first (a save is
    // what a hidden page does at once, instead of waiting for the pause).
    await Promise.all([
      page.evaluate(() => dispatchEvent(new Event('pagehide'))),
      other.evaluate(() => new Promise<void>((ok) => setTimeout(() => { dispatchEvent(new Event('pagehide')); ok(); }, 20))),
    ]);
  }
  const text = (r: any) => `${r.sections.mid ?? ''} ${r.sections.senior ?? ''}`;
  await expect
    .poll(async () => {
      const [record] = Object.values(await storedAttempts(page));
      return [...alpha, ...beta].filter((w) => !text(record).includes(w));
    }, { message: 'words missing from the stored attempt' })
    .toEqual([]);
  const [record] = Object.values(await storedAttempts(page));
  expect(record.sections.weak).toBe('Started in tab one.');
  expect(Object.keys(record.sections).filter((k) => k.endsWith('(other tab)'))).toEqual([]);
  // Each tab shows the other's words too, and so does a reload.
  await expect(page.getByRole('textbox', { name: 'Senior version', exact: true })).toHaveValue(beta.join(' '));
  await expect(other.getByRole('textbox', { name: 'Mid version', exact: true })).toHaveValue(alpha.join(' '));
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Mid version', exact: true })).toHaveValue(alpha.join(' '));
  await expect(page.getByRole('textbox', { name: 'Senior version', exact: true })).toHaveValue(beta.join(' '));
  await other.close();
});

/// The one stored attempt's text of a section.
async function storedSection(page: Page, section: string): Promise<string | undefined> {
  const [record] = Object.values(await storedAttempts(page));
  return record?.sections[section];
}

const box = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

test('a tab closed before its save lands keeps its last words, though another tab saves the attempt after', async ({ page, context }) => {
  await controlDatabase(page);
  await open(page, '#/drill/evidence-replay');
  await box(page, 'Weak version').fill('Started in tab one.');
  await expect.poll(() => storedSection(page, 'weak')).toBe('Started in tab one.');
  const other = await context.newPage();
  await open(other, '#/drill/evidence-replay');
  await expect(box(other, 'Weak version')).toHaveValue('Started in tab one.');

  // Tab one's last words never reach the database: it is closed first. Only
  // the rescue copy written as it closes holds them.
  await db.failWrites(page);
  await box(page, 'Mid version').fill('Last words of tab one.');
  await page.close();
  await expect.poll(() => rescueKeys(other)).toHaveLength(1);

  // Tab two goes on typing, and its save lands.
  await box(other, 'Senior version').fill('Tab two goes on.');
  await expect.poll(() => storedSection(other, 'senior')).toBe('Tab two goes on.');

  // Reopened, the drill has both tabs' words.
  const again = await context.newPage();
  await open(again, '#/drill/evidence-replay');
  await expect(box(again, 'Mid version')).toHaveValue('Last words of tab one.');
  await expect(box(again, 'Senior version')).toHaveValue('Tab two goes on.');
  await expect(box(again, 'Weak version')).toHaveValue('Started in tab one.');
  await expect.poll(() => storedSection(again, 'mid')).toBe('Last words of tab one.');
  expect(await rescueKeys(again)).toEqual([]);
  await again.close();
  await other.close();
});

test('a save that lands after the page hid does not drop the newer rescue copy', async ({ page, context }) => {
  await controlDatabase(page);
  await open(page, '#/drill/evidence-replay');
  const weak = box(page, 'Weak version');
  await weak.fill('One.');
  await expect.poll(() => storedSection(page, 'weak')).toBe('One.');
  // A save is under way (committed; the page has not heard yet) ...
  await db.hold(page);
  await weak.fill('One. Two.');
  await expect.poll(() => storedSection(page, 'weak')).toBe('One. Two.');
  await expect.poll(() => db.held(page)).toBe(1);
  // ... when more is typed and the page hides: its rescue copy holds "Three".
  await weak.fill('One. Two. Three.');
  await page.evaluate(() => dispatchEvent(new Event('pagehide')));
  // The hidden tab's next save will not land (the system ends it); the news
  // of the older save arrives first.
  await db.failWrites(page);
  await db.release(page);
  await expect(page.getByRole('alert')).toContainText('Saving failed');
  expect(await storedSection(page, 'weak')).toBe('One. Two.');

  // The tab is gone without another word; reopened, the drill has "Three".
  const again = await context.newPage();
  await open(again, '#/drill/evidence-replay');
  await expect(box(again, 'Weak version')).toHaveValue('One. Two. Three.');
  await again.close();
});

test("a save under way and another tab's change arriving meanwhile overwrite neither tab's newer text", async ({ page, context }) => {
  await controlDatabase(page);
  await open(page, '#/drill/evidence-replay');
  await box(page, 'Weak version').fill('Shared start.');
  await expect.poll(() => storedSection(page, 'weak')).toBe('Shared start.');
  const other = await context.newPage();
  await open(other, '#/drill/evidence-replay');
  await expect(box(other, 'Weak version')).toHaveValue('Shared start.');

  // Tab one's save is committed but tab one has not heard yet; it goes on typing.
  await db.hold(page);
  const mid = box(page, 'Mid version');
  await mid.fill('alpha1');
  await expect.poll(() => storedSection(page, 'mid')).toBe('alpha1');
  await expect.poll(() => db.held(page)).toBe(1);
  await mid.fill('alpha1 alpha2');
  // Tab two saves meanwhile; tab one re-reads the attempt (held too), so it
  // hears of its own save and of tab two's read, in that order.
  await box(other, 'Senior version').fill('beta1');
  await expect.poll(() => storedSection(other, 'senior')).toBe('beta1');
  await expect.poll(() => db.held(page)).toBe(2);
  await db.release(page);

  await expect(box(page, 'Senior version')).toHaveValue('beta1');
  await expect(mid).toHaveValue('alpha1 alpha2');
  await expect(box(other, 'Mid version')).toHaveValue('alpha1 alpha2');
  await expect(box(other, 'Senior version')).toHaveValue('beta1');
  await expect.poll(() => storedSection(page, 'mid')).toBe('alpha1 alpha2');
  const [record] = Object.values(await storedAttempts(page));
  expect(record.sections).toEqual({ weak: 'Shared start.', mid: 'alpha1 alpha2', senior: 'beta1' });
  await other.close();
});

test('a tab closed mid-drill right after typing, before its save lands, has every word on reopening', async ({ page, context }) => {
  await controlDatabase(page);
  await open(page, '#/drill/evidence-replay');
  await page.getByRole('button', { name: 'Start drill' }).click();
  const weak = box(page, 'Weak version');
  await weak.fill('Saved words.');
  await expect.poll(() => storedSection(page, 'weak')).toBe('Saved words.');
  await db.failWrites(page);
  await weak.fill('Saved words. Typed just before closing.');
  await box(page, 'Mid version').fill('And a second section.');
  await page.close();

  const again = await context.newPage();
  await open(again, '#/drill/evidence-replay');
  await expect(box(again, 'Weak version')).toHaveValue('Saved words. Typed just before closing.');
  await expect(box(again, 'Mid version')).toHaveValue('And a second section.');
  // Still mid-drill: the clock runs.
  await expect(again.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => storedSection(again, 'weak')).toBe('Saved words. Typed just before closing.');
  expect(await rescueKeys(again)).toEqual([]);
  await again.close();
});

test('the 1,000-attempt backup of a year of practice imports, and History pages through it', async ({ page }, info) => {
  test.setTimeout(120_000);
  const file = info.outputPath('backup-1000.json');
  writeFileSync(file, makeBackup(1000));
  console.log(`1,000-attempt backup: ${(readFileSync(file).length / 1e6).toFixed(1)} MB`);
  await open(page, '#/history');
  const started = Date.now();
  await page.getByLabel('Import backup').setInputFiles(file);
  const status = page.getByRole('status').filter({ hasText: 'Backup imported' });
  await expect(status).toContainText('1000 attempts added', { timeout: 90_000 });
  console.log(`import of 1,000 attempts: ${Date.now() - started} ms`);
  await expect(page.getByText('Showing the newest 50 of 1,000 attempts.')).toBeVisible();
  await expect(page.getByRole('link', { name: /^Evidence replay, / })).toHaveCount(50);
  await page.getByRole('button', { name: 'Show more attempts' }).click();
  await expect(page.getByRole('link', { name: /^Evidence replay, / })).toHaveCount(100);
  await expect(page.getByText('1,000 attempts stored')).toBeVisible();
  // The trends read every summary and draw the latest rounds.
  await expect(page.getByRole('figure', { name: /^Failure diagnostic — the latest 12 of 1,000 rounds, from every drill\./ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Clarification: round 989 / })).toBeVisible();

  // Text search reads the attempts in chunks and lists the matches.
  const search = page.getByRole('searchbox', { name: 'Search text' });
  await search.fill('Attempt 123:');
  await search.press('Enter');
  await expect(page.getByText('1 attempt contains “Attempt 123:”.')).toBeVisible();
  await expect(page.getByRole('link', { name: /^Evidence replay, / })).toHaveCount(1);
  await page.getByRole('link', { name: /^Evidence replay, / }).click();
  await expect(page.getByRole('textbox', { name: 'Notes' })).toHaveValue('Notes of attempt 123.');
  expect(Object.keys((await dump(page)).summaries)).toHaveLength(1000);
});

test('persistent storage is requested once real work is saved, and History shows it', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { persistCalls: number };
    w.persistCalls = 0;
    let granted = false;
    navigator.storage.persisted = async () => granted;
    navigator.storage.persist = async () => {
      w.persistCalls += 1;
      granted = true;
      return true;
    };
  });
  await open(page, '#/history');
  const storage = page.getByRole('region', { name: 'Storage' });
  await expect(storage).toContainText('Persistent storage is off');
  await expect(storage).toContainText('Export a backup now and then.');
  await expect(storage).toContainText('0 attempts stored, using');

  await open(page, '#/drill/evidence-replay');
  await page.getByRole('textbox', { name: 'Weak version', exact: true }).fill('Real work.');
  await page.getByRole('button', { name: 'Start drill' }).click();
  await page.getByRole('button', { name: 'Finish drill' }).click();
  const notices = page.getByRole('region', { name: 'Notices about stored data' });
  await expect(notices).toContainText('Evident asked your browser to keep its storage');
  await expect.poll(() => page.evaluate(() => (window as unknown as { persistCalls: number }).persistCalls)).toBe(1);
  await open(page, '#/history');
  await expect(storage).toContainText('Persistent storage is on');
  await expect(storage).toContainText('1 attempt stored');
  // Asked once: more saved work does not ask again, even after a reload.
  await page.reload();
  await open(page, '#/drill/hint-recovery');
  await page.getByRole('button', { name: 'Start drill' }).click();
  await page.getByRole('button', { name: 'Finish drill' }).click();
  await open(page, '#/history');
  expect(await page.evaluate(() => (window as unknown as { persistCalls: number }).persistCalls)).toBe(0);
});
