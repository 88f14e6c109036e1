// @vitest-environment node
/**
 * Emptying the trash: documents deleted for good with their files and
 * highlights, while what the reader wrote elsewhere is kept with a trace.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { markdownOf, NOTEBOOK_URI, passagesOf } from '../../../electron/api/annotation-schema';
import { LibraryService } from '../../../electron/library/library-service';
import { planTrashEmptying } from '../../../electron/library/trash-emptying';
import { highlight, link, LONDON, note, passage, SOVIET } from '../../fixtures/annotations/factory';
import { documentsDir, tempDir } from '../../support/paths';

const GONE = 'gone-doc';
const titles: Record<string, string> = { [GONE]: 'Envoys', [SOVIET]: 'The Soviet Overtures of 1939', [LONDON]: "London's Dilemma" };
const titleOf = (id: string) => titles[id] ?? id;

describe('planTrashEmptying', () => {
  it('deletes highlights and bare links of deleted documents, and leaves other annotations alone', () => {
    const h = highlight(passage(GONE, 0, 4, 'Once'));
    const bare = link([passage(GONE, 0, 4, 'Once'), passage(GONE, 10, 14, 'upon')]);
    const elsewhere = highlight(passage(SOVIET, 0, 5, 'Share'));
    const plan = planTrashEmptying([h, bare, elsewhere], new Set([GONE]), titleOf);
    expect(plan.deletions.sort()).toEqual([h.id, bare.id].sort());
    expect(plan.updates).toEqual([]);
  });

  it('keeps a note on its other passages, with a line naming the passage that went', () => {
    const n = note('Compare the envoys.', [passage(GONE, 0, 4, 'Once'), passage(SOVIET, 0, 5, 'Share')]);
    const { updates, kept, deletions } = planTrashEmptying([n], new Set([GONE]), titleOf, '2026-11-25T12:00:00.000Z');
    expect(deletions).toEqual([]);
    expect(kept).toBe(1);
    const [updated] = updates;
    expect(passagesOf(updated!).map((p) => p.source)).toEqual(['urn:diptych:document:soviet-overtures-1939']);
    expect(markdownOf(updated!)).toMatch(/^Compare the envoys\.\n\nWas also on a passage of a document deleted from the library:\n- “Once” in “Envoys”$/);
    expect(updated!.modified).toBe('2026-11-25T12:00:00.000Z');
  });

  it('moves a note whose passages all went to the notebook, text intact', () => {
    const n = note('# Envoys\nWho was sent?', [passage(GONE, 0, 4, 'Once')]);
    const [updated] = planTrashEmptying([n], new Set([GONE]), titleOf).updates;
    expect(updated!.target).toEqual([NOTEBOOK_URI]);
    expect(markdownOf(updated!)).toContain('# Envoys\nWho was sent?');
  });

  it('turns a link that loses its other end into a note on the passage left, saying what it was linked to', () => {
    const l = link([passage(SOVIET, 0, 5, 'Share'), passage(GONE, 0, 4, 'Once')]);
    const [updated] = planTrashEmptying([l], new Set([GONE]), titleOf).updates;
    expect(updated!.motivation).toBe('commenting');
    expect(passagesOf(updated!).map((p) => p.source)).toEqual(['urn:diptych:document:soviet-overtures-1939']);
    expect(markdownOf(updated!)).toBe('Linked to a passage of a document deleted from the library:\n- “Once” in “Envoys”');
  });

  it('keeps a link with two ends left as a link', () => {
    const l = link([passage(SOVIET, 0, 5, 'Share'), passage(LONDON, 0, 5, 'After'), passage(GONE, 0, 4, 'Once')], 'Three accounts');
    const [updated] = planTrashEmptying([l], new Set([GONE]), titleOf).updates;
    expect(updated!.motivation).toBe('linking');
    expect(passagesOf(updated!)).toHaveLength(2);
    expect(markdownOf(updated!)).toMatch(/^Three accounts\n\nLinked to a passage/);
  });
});

describe('emptyTrash', () => {
  const open: LibraryService[] = [];
  afterEach(async () => {
    while (open.length > 0) await open.pop()!.close();
  });
  const library = async (dataDir: string) => {
    const service = await LibraryService.open({ dataDir, documentsDir, mode: 'browser', version: '0.0.0-test', log: () => {}, backups: false, searchWarmUpMs: false });
    open.push(service);
    return service;
  };

  it('deletes imported documents for good, with their files, and keeps notes that point elsewhere (after a restart too)', async () => {
    const dataDir = await tempDir('diptych-empty-trash-');
    const service = await library(dataDir);
    const imported = await service.importDocument({ fileName: 'envoys.md', bytes: new TextEncoder().encode('# Envoys\n\nThe envoys went by sea.') });
    if (imported.status !== 'imported') throw new Error('not imported');
    const id = imported.document.id;
    const text = (await service.getDocumentText({ id })).text;
    const at = text.indexOf('envoys went');
    const there = passage(id, at, at + 11, 'envoys went');
    const h = highlight(there);
    const n = note('Slow boats.', [there, passage(SOVIET, 0, 5, 'Share')]);
    await service.putAnnotation({ annotation: h });
    await service.putAnnotation({ annotation: n });
    await service.removeDocument({ id });
    await service.removeDocument({ id: LONDON });

    const result = await service.emptyTrash({});
    expect(result).toEqual({ deleted: 1, bundledKept: 1, annotationsDeleted: 1, annotationsKept: 1 });
    expect((await service.listTrash()).map((d) => d.id)).toEqual([LONDON]);
    expect((await service.listDocuments()).map((d) => d.id)).not.toContain(id);
    await expect(service.getDocumentText({ id })).rejects.toMatchObject({ code: 'not-found' });

    await open.pop()!.close();
    const reopened = await library(dataDir);
    const annotations = await reopened.listAnnotations({});
    expect(annotations.map((a) => a.id)).toEqual([n.id]);
    expect(passagesOf(annotations[0]!).map((p) => p.source)).toEqual(['urn:diptych:document:soviet-overtures-1939']);
    expect(markdownOf(annotations[0]!)).toContain('“envoys went” in “Envoys”');
    expect((await reopened.listTrash()).map((d) => d.id)).toEqual([LONDON]);
  });

  it('keeps a stored file another document still reads (a duplicate imported on purpose)', async () => {
    const dataDir = await tempDir('diptych-empty-trash-dup-');
    const service = await library(dataDir);
    const bytes = new TextEncoder().encode('Twice the same words.');
    const first = await service.importDocument({ fileName: 'a.txt', bytes });
    const second = await service.importDocument({ fileName: 'b.txt', bytes, allowDuplicate: true });
    if (first.status !== 'imported' || second.status !== 'imported') throw new Error('not imported');
    await service.removeDocument({ id: first.document.id });
    await service.emptyTrash({ ids: [first.document.id] });
    expect((await service.getDocumentText({ id: second.document.id })).text).toBe('Twice the same words.');
  });

  it('refuses an id that is not in the trash, and deletes nothing then', async () => {
    const service = await library(await tempDir('diptych-empty-trash-refuse-'));
    const imported = await service.addTextDocument({ title: 'Kept', text: 'Some words.' });
    await service.removeDocument({ id: imported.id });
    await expect(service.emptyTrash({ ids: [imported.id, SOVIET] })).rejects.toMatchObject({ code: 'not-found', message: 'There is no document "soviet-overtures-1939" in the trash.' });
    expect((await service.listTrash()).map((d) => d.id)).toEqual([imported.id]);
  });

  it('deletes the files of the documents it deletes', async () => {
    const dataDir = await tempDir('diptych-empty-trash-files-');
    const service = await library(dataDir);
    const imported = await service.importDocument({ fileName: 'one.txt', bytes: new TextEncoder().encode('One file only.') });
    if (imported.status !== 'imported') throw new Error('not imported');
    const before = await readdir(join(dataDir, 'files'));
    expect(before.length).toBeGreaterThan(0);
    await service.removeDocument({ id: imported.document.id });
    await service.emptyTrash({});
    const after = await readdir(join(dataDir, 'files'));
    expect(after).toEqual([]);
    expect(existsSync(join(dataDir, 'files', before[0]!))).toBe(false);
  });
});
