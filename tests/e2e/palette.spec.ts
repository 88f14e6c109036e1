/**
 * The command palette against the real host: Ctrl+K, a search with a typo
 * answered by the library's index, grouped by document with the matched
 * words marked; a result opened in the right pane at its passage; commands
 * (open a document, swap panes, change the theme); Escape giving focus back.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { LONDON, SOVIET, watchFlash } from './annotations-support';
import { expect, test } from './support/fixtures';
import { repoRoot } from './support/host';

// Screenshots go with the test results; the user guide keeps chosen copies in docs/images.
const images = join(repoRoot, 'test-results', 'screenshots');
const TYPO = 'negotiatons';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('[data-testid="command-palette"]').analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

async function openPalette(page: Page): Promise<{ palette: Locator; field: Locator }> {
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  const field = palette.getByRole('combobox', { name: 'Search documents and notes, or type a command' });
  await expect(field).toBeFocused();
  return { palette, field };
}

/** Runs a command by typing its name and pressing Enter. */
async function runCommand(page: Page, name: string, label: string) {
  const { palette, field } = await openPalette(page);
  await field.fill(name);
  await expect(palette.getByTestId('palette-command').first()).toContainText(label);
  await expect(palette.getByTestId('palette-command').first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
}

/** Moves the palette's choice down with the arrow key until `row` is chosen. */
async function chooseWithArrows(page: Page, row: Locator) {
  for (let i = 0; i < 30 && (await row.getAttribute('aria-selected')) !== 'true'; i++) await page.keyboard.press('ArrowDown');
  await expect(row).toHaveAttribute('aria-selected', 'true');
}

test('Ctrl+K searches with a typo, opens a result in the right pane at its passage, runs commands, and Esc gives focus back', async ({ page, openApp }) => {
  test.setTimeout(90_000);
  await openApp();
  await page.getByTestId('pane-scroll-left').focus();

  // The palette opens on its field with the commands (each with its shortcut) and the documents.
  let { palette, field } = await openPalette(page);
  await expect(palette.getByTestId('palette-status')).toHaveAttribute('data-state', 'idle');
  await expect(palette.getByTestId('palette-command').filter({ hasText: 'Swap panes' })).toContainText('S');
  await expect(palette.getByTestId('palette-command').filter({ hasText: 'Show or hide the library' }).locator('kbd')).toHaveText(['Ctrl', 'B']);
  await expect(palette.getByTestId('palette-document')).toHaveCount(3);
  expect(await seriousViolations(page)).toEqual([]);

  // A word with a typo: results grouped by document, the words it matched marked.
  await field.fill(TYPO);
  await expect(palette.getByTestId('palette-status')).toHaveAttribute('data-state', 'results');
  const groups = palette.getByTestId('palette-group');
  await expect.poll(() => groups.evaluateAll((list) => list.map((g) => g.getAttribute('data-document-id')).sort())).toEqual(
    expect.arrayContaining([LONDON, SOVIET]),
  );
  const soviet = palette.locator(`[data-testid="palette-group"][data-document-id="${SOVIET}"]`);
  await expect(soviet).toContainText('The Soviet Overtures of 1939');
  const marks = await palette.getByTestId('palette-hit').locator('mark').allTextContents();
  expect(marks.length).toBeGreaterThan(2);
  for (const mark of marks) expect(mark.toLowerCase()).toMatch(/^negotiat/);
  await expect(soviet.getByTestId('palette-hit').first().locator('mark')).toHaveText(['negotiators']);
  await expect(palette.getByTestId('palette-status')).toContainText(/Found \d+ passages in 3 documents\./);
  expect(await seriousViolations(page)).toEqual([]);
  await page.evaluate(() => document.fonts.ready);
  mkdirSync(images, { recursive: true });
  await page.screenshot({ path: join(images, 'palette-light.png') });

  // Alt+Enter on the article's passage: it opens in the right pane (the left keeps it too), scrolled there, the word flashed.
  const hit = soviet.getByTestId('palette-hit').first();
  await chooseWithArrows(page, hit);
  await expect(palette.getByTestId('palette-open-right')).toBeEnabled();
  const flashed = await watchFlash(page, 'right');
  await page.keyboard.press('Alt+Enter');
  await expect(palette).toBeHidden();
  await expect(page.getByTestId('pane-right')).toHaveAttribute('data-document-id', SOVIET);
  await expect(page.getByTestId('pane-left')).toHaveAttribute('data-document-id', SOVIET);
  await expect.poll(flashed).toMatchObject({ text: 'negotiators', visible: true, animation: 'anno-flash' });
  expect(await page.getByTestId('pane-scroll-right').evaluate((el) => el.scrollTop)).toBeGreaterThan(500);
  await expect(page.getByTestId('pane-scroll-right')).toBeFocused();

  // A document from its row: Enter opens it in the left pane.
  ({ palette, field } = await openPalette(page));
  await field.fill('london dilemma');
  const row = palette.locator(`[data-testid="palette-document"][data-document-id="${LONDON}"]`);
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('pane-left')).toHaveAttribute('data-document-id', LONDON);

  // Swap panes.
  await runCommand(page, 'swap', 'Swap panes');
  await expect(page.getByTestId('pane-left')).toHaveAttribute('data-document-id', SOVIET);
  await expect(page.getByTestId('pane-right')).toHaveAttribute('data-document-id', LONDON);

  // Toggle theme cycles light → sepia; a theme can also be picked by name.
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await runCommand(page, 'toggle theme', 'Toggle theme');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia');
  await runCommand(page, 'dark theme', 'Use the dark theme');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  // The same search in the dark theme.
  ({ palette, field } = await openPalette(page));
  await field.fill(TYPO);
  await expect(palette.getByTestId('palette-status')).toHaveAttribute('data-state', 'results');
  await expect(palette.getByTestId('palette-hit').first()).toHaveAttribute('aria-selected', 'true');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: join(images, 'palette-dark.png') });

  // Before anything is typed: the commands with their shortcuts, then the documents.
  await field.fill('');
  await expect(palette.getByTestId('palette-status')).toHaveAttribute('data-state', 'idle');
  await expect(palette.getByTestId('palette-command').first()).toHaveAttribute('aria-selected', 'true');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: join(images, 'palette-commands-dark.png') });

  // Escape closes it, and focus is back where it was.
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();
  await page.getByTestId('pane-scroll-left').focus();
  await openPalette(page);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeHidden();
  await expect(page.getByTestId('pane-scroll-left')).toBeFocused();
});

test('the palette says when nothing matches', async ({ page, openApp }) => {
  await openApp();
  const { palette, field } = await openPalette(page);
  await field.fill('xylophonic zebras');
  await expect(palette.getByTestId('palette-status')).toHaveAttribute('data-state', 'empty');
  await expect(palette.getByTestId('palette-status')).toContainText('No passage or note matches “xylophonic zebras”.');
  await expect(palette.getByTestId('palette-hit')).toHaveCount(0);
});
