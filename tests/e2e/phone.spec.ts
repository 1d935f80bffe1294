import { test, expect, open } from './fixtures';

const weak = 'We rebuilt the onboarding flow and customers loved it. Obviously we went with React Native.';

test.describe('on a phone', () => {
  test.skip(({ isMobile }) => !isMobile, 'phone layout');

  test('the Feedback panel follows the section being written, within a screen of it', async ({ page }) => {
    await open(page, '#/drill/evidence-replay');
    for (const name of ['Weak version', 'Senior version', 'Mid version']) {
      const box = page.getByRole('textbox', { name, exact: true });
      await box.fill(`${weak} `.repeat(6));
      const panel = page.getByRole('region', { name: 'Feedback' });
      await expect(panel).toContainText(`On: ${name}`);
      const gap = await page.evaluate(
        ([id]) => {
          const editor = document.getElementById(id)!.closest('.section-editor')!.getBoundingClientRect();
          const panel = document.querySelector('.feedback-panel')!.getBoundingClientRect();
          return panel.top - editor.bottom;
        },
        [`section-${name.split(' ')[0].toLowerCase()}`],
      );
      expect(gap, `${name}: the panel starts right under its section`).toBeGreaterThanOrEqual(0);
      expect(gap, `${name}: within a screen`).toBeLessThan(844);
    }
  });

  test('with the keyboard up the clock is one line of at most 56 px and leaves the caret visible', async ({ page }) => {
    await open(page, '#/drill/evidence-replay');
    await page.getByRole('button', { name: 'Start drill' }).click();
    const box = page.getByRole('textbox', { name: 'Mid version', exact: true });
    await box.fill(`${weak} `.repeat(8));
    await box.focus();
    const clock = page.getByRole('region', { name: 'Drill clock' });
    expect((await clock.boundingBox())!.height).toBeGreaterThan(56);
    // The on-screen keyboard takes the bottom half: the visual viewport shrinks.
    await page.setViewportSize({ width: 390, height: 420 });
    await expect(page.locator('html')).toHaveClass(/keyboard-up/);
    const height = (await clock.boundingBox())!.height;
    expect(height).toBeLessThanOrEqual(56);
    // Writing at the top of the field: the caret's line is revealed below the clock.
    await box.evaluate((el: HTMLTextAreaElement) => {
      el.setSelectionRange(0, 0);
      window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY + 20);
    });
    await page.keyboard.type('So ');
    await expect.poll(async () => {
      const [top, bottom] = await page.evaluate(() => {
        const area = document.activeElement!.getBoundingClientRect();
        const panel = document.querySelector('.timer-panel')!.getBoundingClientRect();
        return [area.top, panel.bottom];
      });
      return top >= bottom - 1;
    }).toBe(true);
    await page.screenshot({ path: 'test-results/drill-keyboard-up-phone.png' });
    // Keyboard down: the clock and its buttons come back.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.locator('html')).not.toHaveClass(/keyboard-up/);
    await expect(clock.getByRole('button', { name: 'Pause' })).toBeVisible();
  });
});
