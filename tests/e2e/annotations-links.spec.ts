import { ARTICLE, dragSelect, LONDON, SCENARIO, selectQuote, statusMessage, storedAnnotations, watchFlash } from './annotations-support';
import { expect, test } from './support/fixtures';

const FROM = 'the Soviets’ overtures to the British and French';
const TO = 'Should London seek the Soviet alliance without reservation';

test('a passage is linked to one in the other pane, explained, and followed there', async ({ page, host, openApp }) => {
  await openApp();
  await selectQuote(page, 'left', FROM, ARTICLE);
  await page.keyboard.press('l');
  const banner = page.getByTestId('link-banner');
  await expect(banner).toContainText('Select the passage to link to · Esc to cancel');
  await expect(banner).toContainText(FROM);
  await dragSelect(page, 'right', TO, SCENARIO);
  await expect(banner).toBeHidden();
  await expect(page.getByTestId('pane-text-left').locator('.anno-link')).toHaveText([FROM]);
  await expect(page.getByTestId('pane-text-right').locator('.anno-link')).toHaveText([TO]);

  // The new link opens in the Notes panel, ready for an optional explanation.
  const field = page.getByTestId('note-field');
  await expect(field).toBeFocused();
  await field.fill('Both ask whether the West should meet Moscow **without reservation**.');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  const stored = await storedAnnotations(host);
  expect(stored).toHaveLength(1);
  expect(stored[0]!.motivation).toBe('linking');
  expect(JSON.stringify(stored[0]!.target)).toContain(FROM);
  expect(JSON.stringify(stored[0]!.target)).toContain(TO);
  expect(stored[0]!.body[0]!.value).toContain('without reservation');

  // Follow from the left passage: the right pane, scrolled away, comes back to the passage and flashes it.
  await page.getByTestId('pane-scroll-right').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await page.getByRole('button', { name: 'All notes' }).click();
  await page.getByTestId('pane-text-left').locator('.anno-link').click();
  const detail = page.getByTestId('annotation-detail');
  await expect(detail.locator('.detail-kind')).toHaveText('Link');
  const flashed = await watchFlash(page, 'right');
  await detail.getByRole('button', { name: "Follow passage in London's Dilemma, Summer 1939" }).click();
  await expect.poll(flashed).toMatchObject({ text: TO, visible: true, animation: 'anno-flash' });
  // The flash is brief.
  await expect(page.getByTestId('pane-text-right').locator('[data-flash]')).toHaveCount(0, { timeout: 5000 });
});

test('following a link opens its document in the other pane when no pane shows it, honouring reduced motion', async ({ page, openApp }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp();
  await selectQuote(page, 'left', FROM, ARTICLE);
  await page.keyboard.press('l');
  await selectQuote(page, 'right', TO, SCENARIO);
  // A keyboard selection is linked with L again.
  await page.keyboard.press('l');
  await expect(page.getByTestId('link-banner')).toBeHidden();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');

  await page.getByRole('combobox', { name: 'Document in right pane' }).selectOption({ label: 'The Soviet Overtures of 1939' });
  await expect(page.getByTestId('pane-right')).toHaveAttribute('data-ready', 'true');
  await page.getByTestId('pane-text-left').locator('.anno-link').click();
  // Clicking the linked passage shows the link, whose other passage can be followed.
  const flashed = await watchFlash(page, 'right');
  await page.getByTestId('annotation-detail').getByRole('button', { name: /^Follow passage in London/ }).click();
  await expect(page.getByTestId('pane-right')).toHaveAttribute('data-document-id', LONDON);
  // No animation when the reader asked for less motion: the passage is simply ringed for a moment.
  await expect.poll(flashed).toEqual({ text: TO, visible: true, animation: 'none', outline: 'solid' });
});

test('Esc cancels linking and nothing is created; a passage cannot be linked to itself', async ({ page, host, openApp }) => {
  await openApp();
  await selectQuote(page, 'left', FROM, ARTICLE);
  await page.getByRole('toolbar', { name: 'Annotate the selection' }).getByRole('button', { name: 'Link' }).click();
  await expect(page.getByTestId('link-banner')).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Annotate the selection' })).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('link-banner')).toBeHidden();
  await expect(statusMessage(page)).toContainText('Linking cancelled; nothing was created.');

  await selectQuote(page, 'left', FROM, ARTICLE);
  await page.keyboard.press('l');
  await selectQuote(page, 'left', 'overtures to the British', ARTICLE);
  await page.keyboard.press('l');
  await expect(statusMessage(page)).toContainText('cannot be linked to itself');
  await page.getByTestId('link-banner').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('link-banner')).toBeHidden();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  expect(await storedAnnotations(host)).toEqual([]);
});
