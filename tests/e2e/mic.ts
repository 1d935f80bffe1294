import { expect } from './fixtures';
import { chromium, type Browser, type Page, type TestInfo } from '@playwright/test';

// A browser with Chromium's fake microphone, and recording a spoken answer
// with it: shared by the spoken-practice and recording-backup specs. Each
// file needs its own browser: the fake capture file is a launch flag.

const PLAIN = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export type Mic = { browser: Browser; page: Page; problems: string[] };

/// A browser whose microphone plays `file`; the permission granted unless `grant` is false.
export async function withMic(testInfo: TestInfo, baseURL: string, file: string, grant = true): Promise<Mic> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [...PLAIN, '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${file}`],
  });
  const { viewport, deviceScaleFactor, isMobile, hasTouch, userAgent } = testInfo.project.use;
  const context = await browser.newContext({
    baseURL,
    viewport,
    deviceScaleFactor,
    isMobile,
    hasTouch,
    userAgent,
    permissions: grant ? ['microphone'] : [],
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  return { browser, page, problems };
}

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
