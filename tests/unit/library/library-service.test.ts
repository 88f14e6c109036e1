import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirError } from '../../../electron/library/data-dir';
import { LibraryService } from '../../../electron/library/library-service';
import { BUNDLED_DOCUMENTS, documentsDir, readSourceText, tempDir } from '../../support/paths';

const open = async (dataDir: string) => LibraryService.open({ dataDir, documentsDir, mode: 'browser', version: '0.0.0-test' });

const sha256 = async (path: string) => createHash('sha256').update(await readFile(path)).digest('hex');

describe('LibraryService', () => {
  it('seeds a new library with the two source texts, left and right, and the bundled chronology PDF', async () => {
    const library = await open(await tempDir());
    const docs = await library.listDocuments();
    expect(docs.map((d) => d.title)).toEqual(['The Soviet Overtures of 1939', "London's Dilemma, Summer 1939", 'A chronology of the 1939 Anglo-French-Soviet talks']);
    expect(docs.map((d) => d.kind)).toEqual(['text', 'text', 'pdf']);
    expect(docs.every((d) => d.origin === 'bundled')).toBe(true);
    // A PDF's length is that of its extracted text, the text every offset refers to.
    const chronology = await library.getDocumentText({ id: 'chronology-1939' });
    expect(docs[2]!.length).toBe(chronology.text.length);
    expect(chronology.pages?.length).toBeGreaterThan(1);
    expect(chronology.text.slice(chronology.pages![0]!.start, chronology.pages![0]!.end)).toContain('chronology');
    const { layout } = await library.getSession();
    expect(layout.left.documentId).toBe('soviet-overtures-1939');
    expect(layout.right.documentId).toBe('londons-dilemma-1939');
  });

  it('serves each source text exactly as the bundled bytes decode, and never changes the bundled files', async () => {
    const before = await sha256(join(documentsDir, '000_f1b498f6176dc71c.txt'));
    const library = await open(await tempDir());
    const { text } = await library.getDocumentText({ id: 'soviet-overtures-1939' });
    expect(text).toBe(readSourceText('000_f1b498f6176dc71c.txt'));
    const docs = await library.listDocuments();
    expect(docs[0]!.length).toBe(text.length);
    expect(await sha256(join(documentsDir, '000_f1b498f6176dc71c.txt'))).toBe(before);
    expect(before).toBe('305f57027c22222665def2b54dc1cd6eaaa06127c0010a0881f2c7177ca4d5ce');
    expect(await sha256(join(documentsDir, '001_50dbc8cc9f109cf8.txt'))).toBe('45da2ed34ce7ee24b0e46e443fc88ade23887fbe8c6a40b3ad304fc6e1f1d534');
  });

  it('answers an unknown document id with a not-found error that names it', async () => {
    const library = await open(await tempDir());
    await expect(library.getDocumentText({ id: 'no-such-doc' })).rejects.toMatchObject({ code: 'not-found', message: 'There is no document "no-such-doc" in the library.' });
  });

  it('keeps layout, settings and added texts across a reopen of the same folder', async () => {
    const dir = await tempDir();
    const first = await open(dir);
    const added = await first.addTextDocument({ title: '  Big text ', text: 'Hello\n\nworld' });
    expect(added.title).toBe('Big text');
    const session = await first.getSession();
    await first.saveLayout({ layout: { ...session.layout, split: 0.3, right: { documentId: added.id, position: 6 }, sidebarOpen: false } });
    await first.saveSettings({ settings: { theme: 'dark', fontSize: 22, fontFamily: 'accessible', lineWidth: 80 } });

    const second = await open(dir);
    const again = await second.getSession();
    expect(again.layout.split).toBe(0.3);
    expect(again.layout.sidebarOpen).toBe(false);
    expect(again.layout.right).toEqual({ documentId: added.id, position: 6 });
    expect(again.settings).toEqual({ theme: 'dark', fontSize: 22, fontFamily: 'accessible', lineWidth: 80 });
    expect((await second.getDocumentText({ id: added.id })).text).toBe('Hello\n\nworld');
    expect((await second.listDocuments()).map((d) => d.id)).toContain(added.id);
  });

  it('does not seed twice, and replaces a layout that points at a missing document', async () => {
    const dir = await tempDir();
    const first = await open(dir);
    const session = await first.getSession();
    await first.saveLayout({ layout: { ...session.layout, left: { documentId: 'vanished', position: 10 } } });
    const second = await open(dir);
    expect(await second.listDocuments()).toHaveLength(BUNDLED_DOCUMENTS);
    expect((await second.getSession()).layout.left).toEqual({ documentId: null, position: 0 });
  });

  it('reports a corrupt database as a notice that can be dismissed', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'diptych.json'), 'not json at all');
    const library = await open(dir);
    const { notices } = await library.getAppInfo();
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toMatch(/diptych\.json\.corrupt-/);
    expect(await library.listDocuments()).toHaveLength(BUNDLED_DOCUMENTS);
    await library.dismissNotice({ id: notices[0]!.id });
    expect((await (await open(dir)).getAppInfo()).notices).toEqual([]);
    await expect(library.dismissNotice({ id: 'nope' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('refuses a data folder it cannot write in, saying why', async () => {
    // Root may write anywhere, so the write is made to fail by a folder standing where the probe file goes.
    const dir = await tempDir();
    await mkdir(join(dir, `.write-probe-${process.pid}`));
    await expect(open(dir)).rejects.toBeInstanceOf(DataDirError);
    await expect(open(dir)).rejects.toThrow(`Diptych cannot use the data folder ${dir}`);
  });

  it('refuses a data folder that is a file with a specific message', async () => {
    const dir = await tempDir();
    const file = join(dir, 'a-file');
    await writeFile(file, 'x');
    await expect(open(file)).rejects.toThrow(/cannot use the data folder .*a-file: a file of that name is in the way/);
  });
});
