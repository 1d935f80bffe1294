import { test, expect } from './fixtures';
import type { Page, Route } from '@playwright/test';

/// Holds the app's wasm (Trunk's hash drops leading zeros: 16 hex digits, rarely
/// fewer) until `release` is called, so the page is observed
/// exactly as it is before the app starts (no timing guesses).
async function holdWasm(page: Page) {
  let held: Route | undefined;
  let arrived: () => void = () => {};
  const waiting = new Promise<void>((resolve) => (arrived = resolve));
  await page.route(/evident-[0-9a-f]{13,16}_bg\.wasm$/, (route) => {
    held = route;
    arrived();
  });
  return {
    waiting,
    release: async () => {
      await held?.continue();
    },
  };
}

test('the home screen shows before the wasm arrives, then the app takes over in place', async ({ page }) => {
  const wasm = await holdWasm(page);
  await page.goto('./');
  await wasm.waiting;
  // Prerendered: the drills are on screen and usable as links with no wasm.
  await expect(page.getByRole('heading', { level: 1, name: 'Drills' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Evidence replay \d+ min/ })).toBeVisible();
  const shellText = await page.locator('body').innerText();
  const shellLinks = await page.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));

  await wasm.release();
  await expect(page.locator('[data-shell]')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Drills' })).toBeVisible();
  // The app renders the same screen the shell showed.
  expect(await page.locator('body').innerText()).toBe(shellText);
  expect(await page.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(shellLinks);
});

test('a deep link never shows the prerendered home', async ({ page }) => {
  const wasm = await holdWasm(page);
  await page.goto('./#/history');
  await wasm.waiting;
  await expect(page.locator('html')).toHaveClass(/deep-link/);
  await expect(page.getByRole('heading', { name: 'Drills' })).toBeHidden();
  await expect(page.getByRole('link', { name: /^Evidence replay \d+ min/ })).toBeHidden();

  await wasm.release();
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
  await expect(page.locator('html')).not.toHaveClass(/deep-link/);
});
