import { test, expect, open } from './fixtures';

/// Waits until the service worker has precached the build and controls the page.
async function waitForServiceWorker(page: import('@playwright/test').Page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

test('after one visit the app loads and runs a whole drill with no network', async ({ page, context }) => {
  await open(page);
  await waitForServiceWorker(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Drills' })).toBeVisible();

  await page.getByRole('link', { name: /^Evidence replay \d+ min/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Evidence replay' })).toBeVisible();
  await page.getByRole('textbox').first().fill('I cut checkout p95 from 900 ms to 280 ms by moving pricing off the request path.');
  await page.getByRole('button', { name: 'Start drill' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.getByRole('button', { name: 'Finish drill' }).click();
  await expect(page).toHaveURL(/#\/attempt\//);
  await expect(page.getByRole('heading', { level: 1, name: /Evidence replay/ })).toBeVisible();
  // The Markdown preview's worker was never loaded online: it comes from the precache.
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.locator('#export-preview').getByRole('heading', { level: 1 })).toContainText('Evidence replay');

  // A deep link opened cold while offline is served from the cache too.
  await page.goto('./#/history');
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
  await context.setOffline(false);
});
