/**
 * Every issue's bad-input list, gathered in one suite (issue 7): each case
 * gets a clear, specific message, nothing the reader made is lost, and no
 * script from any content ever runs. Runs against the real host in a temp
 * folder, in Chromium, like the rest of the end-to-end tests.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { damagedPdfs, encryptedPdf, javascriptPdf } from '../support/pdf-fixtures';
import { ARTICLE, selectOffsets, selectQuote, statusMessage, storedAnnotations } from './annotations-support';
import { callApi } from './support/api';
import { expect, test } from './support/fixtures';
import { newDataDir, startHostProcess } from './support/host';

type Upload = { name: string; mimeType: string; buffer: Buffer };

/** Script payloads for every place a reader's or a file's words end up on screen. */
const PAYLOADS = [
  '<img src=x onerror="window.__ran=(window.__ran||0)+1">',
  '<script>window.__ran=(window.__ran||0)+1</script>',
  '"><svg onload="window.__ran=(window.__ran||0)+1">',
  'javascript:window.__ran=1',
];

async function pick(page: Page, files: Upload[]): Promise<void> {
  await page.getByTestId('import-input').setInputFiles(files);
}

const item = (page: Page, name: string) => page.getByTestId('import-item').filter({ hasText: name });

/** Fails the test on any dialog (alert, confirm, prompt) a payload might open. */
function refuseDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on('dialog', (dialog) => {
    seen.push(dialog.message());
    void dialog.dismiss();
  });
  return seen;
}

async function nothingRan(page: Page, dialogs: string[], requests: string[]): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __ran?: number }).__ran)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(requests.filter((url) => !url.startsWith('http://127.0.0.1'))).toEqual([]);
}

test.describe('foundation (issue 2)', () => {
  test('an unknown document id and a malformed API call get specific errors; the host keeps answering', async ({ host }) => {
    await expect(callApi(host, 'getDocumentText', { id: 'no-such-document' })).rejects.toThrow(/There is no document "no-such-document"/);
    const response = await fetch(`${host.origin}/api/getDocumentText`, { method: 'POST', headers: { 'X-Diptych-Token': host.token, 'Content-Type': 'application/json' }, body: '{"id":' });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toBe('The request body is not valid JSON.');
    expect((await callApi<unknown[]>(host, 'listDocuments')).length).toBeGreaterThan(0);
  });

  test('a data folder that cannot be used, and a port in use, stop the host with a message and exit 1', async ({ host }) => {
    const dataDir = await newDataDir();
    const blocker = join(dataDir, 'in-the-way');
    writeFileSync(blocker, 'x');
    await expect(startHostProcess(blocker)).rejects.toThrow(/exited with 1[\s\S]*a file of that name is in the way/);
    const port = new URL(host.url).port;
    await expect(startHostProcess(await newDataDir(), ['--port', port])).rejects.toThrow(/exited with 1[\s\S]*already in use/);
  });

  test('a corrupt database is moved aside, the reader is told where, and the app still opens', async ({ page }) => {
    const dataDir = await newDataDir();
    writeFileSync(join(dataDir, 'diptych.json'), '{ this is not json');
    const host = await startHostProcess(dataDir);
    try {
      await page.goto(host.url);
      await expect(page.getByRole('alert').or(page.getByRole('status')).filter({ hasText: 'diptych.json.corrupt-' }).first()).toBeVisible();
      await expect(page.getByTestId('pane-left')).toHaveAttribute('data-ready', 'true');
    } finally {
      await host.stop();
    }
  });
});

test.describe('annotations (issue 3)', () => {
  test('blank selections are refused with a message; nothing is created', async ({ page, host, openApp }) => {
    await openApp();
    const blank = ARTICLE.indexOf('\n\n');
    await selectOffsets(page, 'left', blank, blank + 2);
    await page.keyboard.press('1');
    await expect(statusMessage(page)).toContainText('only spaces or line breaks');
    expect(await storedAnnotations(host)).toEqual([]);
  });

  test('an unknown annotation id and malformed imports are refused, all or nothing', async ({ host }) => {
    await expect(callApi(host, 'deleteAnnotation', { id: 'urn:uuid:00000000-0000-4000-8000-000000000000' })).rejects.toThrow(/no annotation/i);
    await expect(callApi(host, 'importAnnotations', { content: 'not json at all', fileName: 'x.jsonld' })).rejects.toThrow(/not JSON|JSON/);
    await expect(callApi(host, 'importAnnotations', { content: '{"type":"Nothing"}', fileName: 'x.jsonld' })).rejects.toThrow(/./);
    const unknownDocument = JSON.stringify([
      {
        id: 'urn:uuid:00000000-0000-4000-8000-000000000009',
        type: 'Annotation',
        motivation: 'highlighting',
        'diptych:colour': 'yellow',
        created: '2026-01-01T00:00:00.000Z',
        modified: '2026-01-01T00:00:00.000Z',
        body: [],
        target: [{ type: 'SpecificResource', source: 'urn:diptych:document:nowhere', selector: [{ type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' }, { type: 'TextPositionSelector', start: 0, end: 1 }] }],
      },
    ]);
    await expect(callApi(host, 'importAnnotations', { content: unknownDocument, fileName: 'x.jsonld' })).rejects.toThrow(/nowhere/);
    expect(await storedAnnotations(host)).toEqual([]);
  });

  test('a note over 1 MB is refused and kept in the editor', async ({ page, openApp }) => {
    await openApp();
    await selectQuote(page, 'left', 'That mutual agreement', ARTICLE);
    await page.keyboard.press('n');
    const editor = page.getByRole('textbox', { name: /note/i }).first();
    await editor.fill('x'.repeat(1024 * 1024 + 10));
    await expect(page.getByText(/1 MB/).first()).toBeVisible();
  });
});

test.describe('PDF (issue 4)', () => {
  test('zero-byte, truncated, garbage and wrongly unlocked PDFs get a clear message; the library is unchanged; a PDF with JavaScript runs none', async ({ page, openApp, requests }) => {
    const dialogs = refuseDialogs(page);
    await openApp();
    const before = await page.getByTestId('library-item').count();
    const damaged = await damagedPdfs();
    await pick(page, [
      { name: 'zero.pdf', mimeType: 'application/pdf', buffer: Buffer.from(damaged.empty) },
      { name: 'truncated.pdf', mimeType: 'application/pdf', buffer: Buffer.from(damaged.truncated) },
      { name: 'garbage.pdf', mimeType: 'application/pdf', buffer: Buffer.from(damaged.garbageAfterHeader) },
      { name: 'locked.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await encryptedPdf()) },
      { name: 'scripted.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await javascriptPdf()) },
    ]);
    await expect(item(page, 'zero.pdf')).toContainText('empty');
    for (const name of ['truncated.pdf', 'garbage.pdf']) {
      await expect(item(page, name)).toHaveAttribute('data-status', /failed|imported/);
    }
    await item(page, 'locked.pdf').getByLabel('Password of locked.pdf').fill('not it');
    await item(page, 'locked.pdf').getByRole('button', { name: 'Unlock' }).click();
    await expect(item(page, 'locked.pdf')).toContainText('not the password');
    await expect(item(page, 'scripted.pdf')).toHaveAttribute('data-status', 'imported');
    await item(page, 'scripted.pdf').getByRole('button', { name: /in right pane/ }).click();
    await expect(page.getByTestId('pane-right')).toHaveAttribute('data-ready', 'true');
    const imported = await page.locator('[data-testid="import-item"][data-status="imported"]').count();
    await expect(page.getByTestId('library-item')).toHaveCount(before + imported);
    await nothingRan(page, dialogs, requests);
  });

  test('a 1 GB file is refused before it is read, and the window stays responsive', async ({ page, openApp }) => {
    await openApp();
    const before = await page.getByTestId('library-item').count();
    // Blob parts are referenced, not copied: a 1 GB file without 1 GB of memory.
    await page.evaluate(() => {
      const chunk = new Blob([new Uint8Array(16 * 1024 * 1024)]);
      const huge = new File(Array.from({ length: 64 }, () => chunk), 'huge.pdf', { type: 'application/pdf' });
      const transfer = new DataTransfer();
      transfer.items.add(huge);
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    });
    await expect(item(page, 'huge.pdf')).toContainText('1024.0 MB; Diptych imports files up to 200 MB');
    await page.getByRole('button', { name: 'Toggle library' }).click();
    await expect(page.getByTestId('library')).toBeHidden();
    await page.getByRole('button', { name: 'Toggle library' }).click();
    await expect(page.getByTestId('library-item')).toHaveCount(before);
  });
});

test.describe('importing (issue 5)', () => {
  test('empty, binary, NUL-bearing, invalid UTF-8, huge-line and many-line files, and hostile names, are imported safely or refused with a reason', async ({ page, host, openApp, requests }) => {
    const dialogs = refuseDialogs(page);
    await openApp();
    await selectQuote(page, 'left', 'That mutual agreement', ARTICLE);
    await page.keyboard.press('1');
    await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
    const oneLine = 'word '.repeat(2 * 1024 * 1024); // 10 MB on a single line
    const manyLines = Array.from({ length: 1_000_000 }, (_, i) => `${i}`).join('\n');
    await pick(page, [
      { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
      { name: 'program.txt', mimeType: 'text/plain', buffer: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]) },
      { name: 'nul.txt', mimeType: 'text/plain', buffer: Buffer.from('before\u0000after') },
      { name: 'latin.txt', mimeType: 'text/plain', buffer: Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]) },
      { name: 'one-line.txt', mimeType: 'text/plain', buffer: Buffer.from(oneLine) },
      { name: 'many-lines.txt', mimeType: 'text/plain', buffer: Buffer.from(manyLines) },
      { name: '../../escape.md', mimeType: 'text/markdown', buffer: Buffer.from('# Escape\n\nA file name with dots.') },
      { name: '-dash.md', mimeType: 'text/markdown', buffer: Buffer.from('# Dash\n\nA leading dash.') },
      { name: `${'n'.repeat(246)}.txt`, mimeType: 'text/plain', buffer: Buffer.from('A long name.') },
      { name: 'report\u202Etxt.exe.md', mimeType: 'text/markdown', buffer: Buffer.from('# RTL\n\nA right-to-left override in the name.') },
    ]);
    await expect(item(page, 'empty.txt')).toContainText('empty');
    await expect(item(page, 'program.txt')).toContainText(/binary/);
    await expect(item(page, 'nul.txt')).toContainText(/binary/);
    await expect(item(page, 'latin.txt')).toContainText(/not UTF-8/);
    for (const name of ['one-line.txt', 'many-lines.txt', 'escape.md', '-dash.md', 'A long name', 'RTL']) {
      await expect(page.getByTestId('import-item').filter({ hasText: name.startsWith('A long') ? 'nnnn' : name }).first()).toHaveAttribute('data-status', 'imported', { timeout: 60_000 });
    }
    // The copies sit in the data folder under their content hash, whatever their names said.
    const documents = await callApi<{ fileName: string | null }[]>(host, 'listDocuments');
    expect(documents.map((d) => d.fileName)).toContain('../../escape.md');
    // Everything made before is still there, and nothing ran.
    expect(await storedAnnotations(host)).toHaveLength(1);
    await nothingRan(page, dialogs, requests);
  });

  test('Markdown and HTML full of scripts import as inert text; script payloads in titles, tags and file names never run', async ({ page, host, openApp, requests }) => {
    const dialogs = refuseDialogs(page);
    await openApp();
    const hostileHtml = `<title>${PAYLOADS[0]}</title><h1 onclick="window.__ran=1">Hostile</h1>${PAYLOADS.join('<p>')}<a href="javascript:window.__ran=1">link</a><iframe srcdoc="<script>parent.__ran=1</script>"></iframe><img src="http://example.com/tracker.png"><style>body{background:url(http://example.com/x.png)}</style>`;
    const hostileMd = `# ${PAYLOADS[1]}\n\n${PAYLOADS.join('\n\n')}\n\n[click](javascript:window.__ran=1) ![x](http://example.com/pixel.png)\n`;
    await pick(page, [
      { name: 'hostile.html', mimeType: 'text/html', buffer: Buffer.from(hostileHtml) },
      { name: `${PAYLOADS[0]}.md`, mimeType: 'text/markdown', buffer: Buffer.from(hostileMd) },
    ]);
    await expect(page.locator('[data-testid="import-item"][data-status="imported"]')).toHaveCount(2);
    for (const button of await page.getByRole('button', { name: /in left pane$/ }).filter({ hasText: 'Left' }).all()) {
      if (await button.isVisible()) await button.click();
    }
    const documents = await callApi<{ id: string; title: string }[]>(host, 'listDocuments');
    const hostile = documents.filter((d) => d.title.includes('onerror') || d.title.includes('<script>'));
    expect(hostile.length).toBeGreaterThan(0);
    for (const d of hostile) {
      await callApi(host, 'updateDocument', { id: d.id, details: { tags: [PAYLOADS[2]!, PAYLOADS[0]!] } });
    }
    await page.reload();
    await expect(page.getByTestId('pane-left')).toHaveAttribute('data-ready', 'true');
    // Titles and tags show as text.
    await expect(page.getByTestId('library').getByText(PAYLOADS[2]!).first()).toBeVisible();
    for (const d of hostile) {
      await page.getByRole('combobox', { name: 'Document in left pane' }).selectOption({ value: d.id });
      await expect(page.getByTestId('pane-left')).toHaveAttribute('data-ready', 'true');
    }
    await expect(page.locator('[data-testid="pane-text-left"] script, [data-testid="pane-text-left"] iframe, [data-testid="pane-text-left"] img')).toHaveCount(0);
    await expect(page.locator('[data-testid="pane-text-left"] a[href^="javascript:"]')).toHaveCount(0);
    await nothingRan(page, dialogs, requests);
  });

  test('the page CSP blocks inline script even if some got into the DOM', async ({ page, openApp }) => {
    await openApp();
    const blocked = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (event) => resolve(event.violatedDirective), { once: true });
          const script = document.createElement('script');
          script.textContent = 'window.__ran = 1';
          document.body.append(script);
          setTimeout(() => resolve('no violation reported'), 2000);
        }),
    );
    expect(blocked).toMatch(/^script-src/);
    expect(await page.evaluate(() => (window as unknown as { __ran?: number }).__ran)).toBeUndefined();
  });
});
