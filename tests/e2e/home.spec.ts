import { test, expect, open } from './fixtures';

const drills = [
  ['Evidence replay', 20],
  ['Attribution split', 20],
  ['Baseline before machinery', 15],
  ['Hint recovery', 15],
  ['Failure taxonomy replay', 25],
  ['Signal labeling', 15],
  ['Hidden reasoning audit', 25],
  ['Recovery practice', 15],
  ['Incident triage', 20],
  ['Rollout plan', 20],
  ['Postmortem', 20],
] as const;

test('home lists the eleven drills with minutes, a History link and the privacy line', async ({ page }) => {
  await open(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Drills' })).toBeVisible();
  const list = page.getByRole('list').filter({ has: page.getByRole('link', { name: /Evidence replay/ }) });
  await expect(list.getByRole('link')).toHaveCount(11);
  for (const [title, minutes] of drills) {
    await expect(page.getByRole('link', { name: new RegExp(`^${title} ${minutes} min`) })).toBeVisible();
  }
  await expect(page.getByRole('link', { name: 'History' })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('stays on this device');
});

test('a drill link opens the drill and back returns home', async ({ page }) => {
  await open(page);
  await page.getByRole('link', { name: /^Hint recovery/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hint recovery' })).toBeVisible();
  await expect(page).toHaveURL(/#\/drill\/hint-recovery$/);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Drills' })).toBeVisible();
});

test('reloading a deep link under the subpath shows the same screen', async ({ page }) => {
  await open(page, '#/drill/incident-triage');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Incident triage' })).toBeVisible();
});

test('an unknown address says so and links home', async ({ page }) => {
  await open(page, '#/no-such-screen');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the drills' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Drills' })).toBeVisible();
});
