import { expect, Page } from '@playwright/test';

/// One mark per dimension: a score, or 'nt' for "Not tested in this drill".
export type Mark = number | 'nt';

/// Marks every dimension of one rubric's form and saves. A dimension the
/// drill does not exercise hides its levels under "Score … anyway": opened
/// when a score is wanted there.
export async function scoreRubric(page: Page, rubric: string, marks: Mark[]) {
  const form = page.getByRole('form', { name: rubric });
  // One fieldset per dimension (a "Score … anyway" <details> is a group too).
  const groups = form.locator('fieldset.dimension');
  await expect(groups).toHaveCount(marks.length);
  for (const [i, mark] of marks.entries()) {
    const group = groups.nth(i);
    if (mark === 'nt') {
      await group.getByRole('radio', { name: /^Not tested in this drill/ }).check();
      continue;
    }
    const radio = group.getByRole('radio', { name: new RegExp(`^${mark} `) });
    if (!(await radio.isVisible())) {
      await group.locator('summary').click();
    }
    await radio.check();
  }
  await form.getByRole('button', { name: `Save ${rubric} scores` }).click();
  await expect(form.getByRole('status')).toContainText(`${rubric} scores saved.`);
}

/// Opens a drill, writes into its first section, starts and finishes it.
export async function finishDrill(page: Page, drillId: string, title: string, text: string) {
  await page.goto(`./#/drill/${drillId}`);
  await expect(page.locator('[data-shell]')).toHaveCount(0);
  // The first section's text area: a checklist's answer fields ("Answer: …") may come before it.
  await page.getByRole('textbox', { name: /^(?!Answer:)/ }).first().fill(text);
  await page.getByRole('button', { name: 'Start drill' }).click();
  await page.getByRole('button', { name: 'Finish drill' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${title}: results` })).toBeVisible();
}
