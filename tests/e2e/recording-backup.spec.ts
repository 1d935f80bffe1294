import { test, expect, open } from './fixtures';
import { type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { speak, trim, seconds, wav } from './speech';
import { withMic, record } from './mic';

// A recording's audio through a backup ("Include recordings") and through
// History's Undo, with Chromium's fake microphone playing espeak-ng speech.

const TRANSCRIPT = 'I designed the cutover.';

/// How many recordings the `audio` table holds.
const audioCount = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const req = indexedDB.open('evident');
        req.onsuccess = () => {
          const count = req.result.transaction('audio').objectStore('audio').count();
          count.onsuccess = () => {
            req.result.close();
            resolve(count.result);
          };
          count.onerror = () => reject(count.error);
        };
        req.onerror = () => reject(req.error);
      }),
  );

/// The bytes "Download recording" saves.
async function downloadRecording(page: Page): Promise<Buffer> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download recording' }).click(),
  ]);
  return readFile((await download.path())!);
}

/// Records attribution split's spoken summary and types its transcript;
/// returns the recording's bytes.
async function recordSummary(page: Page, length: number): Promise<Buffer> {
  await open(page, '#/drill/attribution-split');
  await record(page, length);
  await page.getByRole('textbox', { name: 'Transcript of the spoken summary' }).fill(TRANSCRIPT);
  await expect(page.getByLabel('Play the recording')).toBeVisible();
  return downloadRecording(page);
}

/// The drill again, after a reload: its recording plays the same bytes.
async function expectRecordingBack(page: Page, bytes: Buffer) {
  await page.reload();
  await open(page, '#/drill/attribution-split');
  await expect(page.getByRole('list', { name: 'Measurements of the recording' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Transcript of the spoken summary' })).toHaveValue(TRANSCRIPT);
  const player = page.getByLabel('Play the recording');
  await expect(player).toBeVisible();
  // The player has loaded the audio's metadata (HAVE_METADATA or more).
  await expect.poll(() => player.evaluate((a: HTMLAudioElement) => a.readyState)).toBeGreaterThanOrEqual(1);
  expect((await downloadRecording(page)).equals(bytes)).toBe(true);
}

async function exportBackup(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export backup' }).click(),
  ]);
  const path = (await download.path())!;
  return { path, json: JSON.parse(await readFile(path, 'utf8')) };
}

const speech = () => trim(speak('The team moved forty services in six weeks.', 170));

test('Include recordings: the backup carries the audio, and importing it after a delete brings the recording back', async ({
  baseURL,
}, testInfo) => {
  test.setTimeout(120_000);
  const said = speech();
  const { browser, page, problems } = await withMic(testInfo, baseURL!, wav([0.5, said, 2]));
  try {
    const bytes = await recordSummary(page, Math.ceil(0.5 + seconds(said)));
    await open(page, '#/history');

    // Off by default, with what ticking it adds (base64: 4 characters per 3 bytes).
    const include = page.getByRole('checkbox', { name: /^Include recordings/ });
    await expect(include).not.toBeChecked();
    const added = Math.floor((bytes.length * 4) / 3 / 100) / 10;
    await expect(include).toHaveAccessibleName(`Include recordings (1 recording, adds about ${added.toFixed(1)} KB)`);
    const plain = await exportBackup(page);
    expect(plain.json.version).toBe(1);
    expect(plain.json.audio).toBeUndefined();
    expect(plain.json.attempts[0].recordings).toHaveLength(1);

    await include.check();
    const { path, json } = await exportBackup(page);
    expect(json.version).toBe(2);
    expect(json.audio).toHaveLength(1);
    const [entry] = json.audio;
    expect(entry.attempt_id).toBe(json.attempts[0].id);
    expect(entry.slot).toBe('spoken-summary-transcript');
    expect(entry.mime).toMatch(/^audio\/webm/);
    expect(entry.bytes).toBe(bytes.length);
    expect(Buffer.from(entry.data, 'base64').equals(bytes)).toBe(true);

    // Deleted, and final once the page reloads: no audio is left behind.
    await page.getByRole('button', { name: /^Delete Attribution split/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Deleted' })).toContainText('Deleted the Attribution split attempt');
    await expect.poll(() => audioCount(page)).toBe(0);
    await page.reload();
    await open(page, '#/history');
    await expect(page.getByText('No attempts yet.')).toBeVisible();
    expect(await audioCount(page)).toBe(0);
    await expect(page.getByRole('checkbox', { name: /^Include recordings/ })).toHaveAccessibleName(
      'Include recordings (none stored)',
    );

    await page.getByLabel('Import backup').setInputFiles(path);
    await expect(page.getByRole('status').filter({ hasText: 'Backup imported' })).toHaveText(
      /^Backup imported: 1 attempt added, 0 updated, 0 already up to date(, preferences merged)?, 1 recording restored\.$/,
    );
    await expect(page.getByRole('alert')).toHaveText('');
    expect(await audioCount(page)).toBe(1);
    await expectRecordingBack(page, bytes);
    expect(problems).toEqual([]);
  } finally {
    await browser.close();
  }
});

test('a damaged recording in a backup is named, and its attempt still imports with its measurements', async ({
  baseURL,
}, testInfo) => {
  test.setTimeout(120_000);
  const said = speech();
  const { browser, page, problems } = await withMic(testInfo, baseURL!, wav([0.5, said, 2]));
  try {
    await recordSummary(page, Math.ceil(0.5 + seconds(said)));
    await open(page, '#/history');
    await page.getByRole('checkbox', { name: /^Include recordings/ }).check();
    const { json } = await exportBackup(page);
    await page.getByRole('button', { name: /^Delete Attribution split/ }).click();
    await expect.poll(() => audioCount(page)).toBe(0);

    json.audio[0].data = '!' + json.audio[0].data.slice(1);
    await page.getByLabel('Import backup').setInputFiles({
      name: 'damaged.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(json)),
    });
    await expect(page.getByRole('status').filter({ hasText: 'Backup imported' })).toContainText('1 attempt added');
    await expect(page.getByRole('alert')).toHaveText(
      `Some recordings were not imported:\n- The recording of attempt 1 (id ${json.attempts[0].id}, Attribution split; Transcript of the spoken summary) was not imported: its audio is damaged (not base64 at character 1); the attempt and its measurements are imported without it.`,
    );
    expect(await audioCount(page)).toBe(0);
    await page.reload();
    await open(page, '#/drill/attribution-split');
    await expect(page.getByRole('list', { name: 'Measurements of the recording' })).toBeVisible();
    await expect(page.getByText('The audio of this recording is not in this browser; its measurements are kept.')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Transcript of the spoken summary' })).toHaveValue(TRANSCRIPT);
    expect(problems).toEqual([]);
  } finally {
    await browser.close();
  }
});

test('delete and Undo in History keeps the recording; the audio comes back with the attempt', async ({ baseURL }, testInfo) => {
  test.setTimeout(120_000);
  const said = speech();
  const { browser, page, problems } = await withMic(testInfo, baseURL!, wav([0.5, said, 2]));
  try {
    const bytes = await recordSummary(page, Math.ceil(0.5 + seconds(said)));
    await open(page, '#/history');
    await page.getByRole('button', { name: /^Delete Attribution split/ }).click();
    const status = page.getByRole('status').filter({ hasText: 'Deleted' });
    await expect(status).toContainText('Deleted the Attribution split attempt');
    // Deleted from the store at once (another tab sees it gone)...
    await expect.poll(() => audioCount(page)).toBe(0);
    // ...and back with Undo.
    await status.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Restored' })).toHaveText('Restored the Attribution split attempt.');
    await expect(page.getByRole('link', { name: /^Attribution split, / })).toHaveCount(1);
    expect(await audioCount(page)).toBe(1);
    await expectRecordingBack(page, bytes);
    expect(problems).toEqual([]);
  } finally {
    await browser.close();
  }
});
