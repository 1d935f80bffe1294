// History at scale, measured in headless Chromium against the release build:
// imports a 10,000-attempt backup, then times History's first screen (a cold
// load of #/history, and the click from Drills), each the median of 5; then
// imports and exports a ~50 MB backup, printing how long each took and the
// longest the page went without painting (a responsive page paints at least
// every few tens of milliseconds). Prints figures; asserts nothing.
// Run: make bench-history (builds dist/ first).
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { makeBackup } = require('./make_backup.cjs');
const port = Number(process.env.EVIDENT_BENCH_PORT ?? 4191);
const base = `http://127.0.0.1:${port}/evident/`;
const dir = mkdtempSync(join(tmpdir(), 'evident-bench-'));
const server = spawn('python3', ['scripts/serve_dist.py', '--port', String(port), '--base', '/evident/', '--dir', 'dist'], { stdio: 'ignore' });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (file) => (statSync(file).size / 1e6).toFixed(1);

// Records, in the page, when History's first entry appears and the longest
// gap between two animation frames.
const probe = () => {
  window.__bench = { firstRow: null, maxGap: 0 };
  new MutationObserver(() => {
    if (window.__bench.firstRow === null && document.querySelector('.history-item')) {
      window.__bench.firstRow = performance.now();
    }
  }).observe(document, { childList: true, subtree: true });
  let last = performance.now();
  const frame = (t) => {
    window.__bench.maxGap = Math.max(window.__bench.maxGap, t - last);
    last = t;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
};

async function importFile(page, file) {
  await page.goto(`${base}#/history`);
  await page.getByRole('heading', { level: 1, name: 'History' }).waitFor();
  await page.evaluate(() => (window.__bench.maxGap = 0));
  const started = Date.now();
  await page.getByLabel('Import backup').setInputFiles(file);
  await page.getByRole('status').filter({ hasText: 'Backup imported' }).waitFor({ timeout: 600_000 });
  return { ms: Date.now() - started, gap: await page.evaluate(() => window.__bench.maxGap) };
}

try {
  for (let i = 0; i < 50; i++) {
    try { await fetch(base); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium' });

  const tenK = join(dir, 'backup-10000.json');
  writeFileSync(tenK, makeBackup(10_000, 120));
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(probe);
  const page = await context.newPage();
  const imported = await importFile(page, tenK);
  console.log(`import of 10,000 attempts (${mb(tenK)} MB): ${imported.ms} ms, longest frame gap ${imported.gap.toFixed(0)} ms`);

  const cold = [];
  const click = [];
  for (let run = 0; run < 5; run++) {
    // A new document each time (a hash change alone would not reload).
    await page.goto('about:blank');
    await page.goto(`${base}#/history`);
    await page.waitForFunction(() => window.__bench.firstRow !== null);
    cold.push(await page.evaluate(() => window.__bench.firstRow));
    await page.goto(`${base}#/`);
    await page.getByRole('heading', { level: 1, name: 'Drills' }).waitFor();
    await page.waitForTimeout(300); // let the start-up load finish before the click
    const clicked = await page.evaluate(() => {
      window.__bench.firstRow = null;
      const t = performance.now();
      document.querySelector('nav a[href="#/history"]').click();
      return t;
    });
    await page.waitForFunction(() => window.__bench.firstRow !== null);
    click.push((await page.evaluate(() => window.__bench.firstRow)) - clicked);
  }
  const rows = await page.locator('.history-item').count();
  console.log(`History with 10,000 attempts, first screen (${rows} entries, trends, storage): ` +
    `${median(click).toFixed(0)} ms after the click from Drills (median of 5; runs ${click.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`History with 10,000 attempts, cold load of #/history to the first entry (wasm start included): ` +
    `${median(cold).toFixed(0)} ms (median of 5)`);
  await context.close();

  const fifty = join(dir, 'backup-50mb.json');
  writeFileSync(fifty, makeBackup(5_800, 510));
  const big = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  await big.addInitScript(probe);
  const bigPage = await big.newPage();
  const bigImport = await importFile(bigPage, fifty);
  console.log(`import of a ${mb(fifty)} MB backup (5,800 attempts): ${bigImport.ms} ms, longest frame gap ${bigImport.gap.toFixed(0)} ms`);
  await bigPage.evaluate(() => (window.__bench.maxGap = 0));
  const started = Date.now();
  const [download] = await Promise.all([
    bigPage.waitForEvent('download', { timeout: 600_000 }),
    bigPage.getByRole('button', { name: 'Export backup' }).click(),
  ]);
  const exported = join(dir, 'export.json');
  await download.saveAs(exported);
  const gap = await bigPage.evaluate(() => window.__bench.maxGap);
  console.log(`export of the same ${mb(exported)} MB backup: ${Date.now() - started} ms, longest frame gap ${gap.toFixed(0)} ms`);
  await browser.close();
} finally {
  server.kill();
}
