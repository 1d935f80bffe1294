import { spawn, ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';

// The update flow runs against its own copy of dist/ (served on its own port) so it
// can publish a "new build" without disturbing the suite's shared server.
const port = Number(process.env.EVIDENT_PORT ?? 4173) + 100;
const base = `http://127.0.0.1:${port}/evident/`;
let dir = '';
let server: ChildProcess | undefined;

test.use({ baseURL: base });
test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({}, info) => {
  test.skip(info.project.name !== 'desktop', 'the update flow does not depend on the viewport');
  dir = mkdtempSync(join(tmpdir(), 'evident-update-'));
  cpSync(process.env.EVIDENT_DIST ?? 'dist', dir, { recursive: true });
  server = spawn('python3', ['scripts/serve_dist.py', '--port', String(port), '--base', '/evident/', '--dir', dir], {
    stdio: 'ignore',
  });
  await expect
    .poll(async () => {
      try {
        return (await fetch(base)).status;
      } catch {
        return 0;
      }
    }, { timeout: 10_000 })
    .toBe(200);
});

test.afterAll(() => {
  server?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a new version waits, never reloads a running drill, and takes over on Reload', async ({ page }) => {
  await page.goto('./#/drill/evidence-replay');
  await expect(page.getByRole('heading', { level: 1, name: 'Evidence replay' })).toBeVisible();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  const before = await page.evaluate(() => caches.keys());
  expect(before).toHaveLength(1);

  await page.getByRole('button', { name: 'Start drill' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

  // Publish a new build: any change to sw.js is a new version.
  const sw = join(dir, 'sw.js');
  writeFileSync(sw, readFileSync(sw, 'utf-8').replace(/const VERSION = '([^']+)'/, "const VERSION = '$1-next'"));
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r!.update()));

  const banner = page.getByRole('status').filter({ hasText: 'A new version is ready' });
  await expect(banner).toBeVisible();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r!.waiting !== null))).toBe(true);
  // Nothing reloaded on its own: the drill keeps running in the same document.
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  // The banner itself passes axe in both colour schemes and is a full-size target.
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect((await new AxeBuilder({ page }).include('.update-banner').analyze()).violations).toEqual([]);
  }
  const reload = (await banner.getByRole('button', { name: 'Reload' }).boundingBox())!;
  expect(Math.min(reload.width, reload.height)).toBeGreaterThanOrEqual(44);

  await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Reload' }).click()]);
  await expect(page.getByRole('heading', { level: 1, name: 'Evidence replay' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBeUndefined();
  // The running drill survived the reload, and the new version's cache replaced the old.
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'A new version is ready' })).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([expect.stringMatching(/-next$/)]);
});
