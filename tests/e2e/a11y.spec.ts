import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, open } from './fixtures';
import { scoreRubric } from './scoring';

// Accessible on every screen, in both colour schemes, by keyboard and by thumb.

const drills = [
  'evidence-replay',
  'attribution-split',
  'baseline-before-machinery',
  'hint-recovery',
  'failure-taxonomy-replay',
  'signal-labeling',
  'hidden-reasoning-audit',
  'recovery-practice',
  'incident-triage',
  'rollout-plan',
  'postmortem',
];

/// Runs a drill from start to finish and lands on its results screen.
async function finishedAttempt(page: Page) {
  await open(page, '#/drill/signal-labeling');
  await page.getByRole('textbox').first().fill('Problem framing: I asked who books and what a failed booking costs.');
  await page.getByRole('button', { name: 'Start drill' }).click();
  await page.getByRole('button', { name: 'Finish drill' }).click();
  await expect(page).toHaveURL(/#\/attempt\//);
  await expect(page.locator('main h1')).toBeVisible();
}

const screens: [string, (page: Page) => Promise<void>][] = [
  ['home', (page) => open(page)],
  ...drills.map((id): [string, (page: Page) => Promise<void>] => [`drill ${id}`, (page) => open(page, `#/drill/${id}`)]),
  [
    'running drill',
    async (page) => {
      await open(page, '#/drill/evidence-replay');
      await page.getByRole('button', { name: 'Start drill' }).click();
      await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    },
  ],
  ['history', (page) => open(page, '#/history')],
  ['attempt results', finishedAttempt],
  [
    'history with an attempt',
    async (page) => {
      await finishedAttempt(page);
      await page.getByRole('link', { name: 'History' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
      await expect(page.getByRole('link', { name: /Signal labeling/ }).first()).toBeVisible();
    },
  ],
  [
    'results with a gate',
    async (page) => {
      await finishedAttempt(page);
      await scoreRubric(page, 'Sampled performance', [4, 2, 4, 4, 'nt', 'nt']);
      await expect(page.getByRole('form', { name: 'Sampled performance' }).getByRole('status')).toContainText('Not yet');
    },
  ],
  [
    'history with progress and trends',
    async (page) => {
      await finishedAttempt(page);
      await scoreRubric(page, 'Sampled performance', [4, 4, 5, 4, 'nt', 'nt']);
      await page.getByRole('link', { name: 'History' }).click();
      await expect(page.getByRole('img', { name: /^Average: .*round \d+ 4\.2\. Gate line/ })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Progress' })).toContainText('Next drill');
    },
  ],
  ['not found', (page) => open(page, '#/no-such-screen')],
];

/// Every violation as one readable line (rule, impact, where), so a failure says what to fix.
async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}`),
  );
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${scheme} scheme`, () => {
    for (const [name, reach] of screens) {
      test(`${name} has no violations`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await reach(page);
        expect(await violations(page)).toEqual([]);
      });
    }
  });
}

/// Presses Tab until `target` has focus (at most `limit` presses); returns whether it did.
async function tabTo(page: Page, target: import('@playwright/test').Locator, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return true;
  }
  return false;
}

/// The focused element shows a focus ring: it matches :focus-visible and draws an outline.
async function expectVisibleFocus(target: import('@playwright/test').Locator) {
  const ring = await target.evaluate((el) => {
    const s = getComputedStyle(el);
    return { visible: el.matches(':focus-visible'), style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  expect(ring.visible).toBe(true);
  expect(ring.style).not.toBe('none');
  expect(ring.width).toBeGreaterThanOrEqual(2);
}

test('keyboard: Tab reaches every drill link and the Start drill button, with visible focus', async ({ page }) => {
  await open(page);
  await page.locator('body').focus();
  for (const link of await page.getByRole('link', { name: / min/ }).all()) {
    expect(await tabTo(page, link), `Tab reaches ${await link.textContent()}`).toBe(true);
    await expectVisibleFocus(link);
  }
  const first = page.getByRole('link', { name: /^Evidence replay 20 min/ });
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Evidence replay' })).toBeVisible();
  const start = page.getByRole('button', { name: 'Start drill' });
  expect(await tabTo(page, start), 'Tab reaches Start drill').toBe(true);
  await expectVisibleFocus(start);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
});

test('touch targets are at least 44×44 px at phone size', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'touch targets are a phone concern');
  const small: string[] = [];
  for (const [name, reach] of screens) {
    await reach(page);
    const found = await page.evaluate(() => {
      const out: string[] = [];
      const selector = 'a[href], button, input, select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])';
      for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
        let r = el.getBoundingClientRect();
        // Hidden, off-screen (the skip link) or visually hidden (a file input behind its label).
        if (r.width <= 1 || r.height <= 1 || r.right <= 0 || r.bottom <= 0) continue;
        // A radio or checkbox is hit through its label too: the label's box is the target.
        for (const label of Array.from((el as HTMLInputElement).labels ?? [])) {
          const l = label.getBoundingClientRect();
          if (l.width * l.height > r.width * r.height) r = l;
        }
        // WCAG 2.5.8 exempts links inside a sentence; a link alone in its block is a target.
        const parentText = el.parentElement?.textContent?.trim() ?? '';
        if (el.tagName === 'A' && parentText.length > (el.textContent?.trim().length ?? 0) + 1) continue;
        if (r.width < 44 || r.height < 44) {
          out.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
        }
      }
      return out;
    });
    small.push(...found.map((f) => `${name}: ${f}`));
  }
  expect(small).toEqual([]);
});

test('text follows the user font size and reflows without sideways scrolling at 200%', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'reflow is checked at phone width');
  const width = page.viewportSize()!.width;
  // What a user's "very large" font setting does: the browser's default font size
  // doubles (media queries in em and rem follow it too).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
  const overflow: string[] = [];
  for (const [name, reach] of screens) {
    await reach(page);
    const m = await page.evaluate((width) => {
      const wide = Array.from(document.querySelectorAll<HTMLElement>('body *'))
        .filter((e) => e.getBoundingClientRect().right > width + 1 && e.getBoundingClientRect().width > 0)
        // A data table scrolls inside its own focusable region: WCAG 1.4.10
        // exempts content that needs two dimensions, and the page itself never scrolls sideways.
        .filter((e) => !e.closest('.visually-hidden, .skip-link, .table-scroll'))
        .slice(0, 5)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)}px)`);
      return { body: parseFloat(getComputedStyle(document.body).fontSize), wide };
    }, width);
    expect(m.body, `${name}: body text follows the user's font size`).toBe(32);
    if (m.wide.length) overflow.push(`${name}: ${m.wide.join(', ')}`);
  }
  expect(overflow).toEqual([]);
});
