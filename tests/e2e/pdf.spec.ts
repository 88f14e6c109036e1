import { writeFileSync, readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import { ARTICLE, LONDON, SCENARIO, selectQuote, SOVIET, statusMessage, storedAnnotations } from './annotations-support';
import { CHRONOLOGY, clickMark, importPdf, linkedPdf, LINK_LINES, pdfText, selectPdfOffsets, selectPdfQuote, showInPane, showPage, WEB_LINK } from './pdf-support';
import { expect, test } from './support/fixtures';
import { repoRoot, startHostProcess } from './support/host';
import { encryptedPdf, PDF_PASSWORD, SEVERAL_PAGES, severalPagesPdf } from '../support/pdf-fixtures';

const PDF_QUOTE = 'Stalin dismisses Maxim Litvinov';
const NOTE_QUOTE = 'a corridor through Poland';
const TEXT_QUOTE = 'the Soviets’ overtures to the British and French';

type StoredTarget = { source: string; selector: Array<{ type: string; value?: string; start?: number; end?: number }>; 'diptych:rects'?: Array<{ page: number }> };

test('the bundled chronology opens in a pane: crisp pages with their text, zoom, pages by number, and only a few canvases', async ({ page, host, openApp }) => {
  // pdf.js, its worker and its font files all run under the app's CSP, unchanged: nothing may be refused.
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
  });
  page.on('pageerror', (error) => refused.push(error.message));
  await showInPane(host, 'right', CHRONOLOGY);
  const doc = await pdfText(host, CHRONOLOGY);
  await openApp();
  const view = page.getByTestId('pdf-view-right');
  await expect(page.getByTestId('pdf-page-count-right')).toHaveText('of 7');
  const first = page.locator('[data-testid="pane-text-right"] .pdf-page[data-page-number="1"]');
  await expect(first).toHaveAttribute('data-text-ready', 'true');
  // The text layer spells exactly the text the library extracted, so offsets agree.
  await expect(page.locator('[data-text-mismatch]')).toHaveCount(0);
  const spelled = await first.evaluate((el) => [...el.querySelectorAll('[data-offset]')].map((s) => s.textContent).join(''));
  expect(doc.text.slice(doc.pages[0]!.start, doc.pages[0]!.end).replace(/\n/g, '')).toBe(spelled);
  // HiDPI: the canvas has the screen's pixels, not the CSS box's.
  const canvas = await first.locator('canvas').evaluate((c: HTMLCanvasElement) => ({ pixels: c.width, css: c.getBoundingClientRect().width, ratio: window.devicePixelRatio }));
  expect(Math.abs(canvas.pixels - canvas.css * canvas.ratio)).toBeLessThan(2);

  // Zoom: the buttons, the keys of the focused pane, and the list.
  const zoomOf = async () => Number(await view.getAttribute('data-zoom'));
  const fitted = await zoomOf();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(zoomOf).toBeGreaterThan(fitted);
  await page.getByTestId('pane-scroll-right').focus();
  await page.keyboard.press('Control+=');
  const zoomed = await zoomOf();
  expect(zoomed).toBeGreaterThan(fitted + 5);
  await expect.poll(() => first.locator('canvas').evaluate((c: HTMLCanvasElement) => Math.round(c.getBoundingClientRect().width))).toBeGreaterThan(500);
  await page.keyboard.press('Control+-');
  await expect.poll(zoomOf).toBeLessThan(zoomed);
  await page.keyboard.press('Control+0');
  await expect.poll(zoomOf).toBe(fitted);
  await page.getByTestId('pdf-zoom-right').selectOption('fit-page');
  await expect.poll(zoomOf).toBeLessThan(fitted);
  const pageBox = await first.boundingBox();
  const scrollBox = await page.getByTestId('pane-scroll-right').boundingBox();
  expect(pageBox!.height).toBeLessThanOrEqual(scrollBox!.height);
  await page.getByTestId('pdf-zoom-right').selectOption('1.5');
  await expect.poll(zoomOf).toBe(150);
  await page.getByTestId('pdf-zoom-right').selectOption('fit-width');

  // Going to a page by its number, and page by page.
  const input = page.getByTestId('pdf-page-input-right');
  await input.fill('5');
  await input.press('Enter');
  await expect(view).toHaveAttribute('data-current-page', '5');
  await expect(page.locator('.pdf-page[data-page-number="5"]')).toHaveAttribute('data-text-ready', 'true');
  await expect(input).toHaveValue('5');
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(input).toHaveValue('6');
  await page.getByRole('button', { name: 'Previous page' }).click();
  await page.getByRole('button', { name: 'Previous page' }).click();
  await expect(input).toHaveValue('4');
  expect(await page.locator('[data-testid="pdf-canvas"]').count()).toBeLessThanOrEqual(6);
  // The header's position follows the PDF too.
  await expect(page.getByRole('spinbutton', { name: 'Position in right pane, percent' })).not.toHaveValue('0');
  expect(refused).toEqual([]);
});

test('the outline goes to a section, and Ctrl+F finds in the PDF with a count and next and previous', async ({ page, host, openApp }) => {
  await showInPane(host, 'right', CHRONOLOGY);
  await openApp();
  await page.getByTestId('pdf-outline-toggle-right').click();
  const outline = page.getByTestId('pdf-outline');
  await expect(outline.getByRole('button', { name: 'May 1939' })).toBeVisible();
  await outline.getByRole('button', { name: 'May 1939' }).click();
  const doc = await pdfText(host, CHRONOLOGY);
  const mayPage = doc.pages.find((p) => doc.text.slice(p.start, p.end).includes('May 1939\n'))!.pageNumber;
  await expect(page.getByTestId('pdf-view-right')).toHaveAttribute('data-current-page', String(mayPage));
  await page.getByTestId('pdf-outline-toggle-right').click();
  await expect(outline).toBeHidden();

  await page.getByTestId('pane-scroll-right').focus();
  await page.keyboard.press('Control+f');
  const field = page.getByTestId('find-input-right');
  await expect(field).toBeFocused();
  await field.fill('Molotov');
  const count = page.getByTestId('find-count-right');
  const total = (doc.text.match(/Molotov/g) ?? []).length;
  await expect(count).toHaveText(new RegExp(`^\\d+ of ${total}$`));
  const current = page.locator('[data-testid="pane-text-right"] .pdf-mark-find-current');
  await expect(current).toHaveCount(1);
  await expect(current).toBeInViewport();
  const before = await count.textContent();
  await field.press('Enter');
  await expect(count).not.toHaveText(before!);
  await expect(current).toBeInViewport();
  await page.getByRole('button', { name: 'Previous match' }).click();
  await expect(count).toHaveText(before!);
  await field.press('Escape');
  await expect(page.getByTestId('find-bar-right')).toBeHidden();
  await expect(page.locator('.pdf-mark-find, .pdf-mark-find-current')).toHaveCount(0);
});

test('highlight, note and link on PDF text: one W3C passage with its page, linked to a source text and followed both ways', async ({ page, host, openApp }) => {
  await showInPane(host, 'right', CHRONOLOGY);
  const doc = await pdfText(host, CHRONOLOGY);
  await openApp();

  // A highlight, with the toolbar.
  const highlighted = await selectPdfQuote(page, 'right', PDF_QUOTE, doc);
  await page.getByRole('toolbar', { name: 'Annotate the selection' }).getByRole('button', { name: 'Highlight pink' }).click();
  await expect(statusMessage(page)).toContainText('Highlighted in pink');
  const mark = page.locator('[data-testid="pane-text-right"] .pdf-mark-highlight[data-colour="pink"]');
  await expect(mark).toHaveCount(1);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  let stored = await storedAnnotations(host);
  expect(stored).toHaveLength(1);
  const target = stored[0]!.target[0] as StoredTarget;
  const pageNumber = doc.pages.find((p) => p.start <= highlighted.start && highlighted.start < p.end)!.pageNumber;
  expect(target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector', 'FragmentSelector']);
  expect(target.selector[1]).toMatchObject({ start: highlighted.start, end: highlighted.end });
  expect(target.selector[2]).toEqual({ type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: `page=${pageNumber}` });
  expect(target['diptych:rects']!.length).toBeGreaterThan(0);
  expect(target['diptych:rects']!.every((r) => r.page === pageNumber)).toBe(true);

  // Clicking the highlight opens it; undo and redo work on PDF passages too.
  await clickMark(page, 'right', '.pdf-mark-highlight');
  await expect(page.getByTestId('annotation-detail')).toContainText(PDF_QUOTE);
  await page.getByTestId('pane-scroll-right').focus();
  await page.keyboard.press('Control+z');
  await expect(mark).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(mark).toHaveCount(1);

  // A note, with the N key.
  await selectPdfQuote(page, 'right', NOTE_QUOTE, doc);
  await page.keyboard.press('n');
  const field = page.getByTestId('note-field');
  await expect(field).toBeFocused();
  await field.fill('# The corridor\n\nThe question the British drafts never answered.');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await expect(page.locator('[data-testid="pane-text-right"] .pdf-mark-note')).not.toHaveCount(0);
  await expect(page.getByTestId('pane-text-right').getByRole('button', { name: 'Note: The corridor' })).toBeVisible();

  // A link from the source text on the left to the highlighted PDF passage (the keyboard leaves the note first).
  await page.getByTestId('pane-scroll-left').focus();
  await selectQuote(page, 'left', TEXT_QUOTE, ARTICLE);
  await page.keyboard.press('l');
  await expect(page.getByTestId('link-banner')).toBeVisible();
  await selectPdfQuote(page, 'right', PDF_QUOTE, doc);
  await page.keyboard.press('l');
  await expect(page.getByTestId('link-banner')).toBeHidden();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  stored = await storedAnnotations(host);
  const link = stored.find((a) => a.motivation === 'linking')!;
  expect((link.target as StoredTarget[]).map((t) => t.source)).toEqual([`urn:diptych:document:${SOVIET}`, `urn:diptych:document:${CHRONOLOGY}`]);
  expect((link.target[0] as StoredTarget).selector).toHaveLength(2);
  expect((link.target[1] as StoredTarget).selector).toHaveLength(3);

  // Follow from the text: the PDF, scrolled away, comes back to the passage and flashes it.
  await page.getByTestId('pane-scroll-right').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await page.getByRole('button', { name: 'All notes' }).click();
  await page.getByTestId('pane-text-left').locator('.anno-link').click();
  const detail = page.getByTestId('annotation-detail');
  await expect(detail.locator('.detail-kind')).toHaveText('Link');
  await detail.getByRole('button', { name: /^Follow passage in A chronology/ }).click();
  const flash = page.locator('[data-testid="pane-text-right"] .pdf-mark-flash');
  await expect(flash.first()).toBeVisible();
  await expect(flash.first()).toBeInViewport();
  await expect(flash).toHaveCount(0, { timeout: 5000 });

  // Follow from the PDF: the text on the left comes to its passage.
  await page.getByTestId('pane-scroll-left').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await page.getByRole('button', { name: 'All notes' }).click();
  await page.getByTestId('pane-text-right').getByRole('button', { name: /^Link to 1 other passage/ }).click();
  await expect(detail.locator('.detail-kind')).toHaveText('Link');
  await detail.getByRole('button', { name: /^Follow passage in The Soviet Overtures/ }).click();
  const textFlash = page.getByTestId('pane-text-left').locator('[data-flash]');
  await expect(textFlash.first()).toBeInViewport();
  await expect(textFlash).toHaveText([TEXT_QUOTE]);
});

test('a selection across a page break makes one highlight, drawn on both pages', async ({ page, host, openApp }) => {
  await showInPane(host, 'right', CHRONOLOGY);
  const doc = await pdfText(host, CHRONOLOGY);
  await openApp();
  const [one, two] = doc.pages;
  await showPage(page, 'right', 2);
  await page.locator('.pdf-page[data-page-number="1"][data-text-ready="true"]').waitFor();
  await selectPdfOffsets(page, 'right', one!.end - 30, two!.start + 20);
  await page.keyboard.press('4');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  const stored = await storedAnnotations(host);
  expect(stored).toHaveLength(1);
  const target = stored[0]!.target[0] as StoredTarget;
  expect(target.selector[1]).toMatchObject({ start: one!.end - 30, end: two!.start + 20 });
  expect(target.selector[2]!.value).toBe('page=1');
  expect(new Set(target['diptych:rects']!.map((r) => r.page))).toEqual(new Set([1, 2]));
  for (const n of [1, 2]) await expect(page.locator(`.pdf-page[data-page-number="${n}"] .pdf-mark-highlight[data-colour="pink"]`)).not.toHaveCount(0);
});

test('highlights, notes, links and the reading position are all in place after the host restarts', async ({ page, host, openApp }) => {
  await showInPane(host, 'right', CHRONOLOGY);
  const doc = await pdfText(host, CHRONOLOGY);
  await openApp();
  await selectPdfQuote(page, 'right', PDF_QUOTE, doc);
  await page.keyboard.press('1');
  await selectPdfQuote(page, 'right', NOTE_QUOTE, doc);
  await page.keyboard.press('n');
  await page.getByTestId('note-field').fill('# The corridor');
  await page.getByTestId('pane-scroll-left').focus();
  await selectQuote(page, 'left', TEXT_QUOTE, ARTICLE);
  await page.keyboard.press('l');
  await selectPdfQuote(page, 'right', PDF_QUOTE, doc);
  await page.keyboard.press('l');
  await expect(page.getByTestId('link-banner')).toBeHidden();
  // The new link opens in the Notes panel, its field taking the keyboard.
  await expect(page.getByTestId('note-field')).toBeFocused();
  await showPage(page, 'right', 4);
  await expect(page.getByTestId('pdf-view-right')).toHaveAttribute('data-current-page', '4');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  const before = await storedAnnotations(host);
  expect(before).toHaveLength(3);

  expect(await host.stop()).toBe(0);
  const again = await startHostProcess(host.dataDir);
  try {
    await page.goto(again.url);
    await expect(page.getByTestId('pane-right')).toHaveAttribute('data-ready', 'true');
    await expect(page.getByTestId('pdf-view-right')).toHaveAttribute('data-current-page', '4');
    const after = await storedAnnotations(again);
    expect(after).toEqual(before);
    const highlightPage = doc.pages.find((p) => p.start <= doc.text.indexOf(PDF_QUOTE) && doc.text.indexOf(PDF_QUOTE) < p.end)!.pageNumber;
    await showPage(page, 'right', highlightPage);
    await expect(page.locator('[data-testid="pane-text-right"] .pdf-mark-highlight[data-colour="yellow"]')).toHaveCount(1);
    await expect(page.locator('[data-testid="pane-text-right"] .pdf-mark-link')).not.toHaveCount(0);
    await expect(page.getByTestId('pane-text-right').getByRole('button', { name: 'Note: The corridor' })).toBeAttached();
    await expect(page.getByTestId('pane-text-left').locator('.anno-link')).toHaveText([TEXT_QUOTE]);
  } finally {
    await again.stop();
  }
});

test('a password-protected PDF asks for its password in the pane and says so when it is wrong', async ({ page, host }) => {
  const id = await importPdf(host, 'locked talks.pdf', await encryptedPdf(), { password: PDF_PASSWORD });
  await showInPane(host, 'right', id);
  await page.goto(host.url);
  const prompt = page.getByTestId('pdf-password');
  await expect(prompt).toContainText('is protected by a password');
  const field = page.getByTestId('pdf-password-input');
  await field.fill('not the password');
  await prompt.getByRole('button', { name: 'Open' }).click();
  await expect(prompt.getByRole('alert')).toHaveText(/That password does not open this PDF/);
  await expect(page.getByTestId('pdf-password-input')).toBeFocused();
  await page.getByTestId('pdf-password-input').fill(PDF_PASSWORD);
  await page.getByTestId('pdf-password-input').press('Enter');
  await expect(page.locator('[data-testid="pane-text-right"] .pdf-page[data-page-number="1"]')).toHaveAttribute('data-text-ready', 'true');
  await expect(page.getByTestId('pane-text-right')).toContainText(SEVERAL_PAGES[0]![1]!);
  await expect(page.locator('[data-text-mismatch]')).toHaveCount(0);
});

test('a damaged PDF file gives a clear message in its pane, and the other pane keeps working', async ({ page, host, openApp }) => {
  const id = await importPdf(host, 'talks.pdf', await severalPagesPdf());
  // The file kept in the data folder gets damaged behind Diptych's back (a disk error, a bad sync).
  const files = readdirSync(join(host.dataDir, 'files')).filter((name) => name.endsWith('.original.pdf'));
  expect(files).toHaveLength(1);
  writeFileSync(join(host.dataDir, 'files', files[0]!), '%PDF-1.7\nthis is not the rest of a PDF\n');
  await showInPane(host, 'right', id);
  await openApp();
  const alert = page.getByTestId('pane-right').getByRole('alert');
  await expect(alert).toContainText('This file is damaged or is not a PDF');
  await expect(alert).toContainText('Nothing was changed');
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
  await selectQuote(page, 'left', TEXT_QUOTE, ARTICLE);
  await page.keyboard.press('2');
  await expect(page.getByTestId('pane-text-left').locator('mark[data-colour="green"]')).toHaveText([TEXT_QUOTE]);
});

test('links inside a PDF never navigate the window: a web link asks first, an internal one scrolls', async ({ page, context, host, openApp }) => {
  const id = await importPdf(host, 'linked.pdf', await linkedPdf());
  await showInPane(host, 'right', id);
  await openApp();
  const links = page.locator('[data-testid="pane-text-right"] [data-testid="pdf-link"]');
  await expect(links).toHaveCount(2);
  await expect(page.getByTestId('pane-text-right')).toContainText(LINK_LINES[1]);

  await page.getByRole('button', { name: `Link to ${WEB_LINK}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Open link?' });
  await expect(dialog).toContainText(WEB_LINK);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(context.pages()).toHaveLength(1);
  expect(page.url()).toBe(host.url);

  // The web is out of reach here: the browser tab that opens gets a stand-in page.
  await context.route('https://archive.example.org/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Archive</title>' }));
  await page.getByRole('button', { name: `Link to ${WEB_LINK}` }).click();
  const opened = context.waitForEvent('page');
  await page.getByRole('dialog', { name: 'Open link?' }).getByRole('button', { name: 'Open in browser' }).click();
  const tab = await opened;
  await expect.poll(() => tab.url()).toContain('archive.example.org');
  await tab.close();
  expect(page.url()).toBe(host.url);

  await page.getByRole('button', { name: 'Link to another place in this PDF' }).click();
  await expect(page.getByTestId('pdf-view-right')).toHaveAttribute('data-current-page', '3');
  expect(page.url()).toBe(host.url);
});

for (const theme of ['light', 'dark'] as const) {
  test(`a PDF beside a text, with a highlight, a note and a link, in the ${theme} theme: a screenshot and no serious accessibility violations`, async ({ page, host, openApp }) => {
    const doc = await pdfText(host, CHRONOLOGY);
    await showInPane(host, 'right', CHRONOLOGY);
    await showInPane(host, 'left', LONDON);
    await openApp();
    await page.getByRole('button', { name: 'Toggle library' }).click();
    if (theme === 'dark') {
      await page.getByRole('button', { name: 'Reading settings' }).click();
      await page.getByRole('dialog').getByLabel('Dark').check();
      await page.keyboard.press('Escape');
    }
    await selectPdfQuote(page, 'right', 'The British think the Red Army, weakened by the purges, too feeble to stand up to Germany.', doc);
    await page.keyboard.press('1');
    await selectQuote(page, 'left', 'Should London seek the Soviet alliance without reservation', SCENARIO);
    await page.keyboard.press('l');
    await selectPdfQuote(page, 'right', 'Britain could pursue the alliance without reservation', doc);
    await page.keyboard.press('l');
    await expect(page.getByTestId('note-field')).toBeFocused();
    await page.getByTestId('note-field').fill('The chronology names the **options** the scenario asks about.');
    await page.getByTestId('pane-scroll-right').focus();
    await selectPdfQuote(page, 'right', 'a corridor through Poland', doc);
    await page.keyboard.press('n');
    await page.getByTestId('note-field').fill('# The corridor\n\nThe question the British drafts **never answered**: passage for Soviet troops.');
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
    await page.getByTestId('pane-text-left').locator('.anno-link').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await showPage(page, 'right', 5);
    await page.getByTestId('pane-scroll-right').evaluate((el) => el.scrollBy(0, 40));
    // The picture shows the reading, not the focus ring the keyboard left on the pages.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(400);
    await mkdir(join(repoRoot, 'test-results', 'screenshots'), { recursive: true });
    await page.screenshot({ path: join(repoRoot, 'test-results', 'screenshots', `pdf-${theme}.png`) });
    const results = await new AxeBuilder({ page }).include('[data-testid="pane-right"]').analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
  });
}

test('PDF text is selected and highlighted with the keyboard alone', async ({ page, host, openApp }) => {
  await showInPane(host, 'right', CHRONOLOGY);
  const doc = await pdfText(host, CHRONOLOGY);
  await openApp();
  await expect(page.locator('[data-testid="pane-text-right"] .pdf-page[data-page-number="1"]')).toHaveAttribute('data-text-ready', 'true');
  await page.getByTestId('pane-scroll-right').focus();
  for (let i = 0; i < 2; i++) await page.keyboard.press('Shift+Control+ArrowRight');
  const selected = await page.evaluate(() => document.getSelection()!.toString());
  expect(selected.trim().length).toBeGreaterThan(3);
  expect(doc.text.replace(/\s+/g, ' ')).toContain(selected.trim().replace(/\s+/g, ' '));
  await page.keyboard.press('4');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  const stored = await storedAnnotations(host);
  expect(stored.map((a) => a['diptych:colour'])).toEqual(['pink']);
  expect(JSON.stringify(stored[0]!.target)).toContain(selected.trim().split(/\s+/)[0]!);
});
