import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bigText, callApi } from './support/api';
import { expect, test } from './support/fixtures';
import { repoRoot } from './support/host';

const sources = ['000_f1b498f6176dc71c.txt', '001_50dbc8cc9f109cf8.txt'].map((f) => new TextDecoder().decode(readFileSync(join(repoRoot, 'documents', f))));

test('a 5 MB text opens, keeps the DOM small wherever it is scrolled, and keeps offsets exact', async ({ page, host, openApp }) => {
  const text = bigText(sources, 5 * 1024 * 1024);
  const added = await callApi<{ id: string }>(host, 'addTextDocument', { title: 'Five megabytes', text });
  await openApp();
  await page.getByRole('combobox', { name: 'Document in left pane' }).selectOption(added.id);
  const pane = page.getByTestId('pane-left');
  await expect(pane).toHaveAttribute('data-document-id', added.id);
  await expect(pane).toHaveAttribute('data-ready', 'true');

  const elementCount = () => page.evaluate(() => document.getElementsByTagName('*').length);
  const blocksMatchText = () =>
    page.getByTestId('pane-text-left').locator('[data-block-start]').evaluateAll((els) =>
      els.map((el) => ({ start: Number(el.getAttribute('data-block-start')), end: Number(el.getAttribute('data-block-end')), text: el.textContent ?? '' })),
    );

  expect(await elementCount()).toBeLessThan(3000);
  for (const percent of ['50', '100', '25']) {
    const input = page.getByRole('spinbutton', { name: 'Position in left pane, percent' });
    await input.fill(percent);
    await input.press('Enter');
    await expect(input).toHaveValue(new RegExp(`^${percent === '100' ? '(99|100)' : percent}`));
    const blocks = await blocksMatchText();
    expect(blocks.length).toBeGreaterThan(0);
    for (const b of blocks) expect(b.text).toBe(text.slice(b.start, b.end));
    const middle = blocks[Math.floor(blocks.length / 2)]!;
    expect(middle.start / text.length).toBeGreaterThan(Number(percent) / 100 - 0.05);
    expect(middle.start / text.length).toBeLessThan(Number(percent) / 100 + 0.05);
    expect(await elementCount()).toBeLessThan(3000);
  }
});
