import { ARTICLE, dragSelect, SCENARIO, selectOffsets, selectQuote, statusMessage, storedAnnotations } from './annotations-support';
import { expect, test } from './support/fixtures';
import { callApi } from './support/api';
import { startHostProcess } from './support/host';

const QUOTE = 'That mutual agreement seemingly caught the British and French off-guard';

test('a dragged selection is highlighted from the toolbar, recoloured, deleted, and every step undone and redone', async ({ page, host, openApp }) => {
  await openApp();
  await dragSelect(page, 'left', QUOTE, ARTICLE);
  const toolbar = page.getByRole('toolbar', { name: 'Annotate the selection' });
  await expect(toolbar).toBeVisible();
  // The toolbar floats beside the selection, never over it.
  const selected = await page.evaluate(() => {
    const r = document.getSelection()!.getRangeAt(0).getBoundingClientRect();
    return { top: r.top, bottom: r.bottom };
  });
  const box = (await toolbar.boundingBox())!;
  expect(box.y + box.height <= selected.top + 0.5 || box.y >= selected.bottom - 0.5).toBe(true);
  await expect(toolbar.getByRole('button', { name: 'Highlight yellow' })).toHaveAttribute('data-tip', 'Yellow · 1');

  await toolbar.getByRole('button', { name: 'Highlight yellow' }).click();
  const marks = page.getByTestId('pane-text-left').locator('mark.anno');
  await expect(marks).toHaveText([QUOTE]);
  await expect(marks.first()).toHaveAttribute('data-colour', 'yellow');
  await expect(toolbar).toBeHidden();
  // Decorations leave the text itself untouched.
  expect(await page.getByTestId('pane-text-left').textContent()).toBe(ARTICLE);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  let stored = await storedAnnotations(host);
  expect(stored).toHaveLength(1);
  expect(stored[0]!['diptych:colour']).toBe('yellow');
  expect(JSON.stringify(stored[0]!.target)).toContain(QUOTE);

  await marks.first().click();
  const detail = page.getByTestId('annotation-detail');
  await expect(detail).toContainText(QUOTE.slice(0, 40));
  await detail.getByRole('button', { name: 'Green' }).click();
  await expect(marks.first()).toHaveAttribute('data-colour', 'green');
  await expect(detail.getByRole('button', { name: 'Green' })).toHaveAttribute('aria-pressed', 'true');
  await detail.getByRole('button', { name: 'Delete highlight' }).click();
  await expect(marks).toHaveCount(0);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  expect(await storedAnnotations(host)).toEqual([]);

  await page.keyboard.press('Control+z');
  await expect(marks.first()).toHaveAttribute('data-colour', 'green');
  await expect(statusMessage(page)).toContainText('Undone: delete highlight');
  await page.keyboard.press('Control+z');
  await expect(marks.first()).toHaveAttribute('data-colour', 'yellow');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  stored = await storedAnnotations(host);
  expect(stored.map((a) => a['diptych:colour'])).toEqual(['yellow']);

  await page.keyboard.press('Control+Shift+z');
  await expect(marks.first()).toHaveAttribute('data-colour', 'green');
  await page.keyboard.press('Control+y');
  await expect(marks).toHaveCount(0);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  expect(await storedAnnotations(host)).toEqual([]);
});

test('keys 1 to 5 highlight the selection; nested and crossing highlights all stay visible', async ({ page, host, openApp }) => {
  await openApp();
  const outer = 'The nations could not have been more ideologically apart.';
  const inner = 'could not have been';
  const crossing = 'ideologically apart. Yet the signing';
  await selectQuote(page, 'left', outer, ARTICLE);
  await page.keyboard.press('3');
  await selectQuote(page, 'left', inner, ARTICLE);
  await page.keyboard.press('4');
  await selectQuote(page, 'left', crossing, ARTICLE);
  await page.keyboard.press('5');
  const text = page.getByTestId('pane-text-left');
  await expect(text.locator('mark.anno')).not.toHaveCount(0);
  const layers = await text.locator('mark.anno').evaluateAll((marks) => marks.map((m) => [m.textContent, m.getAttribute('data-colours')]));
  expect(layers).toContainEqual([inner, 'pink blue']);
  expect(layers).toContainEqual(['ideologically apart.', 'purple blue']);
  expect(layers).toContainEqual([' Yet the signing', 'purple']);
  // The outer colour shows as a stripe under the inner one.
  const stripe = await text.locator('mark.anno', { hasText: inner }).evaluate((m) => getComputedStyle(m).boxShadow);
  expect(stripe).toContain('inset');
  expect(await text.textContent()).toBe(ARTICLE);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  expect((await storedAnnotations(host)).map((a) => a['diptych:colour']).sort()).toEqual(['blue', 'pink', 'purple']);

  // Tags are added from the panel and kept.
  await text.locator('mark.anno', { hasText: inner }).click();
  const detail = page.getByTestId('annotation-detail');
  await detail.getByLabel('Add a tag').fill('ideology');
  await detail.getByRole('button', { name: 'Add tag' }).click();
  await expect(detail.getByTestId('tag-chip')).toHaveText(['ideology']);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  const tagged = (await storedAnnotations(host)).find((a) => a['diptych:colour'] === 'pink')!;
  expect(tagged.body).toEqual([{ type: 'TextualBody', purpose: 'tagging', value: 'ideology' }]);
});

test('a blank selection and a selection across both panes get a clear message and create nothing', async ({ page, host, openApp }) => {
  await openApp();
  const blank = ARTICLE.indexOf('\n\n');
  await selectOffsets(page, 'left', blank, blank + 2);
  await page.keyboard.press('1');
  await expect(statusMessage(page)).toContainText('only spaces or line breaks');
  await expect(statusMessage(page)).toHaveAttribute('role', 'status');

  // From the last words of the left text to the first of the right one.
  await page.evaluate(() => {
    const first = (side: string, last: boolean) => {
      const blocks = document.querySelectorAll(`[data-testid="pane-text-${side}"] .block-content`);
      const block = last ? blocks[blocks.length - 1]! : blocks[0]!;
      return block.firstChild as Text;
    };
    const range = document.createRange();
    range.setStart(first('left', true), 0);
    range.setEnd(first('right', false), 5);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  });
  await page.getByRole('toolbar', { name: 'Annotate the selection' }).getByRole('button', { name: 'Highlight pink' }).click();
  await expect(statusMessage(page)).toContainText('runs across both panes');
  await page.keyboard.press('n');
  await expect(statusMessage(page)).toContainText('runs across both panes');
  await page.keyboard.press('l');
  await expect(page.getByTestId('link-banner')).toBeHidden();

  await expect(page.locator('mark.anno')).toHaveCount(0);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  expect(await storedAnnotations(host)).toEqual([]);
  expect(await page.getByTestId('pane-text-right').textContent()).toBe(SCENARIO);
});

test('highlights and notes survive a restart, and a kill right after the status bar says saved', async ({ page, host, openApp }) => {
  await openApp();
  await selectQuote(page, 'left', QUOTE, ARTICLE);
  await page.keyboard.press('2');
  await selectQuote(page, 'right', 'The dilemma is clear for London.', SCENARIO);
  await page.keyboard.press('n');
  const field = page.getByTestId('note-field');
  await expect(field).toBeFocused();
  await field.pressSequentially('# Why London hesitates\n\nDistrust of Moscow.');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');

  expect(await host.stop()).toBe(0);
  let again = await startHostProcess(host.dataDir);
  try {
    await page.goto(again.url);
    await expect(page.getByTestId('pane-text-left').locator('mark.anno[data-colour="green"]')).toHaveText([QUOTE]);
    await expect(page.getByTestId('pane-text-right').locator('.anno-note')).toHaveText(['The dilemma is clear for London.']);

    // Edit after the restart, wait for "Saved", then kill the host without warning.
    await page.getByTestId('pane-text-right').locator('[data-marker-for]').click();
    await page.getByRole('button', { name: 'Write' }).click();
    await page.getByTestId('note-field').press('Control+End');
    await page.getByTestId('note-field').pressSequentially(' And of Warsaw.');
    // A reader's next selection starts with a click in the text, which takes focus from the note.
    await page.getByTestId('pane-scroll-left').focus();
    await selectQuote(page, 'left', 'Or so popular Western history goes.', ARTICLE);
    await page.keyboard.press('5');
    await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
    await again.kill();
    again = await startHostProcess(host.dataDir);
    await page.goto(again.url);
    await expect(page.getByTestId('pane-text-left').locator('mark.anno[data-colour="purple"]')).toHaveText(['Or so popular Western history goes.']);
    const stored = await storedAnnotations(again);
    const note = stored.find((a) => a.motivation === 'commenting')!;
    expect(note.body[0]!.value).toBe('# Why London hesitates\n\nDistrust of Moscow. And of Warsaw.');
  } finally {
    await again.stop();
  }
});

test('a document opened after start-up brings its highlights with it', async ({ page, host, openApp }) => {
  const text = 'First paragraph of a related note.\n\nThe envoy had no powers to sign anything at all.\n';
  const added = await callApi<{ id: string }>(host, 'addTextDocument', { title: 'Envoy memo', text });
  const quote = 'no powers to sign';
  const start = text.indexOf(quote);
  const source = `urn:diptych:document:${added.id}`;
  const stamp = '2026-11-25T09:00:00.000Z';
  const highlight = {
    id: 'urn:uuid:00000000-0000-4000-8000-000000000001',
    type: 'Annotation',
    motivation: 'highlighting',
    created: stamp,
    modified: stamp,
    body: [],
    'diptych:colour': 'pink',
    target: [
      {
        type: 'SpecificResource',
        source,
        selector: [
          { type: 'TextQuoteSelector', exact: quote, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + quote.length, start + quote.length + 32) },
          { type: 'TextPositionSelector', start, end: start + quote.length },
        ],
      },
    ],
  };
  await callApi(host, 'importAnnotations', { content: JSON.stringify([highlight]), fileName: 'memo.jsonld' });

  await openApp();
  await page.getByRole('combobox', { name: 'Document in left pane' }).selectOption({ label: 'Envoy memo' });
  const marks = page.getByTestId('pane-text-left').locator('mark.anno');
  await expect(marks).toHaveText([quote]);
  await expect(marks.first()).toHaveAttribute('data-colour', 'pink');
});

test('a passage is selected and highlighted with the keyboard alone', async ({ page, host, openApp }) => {
  await openApp();
  const scroller = page.getByTestId('pane-scroll-left');
  await scroller.focus();
  // Shift+Ctrl+Right selects word by word from the first line on screen.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Control+ArrowRight');
  const selected = await page.evaluate(() => document.getSelection()!.toString());
  expect(selected.trim().split(/\s+/)).toHaveLength(3);
  expect(ARTICLE.startsWith(selected)).toBe(true);
  await expect(page.getByRole('toolbar', { name: 'Annotate the selection' })).toBeVisible();
  await page.keyboard.press('Shift+ArrowRight');
  const longer = await page.evaluate(() => document.getSelection()!.toString());
  expect(longer.length).toBe(selected.length + 1);
  await page.keyboard.press('3');
  const marks = page.getByTestId('pane-text-left').locator('mark.anno');
  await expect(marks).toHaveText([longer.trim()]);
  await expect(marks.first()).toHaveAttribute('data-colour', 'blue');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  expect((await storedAnnotations(host)).map((a) => a['diptych:colour'])).toEqual(['blue']);
});
