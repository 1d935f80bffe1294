import { test, expect, open } from './fixtures';
import type { Page } from '@playwright/test';

const weak = 'We rebuilt the onboarding flow and customers loved it. Obviously we went with React Native.';

/// Whether focus is on the current screen's level-1 heading, and its text.
async function focusedHeading(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el && el.tagName === 'H1' && el.closest('main') ? el.textContent : null;
  });
}

/// A backup of `n` finished evidence-replay attempts, imported on History.
async function importHistory(page: Page, n: number) {
  const t0 = Date.UTC(2026, 0, 5, 9, 0);
  const attempts = Array.from({ length: n }, (_, i) => {
    const start = t0 + i * 86_400_000;
    return {
      version: 2, id: `nav-${i}`, drill_id: 'evidence-replay', prompt: `Prompt number ${i}`,
      sections: { weak: `${weak} Attempt ${i}.` }, hint: null, notes: '',
      timer: { duration_ms: 1_200_000, started_at: start, paused_total_ms: 0, paused_since: null, finished_at: start + 600_000 },
      scores: [], created_at_ms: start, updated_at_ms: start + 600_000, tz_offset_minutes: 0,
    };
  });
  const backup = { format: 'evident-backup', version: 1, attempts, prefs: null, quarantined: [], newer_version: [], problems: [] };
  await open(page, '#/history');
  await page.locator('input[type=file]').setInputFiles({
    name: 'backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(backup)),
  });
  await expect(page.getByText(/Backup imported: 30 attempts added/)).toBeVisible();
}

test('"Finish drill" opens the results at the top with focus on their heading', async ({ page }) => {
  await open(page, '#/drill/evidence-replay');
  await page.getByRole('textbox', { name: 'Weak version', exact: true }).fill(weak);
  await page.getByRole('button', { name: 'Start drill' }).click();
  const finish = page.getByRole('button', { name: 'Finish drill' });
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
  await finish.click();
  const heading = page.getByRole('heading', { level: 1, name: 'Evidence replay: results' });
  await expect(heading).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

test('every screen change scrolls to the top and focuses the new heading', async ({ page }) => {
  await open(page, '#/');
  for (const [link, heading] of [
    [page.getByRole('link', { name: /^Incident triage/ }), 'Incident triage'],
    [page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }), 'History'],
    [page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Drills' }), 'Drills'],
  ] as const) {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await link.click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeFocused();
    expect(await focusedHeading(page)).toBe(heading);
    expect(await page.evaluate(() => window.scrollY), `${heading} opens at the top`).toBe(0);
  }
});

test('Back returns to where History was scrolled to', async ({ page }) => {
  await importHistory(page, 30);
  // Every findings line is in (the analyzer's answers change line heights).
  await expect(page.getByText('Findings: analysing…')).toHaveCount(0);
  const item = page.getByRole('link', { name: /^Evidence replay, / }).nth(20);
  await item.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 40));
  const before = await page.evaluate(() => window.scrollY);
  expect(before).toBeGreaterThan(1000);
  await item.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Evidence replay: results' })).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeFocused();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(before);
});

test('the findings of the section being edited are one Tab and Enter away, and Go to text comes back', async ({ page }) => {
  await open(page, '#/drill/evidence-replay');
  const box = page.getByRole('textbox', { name: 'Mid version', exact: true });
  await box.fill(weak);
  await expect(page.locator('#section-mid-status')).toContainText(/\d+ findings?: see Feedback/);
  await box.focus();
  let tabs = 0;
  while (tabs < 4) {
    await page.keyboard.press('Tab');
    tabs++;
    const name = await page.evaluate(() => document.activeElement?.textContent ?? '');
    if (name.startsWith('Feedback')) break;
  }
  await expect(page.getByRole('button', { name: 'Feedback on Mid version' })).toBeFocused();
  expect(tabs, 'Tabs from the text area to its Feedback button').toBeLessThan(5);
  await page.keyboard.press('Enter');
  const panel = page.getByRole('region', { name: 'Feedback' });
  await expect(panel).toContainText('On: Mid version');
  const first = panel.locator('.finding-jump').first();
  await expect(first).toBeFocused();
  await expect(first).toContainText('Go to text');
  const phrase = (await first.locator('q').textContent()) ?? '';
  await page.keyboard.press('Enter');
  await expect(box).toBeFocused();
  const selected = await box.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd));
  expect(selected).toBe(phrase);
});

test('the skip link moves focus to the screen without leaving it', async ({ page }) => {
  await open(page, '#/history');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
  expect(await page.evaluate(() => location.hash)).toBe('#/history');
});
