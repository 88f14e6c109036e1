import { ARTICLE, dragSelect, SCENARIO, selectQuote, storedAnnotations } from './annotations-support';
import { expect, test } from './support/fixtures';

test('a note on a passage renders its Markdown, and an XSS payload in it does nothing', async ({ page, host, openApp }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await openApp();
  const quote = 'Stalin gave his famed “Chestnut” speech';
  await dragSelect(page, 'left', quote, ARTICLE);
  await page.getByRole('toolbar', { name: 'Annotate the selection' }).getByRole('button', { name: 'Note' }).click();
  const field = page.getByTestId('note-field');
  await expect(field).toBeFocused();
  await field.fill(
    [
      '# The chestnut speech',
      '',
      'Stalin warns he will not pull **chestnuts** out of the fire for others:',
      '',
      '- for Britain',
      '- for France',
      '',
      '<img src=x onerror="alert(1)"> <script>alert(2)</script> [click me](javascript:alert(3)) <a href="JaVaScRiPt:alert(4)">or me</a> [data](data:text/html,<script>alert(5)</script>)',
    ].join('\n'),
  );
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await page.getByRole('button', { name: 'Preview' }).click();
  const view = page.getByTestId('markdown-view');
  await expect(view.locator('h1')).toHaveText('The chestnut speech');
  await expect(view.locator('strong')).toHaveText('chestnuts');
  await expect(view.locator('li')).toHaveText(['for Britain', 'for France']);
  await expect(view.locator('img, script, iframe')).toHaveCount(0);
  for (const name of ['click me', 'data']) {
    const link = view.getByText(name, { exact: true });
    await expect(link).not.toHaveAttribute('href', /.+/);
    await link.click();
  }
  await expect(view).toContainText('<a href="JaVaScRiPt:alert(4)">or me</a>');
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
  expect(page.url()).toContain(new URL(host.url).origin);

  // The passage shows it has a note: a dotted underline and a marker that opens it.
  const passage = page.getByTestId('pane-text-left').locator('.anno-note');
  await expect(passage).toHaveText([quote]);
  expect(await passage.evaluate((el) => getComputedStyle(el).textDecorationStyle)).toBe('dotted');
  await page.getByRole('button', { name: 'All notes' }).click();
  await page.getByTestId('pane-text-left').getByRole('button', { name: 'Note: The chestnut speech' }).click();
  await expect(page.getByTestId('annotation-detail')).toContainText('The chestnut speech');
  const stored = await storedAnnotations(host);
  expect(stored).toHaveLength(1);
  expect(stored[0]!.body[0]!.value).toContain('<script>alert(2)</script>');
});

test('typing [[ suggests notes by title, mentions open their note, and backlinks list what points at it', async ({ page, openApp }) => {
  await openApp();
  // With nothing selected, N starts a note in the notebook.
  await page.keyboard.press('n');
  const field = page.getByTestId('note-field');
  await expect(field).toBeFocused();
  await field.fill('# Chestnut speech\n\nStalin, 10 March 1939.');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');

  await page.getByTestId('pane-scroll-right').focus();
  await selectQuote(page, 'right', 'The dilemma is clear for London.', SCENARIO);
  await page.keyboard.press('n');
  await expect(field).toBeFocused();
  await field.pressSequentially('# London reads Moscow\n\nCompare [[ches');
  const suggestions = page.getByRole('listbox', { name: 'Notes to mention' });
  await expect(suggestions.getByRole('option')).toHaveText(['Chestnut speech']);
  await page.keyboard.press('Enter');
  await expect(suggestions).toBeHidden();
  await field.pressSequentially(' with this.');
  await expect(field).toHaveValue('# London reads Moscow\n\nCompare [[Chestnut speech]] with this.');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');

  await page.getByRole('button', { name: 'Preview' }).click();
  await page.getByTestId('markdown-view').getByRole('button', { name: 'Chestnut speech' }).click();
  const detail = page.getByTestId('annotation-detail');
  await expect(detail.locator('.detail-name')).toHaveText('Chestnut speech');
  const backlink = detail.getByTestId('backlink');
  await expect(backlink).toHaveCount(1);
  await expect(backlink).toHaveAttribute('data-reason', 'mention');
  await expect(backlink).toContainText('London reads Moscow');

  // A highlight over the noted passage lists the note among its backlinks, and the note lists the highlight.
  await page.getByTestId('pane-scroll-right').focus();
  await selectQuote(page, 'right', 'clear for London', SCENARIO);
  await page.keyboard.press('1');
  await page.getByTestId('pane-text-right').locator('mark.anno').click();
  await expect(detail.locator('.detail-kind')).toHaveText('Highlight');
  await expect(detail.getByTestId('backlink')).toHaveAttribute('data-reason', 'note');
  await detail.getByTestId('backlink').getByRole('button', { name: /London reads Moscow/ }).click();
  await expect(detail.locator('.detail-name')).toHaveText('London reads Moscow');
  await expect(detail.getByTestId('backlink')).toHaveAttribute('data-reason', 'highlight');
});

test('a note over 1 MB is refused with a clear error and kept in the editor, and saves once shortened', async ({ page, host, openApp }) => {
  await openApp();
  await page.getByRole('button', { name: 'Toggle notes panel' }).click();
  await page.getByRole('button', { name: 'New note' }).click();
  const field = page.getByTestId('note-field');
  await field.fill('# Long note');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  const long = `# Long note\n\n${'word '.repeat(200_010)}`;
  await field.fill(long);
  await expect(page.getByTestId('note-error')).toContainText('over the limit of 1,000,000');
  await expect(page.getByTestId('note-error')).toContainText('kept in the editor but not saved');
  expect((await field.inputValue()).length).toBe(long.length);
  await field.blur();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  expect((await storedAnnotations(host))[0]!.body[0]!.value).toBe('# Long note');

  await field.fill('# Long note\n\nShorter now.');
  await expect(page.getByTestId('note-error')).toBeHidden();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  expect((await storedAnnotations(host))[0]!.body[0]!.value).toBe('# Long note\n\nShorter now.');
});

test('a note is attached to a second passage in the other text, and that passage shows it too', async ({ page, host, openApp }) => {
  await openApp();
  await selectQuote(page, 'left', 'Or so popular Western history goes.', ARTICLE);
  await page.keyboard.press('n');
  await page.getByTestId('note-field').fill('# Two views');
  await page.getByTestId('pane-scroll-right').focus();
  await selectQuote(page, 'right', 'Time is pressing, and Berlin is watching.', SCENARIO);
  await page.getByRole('button', { name: 'Attach selection' }).click();
  await expect(page.getByTestId('passage-item')).toHaveCount(2);
  await expect(page.getByTestId('pane-text-right').locator('.anno-note')).toHaveText(['Time is pressing, and Berlin is watching.']);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  const stored = await storedAnnotations(host);
  expect(stored).toHaveLength(1);
  expect(stored[0]!.target).toHaveLength(2);
  await page.getByRole('button', { name: /^Remove passage in London/ }).click();
  await expect(page.getByTestId('pane-text-right').locator('.anno-note')).toHaveCount(0);
});
