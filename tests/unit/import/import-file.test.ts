import { describe, expect, it } from 'vitest';
import { displayFileName } from '../../../electron/core/import/import-error';
import { MAX_IMPORT_BYTES, checkImportSize, importDocumentBytes, textImportKind } from '../../../electron/core/import/import-file';
import { segmentText } from '../../../electron/core/text-blocks';
import { expectWellFormed, refusal } from './document-assertions';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('importDocumentBytes', () => {
  it('reads a .txt file as it is, titled after the file', () => {
    const text = 'First paragraph.\r\n\r\nSecond   paragraph, spaces kept.\n';
    const result = importDocumentBytes({ fileName: 'C:\\Users\\me\\Pact notes.TXT', bytes: utf8(text) });
    expect(result).toEqual({ kind: 'text', encoding: 'utf-8', document: { text, structure: [], title: 'Pact notes' } });
  });

  it('reads Markdown and HTML by their extensions, titled by their own headings', () => {
    const markdown = importDocumentBytes({ fileName: 'notes.markdown', bytes: utf8('# Pact\n\nText.') });
    expect(markdown.kind).toBe('markdown');
    expect(markdown.document.title).toBe('Pact');
    expectWellFormed(markdown.document);
    const html = importDocumentBytes({ fileName: 'page.HTM', bytes: utf8('<title>Page</title><p>Text.</p>') });
    expect(html.kind).toBe('html');
    expect(html.document).toEqual({ text: 'Text.', structure: [{ kind: 'paragraph', start: 0, end: 5 }], title: 'Page' });
  });

  it('titles a document without a heading after its file name', () => {
    expect(importDocumentBytes({ fileName: 'loose.notes.md', bytes: utf8('just text') }).document.title).toBe('loose.notes');
  });

  it('passes on the warning of a guessed encoding, and reads the encoding the reader chose', () => {
    const latin = Uint8Array.from([0x63, 0x61, 0x66, 0xe9]); // "café" in windows-1252
    const guessed = importDocumentBytes({ fileName: 'menu.txt', bytes: latin });
    expect(guessed.document.text).toBe('café');
    expect(guessed.warning).toMatch(/^This file is not UTF-8/);
    const chosen = importDocumentBytes({ fileName: 'menu.txt', bytes: latin, encoding: 'iso-8859-2' });
    expect(chosen).toMatchObject({ encoding: 'iso-8859-2', document: { text: 'café' } });
    expect(chosen.warning).toBeUndefined();
  });

  it('imports a 10 MB single-line file and a million-line file', () => {
    const line = 'word '.repeat(2 * 1024 * 1024);
    expect(importDocumentBytes({ fileName: 'line.txt', bytes: utf8(line) }).document.text.length).toBe(line.length);
    const lines = 'a line\n'.repeat(1_000_000);
    const doc = importDocumentBytes({ fileName: 'lines.txt', bytes: utf8(lines) }).document;
    expect(segmentText(doc.text)).toHaveLength(1_000_000);
  });

  it('keeps right-to-left override characters in the text but not in the title or messages', () => {
    const name = 'invoice\u202Etxt.exe\u202C.txt';
    const result = importDocumentBytes({ fileName: name, bytes: utf8('abc \u202Edef') });
    expect(result.document.text).toBe('abc \u202Edef');
    expect(result.document.title).toBe('invoicetxt.exe');
    expect(displayFileName(name)).toBe('“invoicetxt.exe.txt”');
  });
});

describe('importDocumentBytes: refusals', () => {
  it('refuses unsupported types, listing the supported ones', () => {
    const error = refusal(() => importDocumentBytes({ fileName: 'report.docx', bytes: utf8('x') }));
    expect(error.reason).toBe('unsupported-type');
    expect(error.code).toBe('invalid-input');
    expect(error.message).toBe(
      '“report.docx” is an unsupported file type: Diptych does not read .docx files. Diptych imports plain text (.txt, .text), Markdown (.md, .markdown), HTML (.html, .htm) and PDF (.pdf).',
    );
    expect(refusal(() => importDocumentBytes({ fileName: 'README', bytes: utf8('x') })).message).toContain('it has no file extension');
    expect(refusal(() => importDocumentBytes({ fileName: 'paper.pdf', bytes: utf8('%PDF-1.7') })).message).toContain('PDF importer');
  });

  it('refuses an empty file', () => {
    const error = refusal(() => importDocumentBytes({ fileName: 'empty.txt', bytes: new Uint8Array(0) }));
    expect(error.reason).toBe('empty');
    expect(error.message).toBe('“empty.txt” is empty: there is nothing to import.');
  });

  it('refuses a binary file renamed to .txt', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(refusal(() => importDocumentBytes({ fileName: 'photo.txt', bytes: png })).reason).toBe('binary');
  });

  it('refuses a file with no readable text', () => {
    expect(refusal(() => importDocumentBytes({ fileName: 'blank.txt', bytes: utf8(' \n\t\n') })).reason).toBe('no-text');
    const scripts = refusal(() => importDocumentBytes({ fileName: 'app.html', bytes: utf8('<script>alert(1)</script><style>p{}</style>') }));
    expect(scripts.reason).toBe('no-text');
    expect(scripts.message).toMatch(/^“app\.html” has no readable text/);
  });

  it('names a file by its last path component, shortened, in every message', () => {
    const long = `../../${'-'.repeat(1)}${'x'.repeat(249)}.docx`;
    const message = refusal(() => importDocumentBytes({ fileName: long, bytes: utf8('x') })).message;
    expect(message).not.toContain('../');
    expect(message).toMatch(/^“-x{78}…” is an unsupported file type/);
  });
});

describe('checkImportSize', () => {
  it('accepts files up to 200 MB', () => {
    expect(MAX_IMPORT_BYTES).toBe(200 * 1024 * 1024);
    expect(() => checkImportSize(1, 'a.txt')).not.toThrow();
    expect(() => checkImportSize(MAX_IMPORT_BYTES, 'a.txt')).not.toThrow();
  });

  it('refuses bigger files up front, in megabytes, never rounding down to the limit', () => {
    const error = refusal(() => checkImportSize(MAX_IMPORT_BYTES + 1, 'huge.txt'));
    expect(error.reason).toBe('too-large');
    expect(error.code).toBe('too-large');
    expect(error.message).toBe('“huge.txt” is 200.1 MB; Diptych imports files up to 200 MB.');
    expect(refusal(() => checkImportSize(1.5 * 1024 ** 3, 'disk.html')).message).toBe('“disk.html” is 1536.0 MB; Diptych imports files up to 200 MB.');
  });

  it('refuses empty files', () => {
    expect(refusal(() => checkImportSize(0, 'a.md')).reason).toBe('empty');
  });
});

describe('textImportKind', () => {
  it('knows the text formats by extension, in any case', () => {
    expect(['a.txt', 'a.TEXT', 'a.md', 'a.Markdown', 'a.html', 'a.htm', 'a.pdf', 'a', '.md', 'dir.md/file'].map(textImportKind)).toEqual([
      'text',
      'text',
      'markdown',
      'markdown',
      'html',
      'html',
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
