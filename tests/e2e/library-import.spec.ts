/**
 * The library end to end: importing every format by the picker and by
 * drag-and-drop, duplicates, locked PDFs, legacy encodings, details,
 * removal with undo and the trash, and a new version whose changed
 * passage shows up as orphaned.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { encryptedPdf, PDF_PASSWORD, severalPagesPdf } from '../support/pdf-fixtures';
import { highlight, note, passage, SOVIET } from '../fixtures/annotations/factory';
import { selectQuote, statusMessage, storedAnnotations } from './annotations-support';
import { callApi, importFile } from './support/api';
import { expect, test } from './support/fixtures';
import { repoRoot } from './support/host';

const shots = join(repoRoot, 'test-results', 'screenshots');

const MARKDOWN = '# Envoys in Moscow\n\nThe British sent a **junior** envoy, William Strang, with [no powers](https://example.org/powers).\n\n- Strang\n- Drax\n';
const HTML = '<!doctype html><title>The Drax mission</title><h1>The Drax mission</h1><p>Admiral Drax sailed on a slow <em>merchant</em> ship.</p><script>window.__pwned = true</script>';
// "Café" in windows-1252: the é is byte 0xE9, which is not UTF-8.
const LEGACY = Buffer.concat([Buffer.from('Notes from the Caf'), Buffer.from([0xe9]), Buffer.from(' de la Paix, August 1939.\n')]);

type Upload = { name: string; mimeType: string; buffer: Buffer };
const md = (name = 'envoys.md'): Upload => ({ name, mimeType: 'text/markdown', buffer: Buffer.from(MARKDOWN) });

async function pick(page: Page, files: Upload[]): Promise<void> {
  await page.getByTestId('import-input').setInputFiles(files);
}

function importItem(page: Page, name: string) {
  return page.getByTestId('import-item').filter({ hasText: name });
}

function libraryItem(page: Page, title: string) {
  return page.getByTestId('library-item').filter({ hasText: title });
}

test('the picker imports text, Markdown, HTML and PDF files at once, and a legacy file is read again in the encoding chosen', async ({ page, host, openApp, requests }) => {
  await openApp();
  const pdf = Buffer.from(await severalPagesPdf());
  await pick(page, [
    md(),
    { name: 'drax.html', mimeType: 'text/html', buffer: Buffer.from(HTML) },
    { name: 'cafe.txt', mimeType: 'text/plain', buffer: LEGACY },
    { name: 'talks.pdf', mimeType: 'application/pdf', buffer: pdf },
  ]);
  const panel = page.getByTestId('import-panel');
  await expect(panel.getByTestId('import-item')).toHaveCount(4);
  await expect(panel.locator('[data-testid="import-item"][data-status="imported"]')).toHaveCount(4, { timeout: 20_000 });
  await expect(importItem(page, 'envoys.md')).toContainText('Imported as “Envoys in Moscow”');
  await expect(importItem(page, 'drax.html')).toContainText('“The Drax mission”');
  // The legacy file says how it was read and offers another encoding.
  const cafe = importItem(page, 'cafe.txt');
  await expect(cafe).toContainText(/not UTF-8/i);
  await expect(libraryItem(page, 'Envoys in Moscow')).toContainText('Markdown');
  await expect(libraryItem(page, 'The Drax mission')).toContainText('Web page');
  await expect(page.getByTestId('library-item').filter({ hasText: 'PDF' }).last()).toBeVisible();

  await importItem(page, 'envoys.md').getByRole('button', { name: 'Open Envoys in Moscow in right pane' }).click();
  await expect(page.getByTestId('pane-right')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('pane-text-right')).toContainText('The British sent a junior envoy');
  await expect(page.getByTestId('pane-text-right')).not.toContainText('**');

  // The HTML page's script never ran and nothing left 127.0.0.1.
  await importItem(page, 'drax.html').getByRole('button', { name: 'Open The Drax mission in left pane' }).click();
  await expect(page.getByTestId('pane-text-left')).toContainText('Admiral Drax sailed');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
  expect(requests.filter((url) => !url.startsWith('http://127.0.0.1'))).toEqual([]);

  // Read the legacy file again as Western European: the document is replaced in place.
  await cafe.getByLabel('Read it as').selectOption('windows-1252');
  await cafe.getByRole('button', { name: 'Read again' }).click();
  await expect(cafe).toContainText('read as windows-1252');
  const documents = await callApi<{ id: string; title: string }[]>(host, 'listDocuments');
  const cafeDocument = documents.filter((d) => d.title === 'cafe');
  expect(cafeDocument).toHaveLength(1);
});

test('a file already in the library is offered as a duplicate: skip it, or import it anyway', async ({ page, openApp }) => {
  await openApp();
  await pick(page, [md()]);
  await expect(importItem(page, 'envoys.md')).toHaveAttribute('data-status', 'imported');
  await pick(page, [md('copy of envoys.md')]);
  const copy = importItem(page, 'copy of envoys.md');
  await expect(copy).toHaveAttribute('data-status', 'duplicate');
  await expect(copy).toContainText('Already in your library as “Envoys in Moscow”');
  await copy.getByRole('button', { name: 'Import anyway' }).click();
  await expect(copy).toHaveAttribute('data-status', 'imported');
  await expect(libraryItem(page, 'Envoys in Moscow')).toHaveCount(2);

  // Skipping leaves the library as it was.
  await pick(page, [md('again.md')]);
  await importItem(page, 'again.md').getByRole('button', { name: 'Skip' }).click();
  await expect(importItem(page, 'again.md')).toHaveAttribute('data-status', 'skipped');
  await expect(libraryItem(page, 'Envoys in Moscow')).toHaveCount(2);
});

test('files dropped on the window are imported', async ({ page, openApp }) => {
  await openApp();
  await page.evaluate((markdown) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([markdown], 'dropped.md', { type: 'text/markdown' }));
    window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true }));
  }, MARKDOWN);
  await expect(page.getByTestId('drop-overlay')).toBeVisible();
  await page.evaluate((markdown) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([markdown], 'dropped.md', { type: 'text/markdown' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, MARKDOWN);
  await expect(page.getByTestId('drop-overlay')).toBeHidden();
  await expect(importItem(page, 'dropped.md')).toHaveAttribute('data-status', 'imported');
  await expect(libraryItem(page, 'Envoys in Moscow')).toBeVisible();
});

test('a locked PDF asks for its password, says so when it is wrong, and imports with the right one', async ({ page, openApp }) => {
  await openApp();
  await pick(page, [{ name: 'locked.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await encryptedPdf()) }]);
  const item = importItem(page, 'locked.pdf');
  await expect(item).toHaveAttribute('data-status', 'password');
  await expect(item).toContainText('protected by a password');
  await item.getByLabel('Password of locked.pdf').fill('wrong');
  await item.getByRole('button', { name: 'Unlock' }).click();
  await expect(item).toContainText('not the password');
  await item.getByLabel('Password of locked.pdf').fill(PDF_PASSWORD);
  await item.getByRole('button', { name: 'Unlock' }).click();
  await expect(item).toHaveAttribute('data-status', 'imported');
});

test('unsupported files and damaged PDFs are refused with a clear message, and nothing is added', async ({ page, openApp }) => {
  await openApp();
  const before = await page.getByTestId('library-item').count();
  await pick(page, [
    { name: 'tool.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ\u0000\u0000') },
    { name: 'broken.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\nnot really a pdf') },
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
  ]);
  await expect(importItem(page, 'tool.exe')).toContainText('not a file type Diptych can import');
  await expect(importItem(page, 'broken.pdf')).toHaveAttribute('data-status', 'failed');
  await expect(importItem(page, 'broken.pdf')).toContainText(/damaged|not a PDF/i);
  await expect(importItem(page, 'empty.txt')).toContainText('empty');
  await expect(page.getByTestId('library-item')).toHaveCount(before);
});

test('details are edited and filter the library; a document is removed with undo and restored from the trash', async ({ page, openApp }) => {
  await openApp();
  await pick(page, [md()]);
  await expect(importItem(page, 'envoys.md')).toHaveAttribute('data-status', 'imported');
  const item = libraryItem(page, 'Envoys in Moscow');
  await item.getByRole('button', { name: 'More for Envoys in Moscow' }).click();
  await item.getByRole('button', { name: 'Edit details…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Document details' });
  await dialog.getByLabel('Author').fill('A. Historian');
  await dialog.getByLabel('Tags').fill('envoys, 1939, envoys');
  await dialog.getByLabel('Collections').fill('Moscow talks');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  // A collection narrows the library to its documents.
  await page.getByLabel('Collection', { exact: true }).selectOption('Moscow talks');
  await expect(page.getByTestId('library-item')).toHaveCount(1);
  await page.getByLabel('Collection', { exact: true }).selectOption('');
  await expect(page.getByTestId('library-item')).toHaveCount(4);
  await expect(item).toContainText('A. Historian');
  await expect(item.getByRole('list', { name: 'Tags' }).getByRole('listitem')).toHaveText(['envoys', '1939']);
  await page.getByLabel('Filter the library').fill('historian');
  await expect(page.getByTestId('library-item')).toHaveCount(1);
  await page.getByLabel('Filter the library').fill('');

  await item.getByRole('button', { name: 'Open Envoys in Moscow in right pane' }).click();
  await expect(page.getByTestId('pane-text-right')).toContainText('junior envoy');
  await item.getByRole('button', { name: 'More for Envoys in Moscow' }).click();
  await item.getByRole('button', { name: 'Remove…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove from the library?' });
  await expect(confirm).toContainText('moves to the trash');
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(libraryItem(page, 'Envoys in Moscow')).toHaveCount(0);
  // The pane that showed it is closed, not left pointing at a removed document.
  await expect(page.getByTestId('pane-text-right')).toHaveCount(0);
  const toast = page.getByTestId('removal-toast');
  await expect(toast).toContainText('Moved “Envoys in Moscow” to the trash');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(libraryItem(page, 'Envoys in Moscow')).toHaveCount(1);

  await libraryItem(page, 'Envoys in Moscow').getByRole('button', { name: 'More for Envoys in Moscow' }).click();
  await libraryItem(page, 'Envoys in Moscow').getByRole('button', { name: 'Remove…' }).click();
  await page.getByRole('dialog', { name: 'Remove from the library?' }).getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('button', { name: 'Trash' }).click();
  const trash = page.getByTestId('trash-item');
  await expect(trash).toHaveCount(1);
  await trash.getByRole('button', { name: 'Restore Envoys in Moscow' }).click();
  await expect(libraryItem(page, 'Envoys in Moscow')).toHaveCount(1);
  await expect(page.getByTestId('trash-item')).toHaveCount(0);
});

test('emptying the trash deletes a document for good and keeps a note that also points elsewhere, naming the passage that went', async ({ page, host, openApp }) => {
  const imported = await importFile(host, 'envoys.md', MARKDOWN);
  if (imported.status !== 'imported') throw new Error('envoys.md was not imported');
  const { id } = imported.document;
  const { text } = await callApi<{ text: string }>(host, 'getDocumentText', { id });
  const at = text.indexOf('junior envoy');
  const kept = note('Who was sent?', [passage(id, at, at + 12, 'junior envoy'), passage(SOVIET, 0, 5, 'Share')]);
  await callApi(host, 'putAnnotation', { annotation: kept });
  await callApi(host, 'putAnnotation', { annotation: highlight(passage(id, at, at + 12, 'junior envoy')) });
  await callApi(host, 'removeDocument', { id });

  await openApp();
  await page.getByRole('button', { name: 'Trash' }).click();
  await expect(page.getByTestId('trash-item')).toHaveCount(1);
  await page.getByRole('button', { name: 'Empty the trash…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Empty the trash?' });
  await expect(confirm).toContainText('“Envoys in Moscow” will be deleted for good');
  await expect(confirm).toContainText('cannot be undone');
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: join(shots, 'empty-trash-light.png') });
  await confirm.getByRole('button', { name: 'Delete for good' }).click();
  await expect(statusMessage(page)).toContainText('Deleted one document for good. One note or link was kept without the passages there.');
  await expect(page.getByTestId('trash-item')).toHaveCount(0);
  await expect(page.getByText('The trash is empty.')).toBeVisible();

  const annotations = await storedAnnotations(host);
  expect(annotations.map((a) => a.id)).toEqual([kept.id]);
  expect(annotations[0]!.body[0]!.value).toBe('Who was sent?\n\nWas also on a passage of a document deleted from the library:\n- “junior envoy” in “Envoys in Moscow”');
  await expect(callApi(host, 'getDocumentText', { id })).rejects.toThrow(/no document/);
});

test('a new version of a document keeps its highlights where the text is unchanged and lists the others as orphaned', async ({ page, host, openApp }) => {
  await openApp();
  const first = 'The envoy arrived in Moscow on 11 August.\n\nThe talks stalled over Poland and the right of passage.\n';
  await pick(page, [{ name: 'memo.txt', mimeType: 'text/plain', buffer: Buffer.from(first) }]);
  await expect(importItem(page, 'memo.txt')).toHaveAttribute('data-status', 'imported');
  await importItem(page, 'memo.txt').getByRole('button', { name: 'Open memo in left pane' }).click();
  await expect(page.getByTestId('pane-text-left')).toContainText('The envoy arrived');
  await selectQuote(page, 'left', 'arrived in Moscow', first);
  await page.keyboard.press('1');
  await selectQuote(page, 'left', 'the right of passage', first);
  await page.keyboard.press('2');
  await expect(page.getByTestId('pane-text-left').locator('mark.anno')).toHaveCount(2);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  expect(await storedAnnotations(host)).toHaveLength(2);

  const second = 'The envoy arrived in Moscow on 11 August.\n\nThe talks went on for another week.\n';
  const item = libraryItem(page, 'memo');
  await item.getByRole('button', { name: 'More for memo' }).click();
  const chooser = page.waitForEvent('filechooser');
  await item.getByRole('button', { name: 'New version…' }).click();
  await (await chooser).setFiles({ name: 'memo.txt', mimeType: 'text/plain', buffer: Buffer.from(second) });
  await expect(page.getByTestId('pane-text-left')).toContainText('another week');
  await expect(page.getByTestId('pane-text-left').locator('mark.anno')).toHaveText(['arrived in Moscow']);
  await page.getByRole('button', { name: 'Toggle notes panel' }).click();
  await page.getByRole('tab', { name: 'Annotations' }).click();
  await expect(page.getByTestId('orphan-item')).toHaveCount(1);
  await expect(page.getByTestId('orphan-item')).toContainText('the right of passage');
});

for (const theme of ['light', 'dark'] as const) {
  test(`the library with imports, details and a duplicate, in the ${theme} theme: a screenshot and no serious accessibility violations`, async ({ page, openApp }) => {
    await openApp();
    if (theme === 'dark') {
      await page.getByRole('button', { name: 'Reading settings' }).click();
      await page.getByRole('dialog').getByLabel('Dark').check();
      await page.keyboard.press('Escape');
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    }
    await pick(page, [md(), { name: 'cafe.txt', mimeType: 'text/plain', buffer: LEGACY }]);
    await expect(page.locator('[data-testid="import-item"][data-status="imported"]')).toHaveCount(2);
    await pick(page, [md('copy of envoys.md')]);
    await expect(importItem(page, 'copy of envoys.md')).toHaveAttribute('data-status', 'duplicate');
    const item = libraryItem(page, 'Envoys in Moscow');
    await item.getByRole('button', { name: 'More for Envoys in Moscow' }).click();
    await item.getByRole('button', { name: 'Edit details…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Document details' });
    await dialog.getByLabel('Author').fill('A. Historian');
    await dialog.getByLabel('Tags').fill('envoys, 1939');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await item.getByRole('button', { name: 'More for Envoys in Moscow' }).click();
    await mkdir(shots, { recursive: true });
    await page.screenshot({ path: join(shots, `library-import-${theme}.png`) });
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
  });
}
