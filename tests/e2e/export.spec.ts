import { test, expect, open } from './fixtures';
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { scoreRubric } from './scoring';

const WEAK = 'I led the billing migration and cut invoice time from six hours to 40 minutes';
const NOTES = 'Next time say the number first';

/// Opens evidence replay, writes the weak version, starts and finishes it.
async function finishDrill(page: Page, weak = WEAK) {
  await open(page, '#/drill/evidence-replay');
  await page.getByRole('textbox', { name: 'Weak version', exact: true }).fill(weak);
  await page.getByRole('button', { name: 'Start drill' }).click();
  await page.getByRole('button', { name: 'Finish drill' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Evidence replay: results' })).toBeVisible();
}

/// Markdown with backslash escapes removed (what a renderer shows).
const unescape = (md: string) => md.replace(/\\([\\`*_{}\[\]()#+\-.!|<>~&:"'=])/g, '$1');

test('Export Markdown downloads a file whose content matches the attempt', async ({ page }) => {
  await finishDrill(page);
  await page.getByRole('textbox', { name: 'Notes' }).fill(NOTES);
  await scoreRubric(page, 'Sampled performance', [4, 4, 4, 4, 'nt', 4]);
  const sp = page.getByRole('form', { name: 'Sampled performance' });
  await expect(sp.getByRole('status')).toContainText('Ready: round 1 averages 4.0');
  const prompt = (await page.locator('.results-header blockquote').innerText()).trim();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export Markdown' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^evident-evidence-replay-\d{4}-\d{2}-\d{2}\.md$/);
  const date = download.suggestedFilename().slice('evident-evidence-replay-'.length, -'.md'.length);
  const md = await readFile((await download.path())!, 'utf8');
  const shown = unescape(md);
  expect(md.startsWith(`# Evidence replay, ${date}`)).toBe(true);
  expect(shown).toContain(prompt);
  expect(shown).toContain(WEAK);
  expect(shown).toContain(NOTES);
  expect(md).toContain('Sampled performance');
  expect(md).toContain('Gate: **Ready: round 1 averages 4.0 with nothing below 3, so you can rely on live mock interviews as your main practice**');
  expect(md).toContain('20:00');
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded' })).toContainText(download.suggestedFilename());

  // The preview renders the same document.
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.locator('#export-preview');
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText(`Evidence replay, ${date}`);
  await expect(preview).toContainText(WEAK);
  await expect(preview).toContainText(NOTES);
});

test('Copy Markdown puts the export on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await finishDrill(page);
  await page.getByRole('textbox', { name: 'Notes' }).fill(NOTES);
  await page.getByRole('button', { name: 'Copy Markdown' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^# Evidence replay, \d{4}-\d{2}-\d{2}/);
  expect(unescape(copied)).toContain(WEAK);
  expect(unescape(copied)).toContain(NOTES);

  // It is the same document the download gives.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export Markdown' }).click(),
  ]);
  expect(await readFile((await download.path())!, 'utf8')).toBe(copied);
});

test('when copying is refused, the Markdown is selected for copying by hand', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'clipboard', {
      configurable: true,
      get: () => ({ writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) }),
    });
  });
  await finishDrill(page);
  await page.getByRole('button', { name: 'Copy Markdown' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'copy it by hand' })).toBeVisible();
  const fallback = page.getByRole('textbox', { name: 'Markdown to copy' });
  await expect(fallback).toBeVisible();
  await expect(fallback).toHaveAttribute('readonly', '');
  await expect(fallback).toBeFocused();
  const selection = await fallback.evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd, el.value.length]);
  expect(selection[0]).toBe(0);
  expect(selection[1]).toBe(selection[2]);
  expect(unescape(await fallback.inputValue())).toContain(WEAK);
});

test('Share opens the share sheet where the browser has one', async ({ page }) => {
  await page.addInitScript(() => {
    (Navigator.prototype as unknown as { share: unknown }).share = function (data: unknown) {
      (window as unknown as { __shared: unknown }).__shared = data;
      return Promise.resolve();
    };
  });
  await finishDrill(page);
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Shared.' })).toBeVisible();
  const shared = await page.evaluate(() => (window as unknown as { __shared: { title: string; text: string } }).__shared);
  expect(shared.title).toBe('Evidence replay: drill notes');
  expect(shared.text).toMatch(/^# Evidence replay/);
});

test('Share is hidden where the browser has no share sheet', async ({ page }) => {
  await page.addInitScript(() => {
    delete (Navigator.prototype as unknown as { share?: unknown }).share;
  });
  await finishDrill(page);
  await expect(page.getByRole('button', { name: 'Export Markdown' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Share' })).toHaveCount(0);
});

test('the preview shows typed HTML and script links as inert text', async ({ page }) => {
  const hostile = '<img src=x onerror="window.__pwned=1"> and [click](javascript:window.__pwned=2) and <script>window.__pwned=3</script>';
  await finishDrill(page, hostile);
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.locator('#export-preview');
  await expect(preview).toContainText('<img src=x onerror=');
  await expect(preview).toContainText('<script>');
  await expect(preview.locator('img, script, [onerror]')).toHaveCount(0);
  await expect(preview.locator('a[href^="javascript"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('History exports all attempts as one Markdown document with contents', async ({ page }) => {
  await finishDrill(page);
  await open(page, '#/history');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export all as Markdown' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^evident-history-\d{4}-\d{2}-\d{2}\.md$/);
  const md = await readFile((await download.path())!, 'utf8');
  expect(md).toContain('## Contents');
  expect(md).toContain('All drills, 1 attempt');
  expect(unescape(md)).toContain(WEAK);
});

test('the preview renderer loads only when the preview opens', async ({ page }) => {
  const previewFiles: string[] = [];
  page.on('request', (req) => {
    if (/\/preview-[0-9a-f]{16}/.test(req.url())) previewFiles.push(req.url());
  });
  await open(page, '#/drill/evidence-replay');
  await page.getByRole('textbox').first().fill('I cut p95 from 900 ms to 280 ms.');
  await page.getByRole('button', { name: 'Start drill' }).click();
  await page.getByRole('button', { name: 'Finish drill' }).click();
  await expect(page).toHaveURL(/#\/attempt\//);
  await expect(page.getByRole('button', { name: 'Preview' })).toBeVisible();
  expect(previewFiles, 'no preview file before Preview is pressed').toEqual([]);
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.locator('#export-preview').getByRole('heading', { level: 1 })).toContainText('Evidence replay');
  expect(previewFiles.some((url) => url.endsWith('_bg.wasm')), 'the worker fetched its wasm').toBe(true);
});

