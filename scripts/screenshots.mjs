// Takes the README's screenshots from the release build with headless Chromium.
// Usage: node scripts/screenshots.mjs BASE_URL   (make screenshots serves dist/ for it)
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://127.0.0.1:4190/evident/';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const desktop = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };

async function shot(name, options, hash, act) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(base + hash);
  await page.waitForSelector('main h1');
  if (act) await act(page);
  await page.screenshot({ path: `docs/${name}.png` });
  await context.close();
}

const weak = 'We rebuilt the onboarding flow and customers loved it. Obviously we went with React Native. ' +
  'The deadline was unrealistic and management kept changing the requirements.';

await shot('home-phone', phone, '#/');
await shot('home-desktop', desktop, '#/');
await shot('drill-running-phone', phone, '#/drill/hint-recovery', async (page) => {
  await page.getByRole('button', { name: 'Start drill' }).click();
  await page.getByRole('textbox', { name: 'Answer', exact: true }).fill('Before I design anything: who gets notified, and how late is too late? I will assume customers and under a minute.');
  await page.getByRole('textbox', { name: 'Answer', exact: true }).scrollIntoViewIfNeeded();
});
await shot('feedback-phone', phone, '#/drill/evidence-replay', async (page) => {
  const box = page.getByRole('textbox', { name: 'Weak version', exact: true });
  await box.fill(weak);
  await page.getByRole('region', { name: 'Feedback' }).scrollIntoViewIfNeeded();
  await box.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 120));
});
await shot('feedback-desktop', desktop, '#/drill/evidence-replay', async (page) => {
  await page.getByRole('textbox', { name: 'Weak version', exact: true }).fill(weak);
  await page.evaluate(() => window.scrollTo(0, 420));
});
await browser.close();
