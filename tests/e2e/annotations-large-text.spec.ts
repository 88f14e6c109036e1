import { ARTICLE, SCENARIO } from './annotations-support';
import { bigText, callApi } from './support/api';
import { expect, test } from './support/fixtures';

test('a 5 MB text with 2,000 highlights draws them where it is scrolled, one across paragraphs in each, offsets intact', async ({ page, host, openApp }) => {
  const text = bigText([ARTICLE, SCENARIO], 5 * 1024 * 1024);
  const added = await callApi<{ id: string }>(host, 'addTextDocument', { title: 'Five megabytes', text });
  const target = (start: number, end: number) => ({
    type: 'SpecificResource',
    source: `urn:diptych:document:${added.id}`,
    selector: [
      { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
      { type: 'TextPositionSelector', start, end },
    ],
  });
  const stamp = '2026-11-25T09:00:00.000Z';
  const items = [];
  for (let i = 0; i < 2000; i++) {
    const start = Math.floor((i * text.length) / 2000);
    items.push({ id: `urn:uuid:00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`, type: 'Annotation', motivation: 'highlighting', created: stamp, modified: stamp, body: [], target: [target(start, start + 30)], 'diptych:colour': 'yellow' });
  }
  // One highlight from the middle of a paragraph to the middle of the next, near the half-way point.
  const paragraph = text.indexOf('\n\n', Math.floor(text.length / 2));
  items.push({ ...items[0]!, id: 'urn:uuid:00000000-0000-4000-8000-999999999999', target: [target(paragraph - 40, paragraph + 60)], 'diptych:colour': 'purple' });
  await callApi(host, 'importAnnotations', { content: JSON.stringify(items) });

  await openApp();
  await page.getByRole('combobox', { name: 'Document in left pane' }).selectOption(added.id);
  await expect(page.getByTestId('pane-left')).toHaveAttribute('data-ready', 'true');
  const input = page.getByRole('spinbutton', { name: 'Position in left pane, percent' });
  await input.fill('50');
  await input.press('Enter');
  await expect(input).toHaveValue(/^(49|50)$/);

  const root = page.getByTestId('pane-text-left');
  await expect(root.locator('mark.anno[data-colour="yellow"]').first()).toBeAttached();
  const purple = root.locator('mark.anno[data-colour="purple"]');
  await expect(purple).not.toHaveCount(0);
  const blocks = await purple.evaluateAll((marks) => new Set(marks.map((m) => m.closest('[data-block-start]')!.getAttribute('data-block-start'))).size);
  expect(blocks).toBe(2);
  expect((await purple.allTextContents()).join('')).toBe(text.slice(paragraph - 40, paragraph).concat(text.slice(paragraph + 2, paragraph + 60)));

  const rendered = await root.locator('[data-block-start]').evaluateAll((els) =>
    els.map((el) => ({ start: Number(el.getAttribute('data-block-start')), end: Number(el.getAttribute('data-block-end')), text: el.textContent ?? '' })),
  );
  for (const block of rendered) expect(block.text).toBe(text.slice(block.start, block.end));
  expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThan(3000);
});
