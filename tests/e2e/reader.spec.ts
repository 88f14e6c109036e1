import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { repoRoot } from './support/host';

const sourceText = (file: string) => new TextDecoder().decode(readFileSync(join(repoRoot, 'documents', file)));
const article = sourceText('000_f1b498f6176dc71c.txt');
const scenario = sourceText('001_50dbc8cc9f109cf8.txt');

test('opens with the two source texts side by side, every character present', async ({ page, openApp }) => {
  await openApp();
  const left = page.getByTestId('pane-left');
  const right = page.getByTestId('pane-right');
  await expect(left).toHaveAttribute('data-document-id', 'soviet-overtures-1939');
  await expect(right).toHaveAttribute('data-document-id', 'londons-dilemma-1939');
  await expect(left.getByRole('combobox', { name: 'Document in left pane' })).toContainText('The Soviet Overtures of 1939');
  expect(await page.getByTestId('pane-text-left').textContent()).toBe(article);
  expect(await page.getByTestId('pane-text-right').textContent()).toBe(scenario);
  const leftBox = (await left.boundingBox())!;
  const rightBox = (await right.boundingBox())!;
  expect(leftBox.x + leftBox.width).toBeLessThanOrEqual(rightBox.x + 1);
  expect(Math.abs(leftBox.y - rightBox.y)).toBeLessThan(2);
});

test('sets the text at a readable measure', async ({ page, openApp }) => {
  await openApp();
  const paragraph = page.getByTestId('pane-text-left').locator('[data-block-start]').nth(5);
  const metrics = await paragraph.evaluate((el) => {
    const style = getComputedStyle(el);
    const probe = document.createElement('span');
    probe.textContent = 'abcdefghijklmnopqrstuvwxyz'.repeat(4);
    probe.style.font = style.font;
    probe.style.position = 'absolute';
    document.body.append(probe);
    const charWidth = probe.getBoundingClientRect().width / 104;
    probe.remove();
    return { width: el.getBoundingClientRect().width, charWidth, fontSize: parseFloat(style.fontSize), lineHeight: parseFloat(style.lineHeight) };
  });
  const charactersPerLine = metrics.width / metrics.charWidth;
  expect(charactersPerLine).toBeGreaterThan(55);
  expect(charactersPerLine).toBeLessThan(80);
  expect(metrics.fontSize).toBeGreaterThanOrEqual(16);
  expect(metrics.lineHeight / metrics.fontSize).toBeGreaterThan(1.4);
});

test('switches a pane’s document from the picker and from the library', async ({ page, openApp }) => {
  await openApp();
  await page.getByRole('combobox', { name: 'Document in left pane' }).selectOption({ label: "London's Dilemma, Summer 1939" });
  await expect(page.getByTestId('pane-left')).toHaveAttribute('data-document-id', 'londons-dilemma-1939');
  await expect(page.getByTestId('pane-left')).toHaveAttribute('data-ready', 'true');
  expect(await page.getByTestId('pane-text-left').textContent()).toBe(scenario);

  await page.getByRole('button', { name: 'Open The Soviet Overtures of 1939 in right pane' }).click();
  await expect(page.getByTestId('pane-right')).toHaveAttribute('data-document-id', 'soviet-overtures-1939');
  await expect(page.getByTestId('pane-right')).toHaveAttribute('data-ready', 'true');
  expect(await page.getByTestId('pane-text-right').textContent()).toBe(article);
});

test('the library lists each document with its kind and length', async ({ page, openApp }) => {
  await openApp();
  const items = page.getByTestId('library-item');
  await expect(items).toHaveCount(3);
  await expect(items.first()).toContainText('The Soviet Overtures of 1939');
  await expect(items.nth(2)).toContainText('A chronology of the 1939 Anglo-French-Soviet talks');
  await expect(items.nth(2)).toContainText('PDF');
  await expect(items.first()).toContainText(/1,067 words/);
  await expect(items.first()).toContainText(/text/i);
  await page.getByRole('button', { name: 'Toggle library' }).click();
  await expect(page.getByTestId('library')).toBeHidden();
  await page.keyboard.press('Control+b');
  await expect(page.getByTestId('library')).toBeVisible();
});

test('the divider can be dragged to give one pane more room', async ({ page, openApp }) => {
  await openApp();
  const divider = page.getByTestId('pane-divider');
  const before = (await page.getByTestId('pane-left').boundingBox())!.width;
  const box = (await divider.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 200, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  const after = (await page.getByTestId('pane-left').boundingBox())!.width;
  expect(before - after).toBeGreaterThan(150);
});

test('a pane can be maximised and restored, and the panes swapped', async ({ page, openApp }) => {
  await openApp();
  await page.getByRole('button', { name: 'Maximise left pane' }).click();
  await expect(page.getByTestId('pane-right')).toBeHidden();
  await page.getByRole('button', { name: 'Restore left pane' }).click();
  await expect(page.getByTestId('pane-right')).toBeVisible();
  await page.getByRole('button', { name: 'Swap panes' }).first().click();
  await expect(page.getByTestId('pane-left')).toHaveAttribute('data-document-id', 'londons-dilemma-1939');
  await expect(page.getByTestId('pane-right')).toHaveAttribute('data-document-id', 'soviet-overtures-1939');
});

test('the keyboard reaches everything: focus switching, help overlay, visible focus', async ({ page, openApp }) => {
  await openApp();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press(']');
  await expect(page.getByTestId('pane-scroll-right')).toBeFocused();
  await page.keyboard.press('[');
  await expect(page.getByTestId('pane-scroll-left')).toBeFocused();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Ctrl+B');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    return { tag: el.tagName, outline: style.outlineStyle, width: parseFloat(style.outlineWidth), shadow: style.boxShadow };
  });
  expect(outline.tag).not.toBe('BODY');
  expect(outline.outline !== 'none' && outline.width > 0 || outline.shadow !== 'none').toBe(true);
});

test('reading settings apply at once', async ({ page, openApp }) => {
  await openApp();
  await page.getByRole('button', { name: 'Reading settings' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Dark').check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await dialog.getByLabel('Sepia').check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia');
  await dialog.getByLabel('Font size').fill('24');
  await dialog.getByLabel('Font size').press('Tab');
  await dialog.getByLabel('Sans').check();
  await page.keyboard.press('Escape');
  const style = await page.getByTestId('pane-text-left').locator('[data-block-start]').first().evaluate((el) => ({ size: getComputedStyle(el).fontSize, family: getComputedStyle(el).fontFamily }));
  expect(style.size).toBe('24px');
  expect(style.family).toMatch(/Inter/);
});
