import { test as base, expect, Page } from '@playwright/test';

/// Every test fails if the page logs an error, throws, or asks any other origin for anything.
export const test = base.extend<{ guard: void }>({
  guard: [
    async ({ page, baseURL }, use) => {
      const problems: string[] = [];
      const origin = new URL(baseURL!).origin;
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
      });
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      page.on('request', (req) => {
        const url = new URL(req.url());
        if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) {
          problems.push(`request to another origin: ${req.url()}`);
        }
      });
      await use();
      expect(problems, 'no console errors and no foreign requests').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/// Opens a screen by its hash route and waits for the app to render it.
export async function open(page: Page, hash = '#/') {
  await page.goto(`./${hash}`);
  // The prerendered home shell goes when the app mounts (see core::home).
  await expect(page.locator('[data-shell]')).toHaveCount(0);
  await expect(page.locator('main h1').first()).toBeVisible();
}
