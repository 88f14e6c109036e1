import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Annotation } from '../../../electron/api/annotation-schema';
import { dispatch } from '../../../electron/api/dispatch';
import { documentFileName } from '../../../electron/library/annotation-file';
import { tempPathFor } from '../../../electron/library/durable-json-file';
import { LibraryService } from '../../../electron/library/library-service';
import { highlight, passage, SOVIET } from '../../fixtures/annotations/factory';
import { BUNDLED_DOCUMENTS, documentsDir, tempDir } from '../../support/paths';
import { FaultyFs } from './faulty-fs';

const KEPT = 'Your change is kept in memory and will be saved when writing works again.';

async function open(dataDir: string, fs?: FaultyFs): Promise<LibraryService> {
  return LibraryService.open({
    dataDir,
    documentsDir,
    mode: 'browser',
    version: '0.0.0-test',
    log: () => {},
    backups: false,
    retryDelays: { firstMs: 20, maxMs: 80 },
    ...(fs ? { fs } : {}),
  });
}

async function annotationsOnDisk(dataDir: string): Promise<Annotation[]> {
  const file = join(dataDir, 'annotations', 'documents', documentFileName(SOVIET));
  return (JSON.parse(await readFile(file, 'utf8')) as { annotations: Annotation[] }).annotations;
}

describe('a disk that refuses writes', () => {
  it('keeps annotations in memory while the disk is full, says so, and saves them in the background once it has room', async () => {
    const dir = await tempDir();
    const fs = new FaultyFs();
    const library = await open(dir, fs);
    const home = join(dir, 'annotations', 'documents', documentFileName(SOVIET));
    const a = highlight(passage(SOVIET, 0, 5, 'Share'));
    const b = highlight(passage(SOVIET, 10, 15, 'stock'));
    fs.failure = 'ENOSPC';
    expect(await dispatch(library, 'putAnnotation', { annotation: a })).toEqual({
      ok: false,
      error: { code: 'storage', message: `Could not save the annotation to ${home}: the disk is full. ${KEPT}` },
    });
    expect(await dispatch(library, 'putAnnotation', { annotation: b })).toMatchObject({ ok: false, error: { code: 'storage' } });
    expect((await library.listAnnotations({})).map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    const failing = await library.getSaveStatus();
    expect(failing).toMatchObject({ state: 'retrying', pendingChanges: 2 });
    expect(Date.parse(failing.since!)).not.toBeNaN();
    // The background retries fail too, and say with which file.
    await vi.waitFor(async () => expect((await library.getSaveStatus()).lastError).toBe(`Could not write ${home}: the disk is full.`));
    await expect(readFile(home, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });

    fs.failure = null;
    await vi.waitFor(async () => expect(await library.getSaveStatus()).toEqual({ state: 'saved', pendingChanges: 0, lastError: null, since: null }));
    expect((await annotationsOnDisk(dir)).map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    await library.close();
  });

  it('keeps settings in memory on a read-only disk and writes them when it is writable again', async () => {
    const dir = await tempDir();
    const fs = new FaultyFs();
    const library = await open(dir, fs);
    const settings = { theme: 'dark', fontSize: 20, fontFamily: 'sans', lineWidth: 70 } as const;
    fs.failure = 'EROFS';
    expect(await dispatch(library, 'saveSettings', { settings })).toEqual({
      ok: false,
      error: { code: 'storage', message: `Could not save the settings to ${join(dir, 'diptych.json')}: the disk is read-only. ${KEPT}` },
    });
    expect((await library.getSession()).settings).toEqual(settings);
    expect(await library.getSaveStatus()).toMatchObject({ state: 'retrying', pendingChanges: 1 });
    fs.failure = null;
    await vi.waitFor(async () => expect((await library.getSaveStatus()).state).toBe('saved'));
    await library.close();
    const again = await open(dir);
    expect((await again.getSession()).settings).toEqual(settings);
    await again.close();
  });

  it('never leaves a file half-written: a write cut off by a full disk leaves the old file whole and no temp file', async () => {
    const dir = await tempDir();
    const fs = new FaultyFs();
    const library = await open(dir, fs);
    const a = highlight(passage(SOVIET, 0, 5, 'Share'));
    await library.putAnnotation({ annotation: a });
    const home = join(dir, 'annotations', 'documents', documentFileName(SOVIET));
    const before = await readFile(home, 'utf8');
    fs.cutOff = 'ENOSPC';
    const b = highlight(passage(SOVIET, 10, 15, 'stock'));
    expect(await dispatch(library, 'putAnnotation', { annotation: b })).toMatchObject({ ok: false, error: { code: 'storage' } });
    expect(await readFile(home, 'utf8')).toBe(before);
    expect(await readdir(join(dir, 'annotations', 'documents'))).toEqual([documentFileName(SOVIET)]);
    fs.cutOff = null;
    await vi.waitFor(async () => expect((await library.getSaveStatus()).state).toBe('saved'));
    expect((await annotationsOnDisk(dir)).map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    await library.close();
  });

  it('recovers on a real file system once a folder standing where the temp file goes is removed', async () => {
    const dir = await tempDir();
    const library = await open(dir);
    const home = join(dir, 'annotations', 'documents', documentFileName(SOVIET));
    // Root may write anywhere, so the write is made to fail by a folder in the temp file's place.
    const blocker = tempPathFor(home);
    await mkdir(blocker);
    const a = highlight(passage(SOVIET, 0, 5, 'Share'));
    expect(await dispatch(library, 'putAnnotation', { annotation: a })).toEqual({
      ok: false,
      error: { code: 'storage', message: `Could not save the annotation to ${home}: something else is in the way of the file. ${KEPT}` },
    });
    expect(await library.getSaveStatus()).toMatchObject({ state: 'retrying', pendingChanges: 1 });
    await rm(blocker, { recursive: true });
    await vi.waitFor(async () => expect((await library.getSaveStatus()).state).toBe('saved'));
    expect((await annotationsOnDisk(dir)).map((x) => x.id)).toEqual([a.id]);
    await library.close();
  });

  it('adds no document whose text could not be stored, and says so', async () => {
    const dir = await tempDir();
    const fs = new FaultyFs();
    const library = await open(dir, fs);
    fs.failure = 'EIO';
    const result = await dispatch(library, 'addTextDocument', { title: 'Notes', text: 'Some words.' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'storage', message: `Could not store "Notes" in ${join(dir, 'files')}: the disk reported an input/output error. Nothing was added.` },
    });
    expect(await library.listDocuments()).toHaveLength(BUNDLED_DOCUMENTS);
    expect((await library.getSaveStatus()).state).toBe('saved');
    fs.failure = null;
    await library.close();
  });

  it('reports a close that still cannot save, and gives the folder back all the same', async () => {
    const dir = await tempDir();
    const fs = new FaultyFs();
    const library = await open(dir, fs);
    fs.failure = 'ENOSPC';
    await dispatch(library, 'putAnnotation', { annotation: highlight(passage(SOVIET, 0, 5, 'Share')) });
    await expect(library.close()).rejects.toMatchObject({ code: 'storage', message: expect.stringContaining('the disk is full') });
    await expect(readFile(join(dir, 'diptych.lock'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
