import type { Page, Download } from '@playwright/test';
import { readFile } from 'node:fs/promises';

export const T0 = new Date('2026-11-23T09:00:00Z');
export const MIN = 60_000;

/// Fake time that moves only when the test says so (also across reloads).
export async function freezeClock(page: Page) {
  await page.clock.install({ time: T0 });
  // A little after T0: install() lets time flow until the pause.
  await page.clock.pauseAt(new Date(T0.getTime() + 10_000));
}

/// Clicks "Export Markdown" on a results screen and returns the file's text.
export async function exportMarkdown(page: Page): Promise<string> {
  const [download]: [Download, void] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export Markdown' }).click(),
  ]);
  return readFile((await download.path())!, 'utf8');
}

/// Markdown with backslash escapes removed (what a renderer shows).
export const unescape = (md: string) => md.replace(/\\([\\`*_{}\[\]()#+\-.!|<>~&:"'=%$])/g, '$1');
