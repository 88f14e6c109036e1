import { ARTICLE, SCENARIO, selectQuote, statusMessage, watchFlash } from './annotations-support';
import { expect, test } from './support/fixtures';

test('the Annotations tab filters by colour, tag, document and words, and a click scrolls the pane to the passage', async ({ page, openApp }) => {
  await openApp();
  const late = 'Germany was able to offer the one thing Stalin desperately wanted: time.';
  await selectQuote(page, 'left', 'Or so popular Western history goes.', ARTICLE);
  await page.keyboard.press('1');
  await selectQuote(page, 'left', late, ARTICLE);
  await page.keyboard.press('4');
  await selectQuote(page, 'right', 'Time is pressing, and Berlin is watching.', SCENARIO);
  await page.keyboard.press('4');
  await page.getByTestId('pane-text-right').locator('mark.anno').click();
  await page.getByTestId('annotation-detail').getByLabel('Add a tag').fill('pressure');
  await page.getByTestId('annotation-detail').getByLabel('Add a tag').press('Enter');
  await expect(page.getByTestId('tag-chip')).toHaveText(['pressure']);

  await page.getByRole('tab', { name: 'Annotations' }).click();
  const rows = page.getByTestId('annotation-row');
  await expect(rows).toHaveCount(3);
  await page.getByLabel('Colour', { exact: true }).selectOption('pink');
  await expect(rows).toHaveCount(2);
  await page.getByLabel('Tag', { exact: true }).selectOption('pressure');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('Time is pressing');
  await page.getByLabel('Tag', { exact: true }).selectOption('');
  await page.getByLabel('Document', { exact: true }).selectOption({ label: 'The Soviet Overtures of 1939' });
  await expect(rows).toHaveCount(1);
  await page.getByLabel('Colour', { exact: true }).selectOption('');
  await page.getByLabel('Words', { exact: true }).fill('popular western');
  await expect(rows).toHaveCount(1);
  await page.getByLabel('Words', { exact: true }).fill('');
  await expect(rows).toHaveCount(2);

  // The late passage is scrolled out of view, then a click on its row brings it back and flashes it.
  await page.getByTestId('pane-scroll-left').evaluate((el) => el.scrollTo(0, 0));
  const flashed = await watchFlash(page, 'left');
  await rows.filter({ hasText: 'desperately' }).getByRole('button').first().click();
  await expect.poll(flashed).toMatchObject({ text: late, visible: true });
});

test('Ctrl+Z in a note undoes typing there, not an annotation change; outside it, it undoes the change', async ({ page, openApp }) => {
  await openApp();
  await selectQuote(page, 'left', 'Or so popular Western history goes.', ARTICLE);
  await page.keyboard.press('2');
  await expect(statusMessage(page)).toContainText('Highlighted in green.');
  // With nothing selected, N makes a notebook note; typing in it and pressing Ctrl+Z stays in the field.
  await page.keyboard.press('n');
  const field = page.getByTestId('note-field');
  await expect(field).toBeFocused();
  await field.pressSequentially('Draft');
  await page.keyboard.press('Control+z');
  // The field's own undo took back typing; the highlight is untouched.
  await expect(field).not.toHaveValue('Draft');
  await expect(page.getByTestId('pane-text-left').locator('mark.anno[data-colour="green"]')).toHaveCount(1);
  await field.blur();
  // Outside the field, undo goes back through the annotation changes: the note's text, the note, the highlight.
  await page.keyboard.press('Control+z');
  await expect(statusMessage(page)).toContainText('Undone: edit note');
  await page.keyboard.press('Control+z');
  await expect(statusMessage(page)).toContainText('Undone: new note');
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('pane-text-left').locator('mark.anno')).toHaveCount(0);
});
