import { test, expect, open } from './fixtures';
import { type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { speak, trim, seconds, wav } from './speech';
import { withMic, record } from './mic';

// Spoken practice with Chromium's fake microphone, fed WAV files spoken by
// espeak-ng here, at test time. Each file needs its own browser: the fake
// capture file is a launch flag.

/// 24 syllables, none of them ambiguous.
const SENTENCE = 'I moved the billing system to a new database and cut the monthly cost by forty percent.';
const SYLLABLES = 24;

const line = async (metrics: ReturnType<Page['getByRole']>, start: string) =>
  (await metrics.getByRole('listitem').filter({ hasText: new RegExp(`^${start}`) }).textContent()) ?? '';

test('a spoken summary with two 2-second silences: first word, pauses, limit, reload, download, export', async ({ baseURL }, testInfo) => {
  test.setTimeout(120_000);
  const [a, b, c] = [
    'The team moved forty services in six weeks.',
    'I designed the cutover and ran the rollback drills.',
    'Priya owned the reconciliation jobs.',
  ].map((s) => trim(speak(s, 160)));
  const lead = 1.5;
  const file = wav([lead, a, 2, b, 2, c, 3]);
  const total = lead + seconds(a) + 2 + seconds(b) + 2 + seconds(c);
  const { browser, page, problems } = await withMic(testInfo, baseURL!, file);
  try {
    await open(page, '#/drill/attribution-split');
    const metrics = await record(page, Math.ceil(total));

    const first = Number(/after (\d+\.\d) s/.exec(await line(metrics, 'First word'))?.[1]);
    testInfo.annotations.push({ type: 'measured', description: `first word ${first} s (lead ${lead} s); ${await line(metrics, '2 pauses')}` });
    // The capture starts a moment before the recorder does.
    expect(first).toBeGreaterThanOrEqual(lead - 0.6);
    expect(first).toBeLessThanOrEqual(lead + 0.3);
    expect(await line(metrics, '2 pauses')).toMatch(/^2 pauses of a second or more, longest 2\.\d s at 0:0\d/);
    expect(await line(metrics, 'Length')).toMatch(/^Length 0:\d\d: within the 2-minute limit$/);
    // The timeline marks both pauses where the silences were.
    const label = (await page.getByRole('img', { name: /^Timeline/ }).getAttribute('aria-label')) ?? '';
    const at = [...label.matchAll(/(\d+):(\d\d) \((\d+\.\d) s\)/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
    const want = [lead + seconds(a), lead + seconds(a) + 2 + seconds(b)];
    expect(at).toHaveLength(2);
    at.forEach((t, i) => expect(Math.abs(t - want[i])).toBeLessThanOrEqual(1));
    await expect(page.getByLabel('Play the recording')).toBeVisible();

    // The recording survives a reload, audio and all.
    await page.getByRole('textbox', { name: 'Transcript of the spoken summary' }).fill('I designed the cutover.');
    await page.reload();
    await expect(page.getByRole('list', { name: 'Measurements of the recording' })).toContainText('2 pauses of a second or more');
    await expect(page.getByLabel('Play the recording')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Transcript of the spoken summary' })).toHaveValue('I designed the cutover.');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download recording' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('evident-spoken-summary-transcript.webm');

    // The export carries the measurements and the transcript.
    await page.getByRole('button', { name: 'Start drill' }).click();
    await page.getByRole('button', { name: 'Finish drill' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Attribution split: results' })).toBeVisible();
    const [md] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export Markdown' }).click(),
    ]);
    const text = await readFile((await md.path())!, 'utf8');
    expect(text).toContain('## Spoken answer');
    expect(text).toMatch(/- 2 pauses of a second or more, longest 2\.\d s/);
    expect(text).toContain('within the 2-minute limit');
    expect(text).toContain('## Transcript of the spoken summary\n\nI designed the cutover');
    expect(problems).toEqual([]);
  } finally {
    await browser.close();
  }
});

test('the measured rate ranks a slow and a fast reading and lands within 15% of the spoken rate; Delete removes it', async ({ baseURL }, testInfo) => {
  test.setTimeout(120_000);
  const rates: number[] = [];
  for (const wpm of [120, 190]) {
    const speech = trim(speak(SENTENCE, wpm));
    const expected = (SYLLABLES * 60) / seconds(speech);
    const { browser, page, problems } = await withMic(testInfo, baseURL!, wav([1, speech, 3]));
    try {
      await open(page, '#/drill/incident-triage');
      const metrics = await record(page, Math.ceil(1 + seconds(speech)));
      const rate = Number(/^Rate (\d+) syllables\/min/.exec(await line(metrics, 'Rate'))?.[1]);
      expect(Math.abs(rate - expected) / expected, `${wpm} wpm: measured ${rate}, spoken ${expected.toFixed(0)}`).toBeLessThanOrEqual(0.15);
      rates.push(rate);
      testInfo.annotations.push({ type: 'measured', description: `${wpm} wpm: ${rate} syllables/min, spoken ${expected.toFixed(0)}` });
      if (wpm === 190) {
        await page.getByRole('button', { name: 'Delete recording' }).click();
        await expect(metrics).toHaveCount(0);
        await expect(page.getByRole('button', { name: 'Record spoken answer' })).toBeVisible();
        const stored = await page.evaluate(
          () =>
            new Promise<number>((resolve, reject) => {
              const req = indexedDB.open('evident');
              req.onsuccess = () => {
                const count = req.result.transaction('audio').objectStore('audio').count();
                count.onsuccess = () => resolve(count.result);
                count.onerror = () => reject(count.error);
              };
              req.onerror = () => reject(req.error);
            }),
        );
        expect(stored).toBe(0);
      }
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }
  expect(rates[0]).toBeLessThan(rates[1]);
});

test('a refused microphone gets a plain message and the drill goes on in writing', async ({ baseURL }, testInfo) => {
  const { browser, page, problems } = await withMic(testInfo, baseURL!, wav([1]), false);
  try {
    await open(page, '#/drill/incident-triage');
    await page.getByRole('button', { name: 'Record spoken answer' }).click();
    await expect(page.getByRole('alert')).toHaveText(
      "The microphone is blocked for this page. Allow it in the browser's site settings to record; you can keep answering in writing.",
    );
    await expect(page.getByRole('button', { name: 'Record spoken answer' })).toBeEnabled();
    const box = page.getByRole('textbox', { name: 'Impact questions' });
    await box.fill('Who is affected, and since when?');
    await page.reload();
    await expect(page.getByRole('textbox', { name: 'Impact questions' })).toHaveValue('Who is affected, and since when?');
    expect(problems).toEqual([]);
  } finally {
    await browser.close();
  }
});

test('without on-device recognition (this Chromium: its language pack is not installed) the note says to type or paste', async ({ page }) => {
  await open(page, '#/drill/hint-recovery');
  await expect(page.getByRole('status').filter({ hasText: 'This browser cannot transcribe on the device; type or paste what you said' })).toBeVisible();
  await expect(page.getByText('never sends audio to a cloud recogniser')).toBeVisible();
});
