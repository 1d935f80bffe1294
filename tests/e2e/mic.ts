import { expect } from './fixtures';
import { type Page } from '@playwright/test';

// A browser with Chromium's fake microphone, and recording a spoken answer
// with it: shared by the spoken-practice and recording-backup specs. Each
// file needs its own browser: the fake capture file is a launch flag.

// The browser with the fake microphone is `speech.ts`'s (one launcher for every
// spec); this file adds recording with it.
export { withMic, type Mic } from './speech';

const clockSeconds = (text: string | null) => {
  const m = /(\d+):(\d\d)/.exec(text ?? '');
  return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
};

/// Records until the indicator shows `secondsLong`, then stops and waits for the measurements.
export async function record(page: Page, secondsLong: number) {
  await page.getByRole('button', { name: 'Record spoken answer' }).click();
  const timer = page.getByRole('timer', { name: 'Recording time' });
  await expect(page.getByRole('status').filter({ hasText: /^Recording$/ })).toBeVisible();
  await expect
    .poll(async () => clockSeconds(await timer.textContent()), { timeout: (secondsLong + 10) * 1000 })
    .toBeGreaterThanOrEqual(secondsLong);
  await page.getByRole('button', { name: 'Stop recording' }).click();
  const metrics = page.getByRole('list', { name: 'Measurements of the recording' });
  await expect(metrics).toBeVisible({ timeout: 15_000 });
  return metrics;
}
