import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/fixtures';
import { repoRoot } from './support/host';

const shots = join(repoRoot, 'test-results', 'screenshots');

for (const theme of ['light', 'sepia', 'dark'] as const) {
  test(`the main screen has no serious accessibility violations in the ${theme} theme, and a screenshot`, async ({ page, openApp }) => {
    await openApp();
    if (theme !== 'light') {
      await page.getByRole('button', { name: 'Reading settings' }).click();
      await page.getByRole('dialog').getByLabel(theme === 'dark' ? 'Dark' : 'Sepia').check();
      await page.keyboard.press('Escape');
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    }
    await page.evaluate(() => document.fonts.ready);
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, `main-${theme}.png`) });
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('the help overlay and the settings dialog have no serious accessibility violations', async ({ page, openApp }) => {
  await openApp();
  await page.getByRole('button', { name: 'Reading settings' }).click();
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, 'settings-light.png') });
  let results = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.screenshot({ path: join(shots, 'help-light.png') });
  results = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});
