import { test, expect, open } from './fixtures';
import { type Page } from '@playwright/test';
import { wav, withMic } from './speech';

// The on-device transcript path with a stub recogniser put in the page
// before the app loads (this Chromium's own on-device recogniser has no
// language pack installed, so it is never started: see the last test of
// spoken.spec.ts). The stub says two final results: one after start, one
// on stop, as a continuous recogniser does.

const SAID = ['Obviously we went with Postgres for the ledger.', ' It handled the load.'];

/// A fake SpeechRecognition: `local` gives it a processLocally member,
/// `status` is what its static available() resolves to. Calls are logged
/// in window.__recognizer.
const stub = (local: boolean, status: string) => `(() => {
  const log = { available: [], started: [], stopped: 0 };
  window.__recognizer = log;
  const said = ${JSON.stringify(SAID)};
  const final = (text) => Object.assign([{ transcript: text, confidence: 0.9 }], { isFinal: true });
  class FakeRecognition {
    static available(options) { log.available.push(options); return Promise.resolve(${JSON.stringify(status)}); }
    constructor() {
      Object.assign(this, { lang: '', continuous: false, interimResults: false, maxAlternatives: 1,
        onresult: null, onerror: null, onend: null, results: [], local: false });
    }
    start() {
      log.started.push({ processLocally: this.processLocally, lang: this.lang, continuous: this.continuous });
      setTimeout(() => this.emit(said[0]), 100);
    }
    stop() {
      log.stopped++;
      setTimeout(() => { this.emit(said[1]); this.onend && this.onend(new Event('end')); }, 50);
    }
    abort() { this.onend && this.onend(new Event('end')); }
    emit(text) {
      this.results.push(final(text));
      this.onresult && this.onresult({ resultIndex: this.results.length - 1, results: this.results });
    }
  }
  if (${local}) {
    Object.defineProperty(FakeRecognition.prototype, 'processLocally', {
      get() { return this.local; }, set(v) { this.local = !!v; },
    });
  }
  for (const name of ['SpeechRecognition', 'webkitSpeechRecognition']) {
    Object.defineProperty(window, name, { value: FakeRecognition, configurable: true, writable: true });
  }
})();`;

type Log = { available: { langs: string[]; processLocally: boolean }[]; started: { processLocally: boolean; lang: string; continuous: boolean }[]; stopped: number };
const log = (page: Page) => page.evaluate(() => (window as unknown as { __recognizer: Log }).__recognizer);

/// Records for two seconds on the clock, stops, waits for the measurements.
async function recordBriefly(page: Page) {
  await page.getByRole('button', { name: 'Record spoken answer' }).click();
  await expect(page.getByRole('timer', { name: 'Recording time' })).toHaveText(/0:0[2-9]/, { timeout: 10_000 });
  await page.getByRole('button', { name: 'Stop recording' }).click();
  await expect(page.getByRole('list', { name: 'Measurements of the recording' })).toBeVisible({ timeout: 15_000 });
}

const note = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text });

test('an on-device recogniser: its transcript goes after what was typed, stays editable and gets findings marked', async ({ baseURL }, testInfo) => {
  test.setTimeout(60_000);
  const { browser, page, problems } = await withMic(testInfo, baseURL!, wav([4]), true, stub(true, 'available'));
  try {
    await open(page, '#/drill/incident-triage');
    await expect(note(page, 'This browser transcribes on the device')).toBeVisible();
    const box = page.getByRole('textbox', { name: 'Transcript of the spoken answer' });
    await box.fill('My notes first.');
    await recordBriefly(page);

    await expect(box).toHaveValue(`My notes first.\n\n${SAID[0]} ${SAID[1].trim()}`);
    await expect(note(page, 'Transcript made on this device, added after what you had typed')).toBeVisible();
    const calls = await log(page);
    expect(calls.available[0]).toEqual({ langs: ['en-US'], processLocally: true });
    expect(calls.started).toEqual([{ processLocally: true, lang: 'en-US', continuous: true }]);
    expect(calls.stopped).toBe(1);

    // Analysed like any section: the hidden reasoning is marked on its words.
    const marks = page.locator('#section-spoken-transcript-marks mark');
    await expect(marks.filter({ hasText: 'Obviously' }).first()).toBeVisible();
    await expect(page.locator('#section-spoken-transcript-marks mark.mark-hidden-reasoning')).toHaveCount(1);

    // Editable, and kept over a reload with its source named.
    await box.fill('I chose Postgres because the ledger needs transactions.');
    await expect(page.locator('#section-spoken-transcript-marks mark.mark-hidden-reasoning')).toHaveCount(0);
    await page.reload();
    await expect(box).toHaveValue('I chose Postgres because the ledger needs transactions.');
    await expect(note(page, 'Transcript made on this device')).toBeVisible();
    expect(problems).toEqual([]);
  } finally {
    await browser.close();
  }
});

for (const [why, local, status] of [
  ['has no processLocally member', false, 'available'],
  ['says its on-device language is only downloadable', true, 'downloadable'],
] as const) {
  test(`a recogniser that ${why} is never started, and the page says to type or paste`, async ({ baseURL }, testInfo) => {
    test.setTimeout(60_000);
    const { browser, page, problems } = await withMic(testInfo, baseURL!, wav([4]), true, stub(local, status));
    try {
      await open(page, '#/drill/incident-triage');
      await expect(note(page, 'This browser cannot transcribe on the device; type or paste what you said')).toBeVisible();
      await recordBriefly(page);
      expect((await log(page)).started).toEqual([]);
      await expect(note(page, 'This browser cannot transcribe on the device; type or paste what you said')).toBeVisible();
      const box = page.getByRole('textbox', { name: 'Transcript of the spoken answer' });
      await expect(box).toHaveValue('');
      await box.fill('Obviously we went with Postgres.');
      await expect(page.locator('#section-spoken-transcript-marks mark.mark-hidden-reasoning')).toHaveCount(1);
      await expect(page.getByRole('alert')).toHaveCount(0);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
}
