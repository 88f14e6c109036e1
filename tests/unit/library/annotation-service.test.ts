import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_NOTE_BODY_LENGTH } from '../../../electron/api/annotation-schema';
import { dispatch } from '../../../electron/api/dispatch';
import { toW3cAnnotation } from '../../../electron/core/export/to-w3c-collection';
import { documentFileName } from '../../../electron/library/annotation-file';
import { LibraryService } from '../../../electron/library/library-service';
import { closeReadingSet, highlight, LONDON, note, passage, SOVIET } from '../../fixtures/annotations/factory';
import { documentsDir, tempDir } from '../../support/paths';

const open = async (dataDir?: string) =>
  LibraryService.open({ dataDir: dataDir ?? (await tempDir()), documentsDir, mode: 'browser', version: '0.0.0-test', log: () => {} });

describe('putAnnotation and listAnnotations', () => {
  it('stores an annotation and answers with it', async () => {
    const library = await open();
    const a = highlight(passage(SOVIET, 0, 5, 'Share'), { body: [{ type: 'TextualBody', purpose: 'tagging', value: 'opening' }] });
    expect(await dispatch(library, 'putAnnotation', { annotation: a })).toEqual({ ok: true, value: a });
    expect(await library.listAnnotations({})).toEqual([a]);
  });

  it('filters by document and by motivation; notebook notes only appear in the unfiltered list', async () => {
    const library = await open();
    const set = closeReadingSet();
    for (const a of set) await library.putAnnotation({ annotation: a });
    const all = await library.listAnnotations({});
    expect(all.map((a) => a.id)).toEqual(set.map((a) => a.id));
    const london = await library.listAnnotations({ documentIds: [LONDON] });
    expect(london.every((a) => a.target.some((t) => typeof t !== 'string' && t.source.endsWith(LONDON)))).toBe(true);
    expect(london.map((a) => a.motivation)).toEqual(['highlighting', 'highlighting', 'commenting', 'linking', 'linking']);
    const links = await library.listAnnotations({ documentIds: [SOVIET, LONDON], motivations: ['linking'] });
    expect(links).toHaveLength(2);
    const notes = await library.listAnnotations({ motivations: ['commenting'] });
    expect(notes.some((a) => a.target[0] === 'urn:diptych:notebook')).toBe(true);
    expect((await library.listAnnotations({ documentIds: [SOVIET] })).some((a) => a.target[0] === 'urn:diptych:notebook')).toBe(false);
    expect(await library.listAnnotations({ documentIds: [] })).toEqual([]);
  });

  it('answers only the annotations whose passage in the given document overlaps a range, for a first screen', async () => {
    const library = await open();
    const early = highlight(passage(SOVIET, 0, 5, 'Share'));
    const inRange = highlight(passage(SOVIET, 2000, 2010));
    const late = highlight(passage(SOVIET, 6000, 6010));
    const touching = note('Ends where the range starts.', [passage(SOVIET, 1980, 1990)]);
    const elsewhere = highlight(passage(LONDON, 2000, 2010));
    for (const a of [early, inRange, late, touching, elsewhere]) await library.putAnnotation({ annotation: a });
    const found = await library.listAnnotations({ documentIds: [SOVIET], range: { start: 1990, end: 2100 } });
    expect(found.map((a) => a.id).sort()).toEqual([inRange.id, touching.id].sort());
    expect(await library.listAnnotations({ documentIds: [SOVIET], range: { start: 1990, end: 2100 }, motivations: ['commenting'] })).toEqual([touching]);
  });

  it('refuses a range without documents, or one that ends before it starts', async () => {
    const library = await open();
    const withoutDocuments = await dispatch(library, 'listAnnotations', { range: { start: 0, end: 10 } });
    expect(withoutDocuments).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('a range needs documentIds') } });
    const backwards = await dispatch(library, 'listAnnotations', { documentIds: [SOVIET], range: { start: 10, end: 5 } });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('end must not be before start') } });
  });

  it('refuses a passage in a document that is not in the library, naming it', async () => {
    const library = await open();
    const result = await dispatch(library, 'putAnnotation', { annotation: highlight(passage('unknown-doc', 0, 5)) });
    expect(result).toEqual({ ok: false, error: { code: 'not-found', message: 'The annotation points at "unknown-doc", which is not in the library.' } });
    expect(await library.listAnnotations({})).toEqual([]);
  });

  it('refuses a passage beyond the end of its document', async () => {
    const library = await open();
    const length = (await library.listDocuments()).find((d) => d.id === LONDON)!.length;
    const result = await dispatch(library, 'putAnnotation', { annotation: highlight(passage(LONDON, length - 2, length + 3)) });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: `The annotation has a passage at ${length - 2}–${length + 3}, beyond the end of "London's Dilemma, Summer 1939" (${length} characters).` },
    });
    expect(await dispatch(library, 'putAnnotation', { annotation: highlight(passage(LONDON, length - 2, length)) })).toMatchObject({ ok: true });
  });

  it('refuses a quote that is only whitespace', async () => {
    const library = await open();
    const result = await dispatch(library, 'putAnnotation', { annotation: highlight(passage(SOVIET, 10, 13, ' \n\t')) });
    expect(result).toEqual({ ok: false, error: { code: 'invalid-input', message: 'The annotation has a quote that is only whitespace.' } });
  });

  it('refuses a note body over 1 MB before the service sees it', async () => {
    const library = await open();
    const big = note('x'.repeat(MAX_NOTE_BODY_LENGTH + 1), [passage(SOVIET, 0, 5)]);
    const result = await dispatch(library, 'putAnnotation', { annotation: big });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-input');
      expect(result.error.message).toContain('annotation.body.0.value: a note is at most 1 MB of text');
    }
    expect(await dispatch(library, 'putAnnotation', { annotation: { ...big, body: [{ ...big.body[0]!, value: 'x'.repeat(MAX_NOTE_BODY_LENGTH) }] } })).toMatchObject({ ok: true });
  });

  it('uses a fixture whose quotes, prefixes and suffixes are the bundled texts at its offsets', async () => {
    const library = await open();
    for (const a of closeReadingSet()) {
      for (const t of a.target) {
        if (typeof t === 'string') continue;
        const { text } = await library.getDocumentText({ id: t.source.replace('urn:diptych:document:', '') });
        const [quote, { start, end }] = t.selector;
        expect(text.slice(start, end)).toBe(quote.exact);
        expect(text.slice(start - quote.prefix.length, start)).toBe(quote.prefix);
        expect(text.slice(end, end + quote.suffix.length)).toBe(quote.suffix);
      }
    }
  });

  it('keeps annotations across a reopen of the same folder', async () => {
    const dir = await tempDir();
    const first = await open(dir);
    for (const a of closeReadingSet()) await first.putAnnotation({ annotation: a });
    const second = await open(dir);
    expect(await second.listAnnotations({})).toEqual(closeReadingSet());
  });
});

describe('saving failures', () => {
  it('says where a save failed, keeps the change, and writes it on flush once the disk allows', async () => {
    const dir = await tempDir();
    const library = await open(dir);
    const a = highlight(passage(SOVIET, 0, 5));
    const home = join(dir, 'annotations', 'documents', documentFileName(SOVIET));
    // A folder where the temp file must go makes the write fail, even for root.
    const blocker = join(dir, 'annotations', 'documents', `.${documentFileName(SOVIET)}.${process.pid}.tmp`);
    await mkdir(blocker);
    const result = await dispatch(library, 'putAnnotation', { annotation: a });
    expect(result).toMatchObject({ ok: false, error: { code: 'storage' } });
    if (!result.ok) {
      expect(result.error.message).toBe(
        `Could not save the annotation to ${home}: something else is in the way of the file. Your change is kept in memory and will be saved when writing works again.`,
      );
    }
    expect(await library.listAnnotations({})).toEqual([a]);
    await expect(library.flush()).rejects.toMatchObject({ code: 'storage' });
    await rm(blocker, { recursive: true });
    await library.flush();
    expect(await (await open(dir)).listAnnotations({})).toEqual([a]);
  });
});

describe('deleteAnnotation', () => {
  it('deletes, and answers not-found with the id for an unknown one', async () => {
    const library = await open();
    const a = highlight(passage(SOVIET, 0, 5));
    await library.putAnnotation({ annotation: a });
    expect(await dispatch(library, 'deleteAnnotation', { id: a.id })).toEqual({ ok: true, value: null });
    expect(await library.listAnnotations({})).toEqual([]);
    expect(await dispatch(library, 'deleteAnnotation', { id: a.id })).toEqual({
      ok: false,
      error: { code: 'not-found', message: `There is no annotation "${a.id}".` },
    });
  });
});

describe('annotation notices', () => {
  it('reports an unreadable annotation file through getAppInfo, once, until dismissed', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'annotations', 'documents'), { recursive: true });
    await writeFile(join(dir, 'annotations', 'documents', documentFileName(SOVIET)), 'not json');
    const library = await open(dir);
    const { notices } = await library.getAppInfo();
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toMatch(/soviet-overtures-1939\.json could not be read .*moved to .*\.corrupt-/);
    const again = await open(dir);
    expect((await again.getAppInfo()).notices).toEqual(notices);
    await again.dismissNotice({ id: notices[0]!.id });
    expect((await (await open(dir)).getAppInfo()).notices).toEqual([]);
  });
});

describe('exportAnnotations', () => {
  it('exports everything as one W3C collection whose items carry no context of their own', async () => {
    const library = await open();
    const set = closeReadingSet();
    for (const a of set) await library.putAnnotation({ annotation: a });
    const { files } = await library.exportAnnotations({ format: 'w3c' });
    expect(files.map((f) => [f.name, f.mediaType])).toEqual([['diptych-annotations.jsonld', 'application/ld+json']]);
    const collection = JSON.parse(files[0]!.content);
    expect(collection['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection).toMatchObject({ type: 'AnnotationCollection', label: 'Diptych annotations', total: set.length, first: { type: 'AnnotationPage' } });
    expect(collection.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(collection.first.items).toEqual(set.map(toW3cAnnotation));
    // The W3C form: no empty body, and a lone URI target as a plain string.
    expect(collection.first.items[2]).not.toHaveProperty('body');
    expect(collection.first.items[6].target).toBe('urn:diptych:notebook');
    expect(collection.first.items.every((item: object) => !('@context' in item))).toBe(true);
  });

  it('exports one document’s annotations, links to it included, under a file named after its title', async () => {
    const library = await open();
    for (const a of closeReadingSet()) await library.putAnnotation({ annotation: a });
    const { files } = await library.exportAnnotations({ documentId: LONDON, format: 'w3c' });
    expect(files[0]!.name).toBe('diptych-annotations-londons-dilemma-summer-1939.jsonld');
    const collection = JSON.parse(files[0]!.content);
    expect(collection.label).toBe("Diptych annotations on London's Dilemma, Summer 1939");
    expect(collection.total).toBe(5);
  });

  it('exports Markdown: one file per annotated document and a notebook', async () => {
    const library = await open();
    for (const a of closeReadingSet()) await library.putAnnotation({ annotation: a });
    const all = await library.exportAnnotations({ format: 'markdown' });
    expect(all.files.map((f) => [f.name, f.mediaType])).toEqual([
      ['the-soviet-overtures-of-1939.md', 'text/markdown'],
      ['londons-dilemma-summer-1939.md', 'text/markdown'],
      ['notebook.md', 'text/markdown'],
    ]);
    const one = await library.exportAnnotations({ documentId: SOVIET, format: 'markdown' });
    expect(one.files.map((f) => f.name)).toEqual(['the-soviet-overtures-of-1939.md']);
  });

  it('answers not-found for an unknown document', async () => {
    const library = await open();
    expect(await dispatch(library, 'exportAnnotations', { documentId: 'nope', format: 'w3c' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'There is no document "nope" in the library.' },
    });
  });
});

describe('importAnnotations', () => {
  it('imports an export into an empty library and gives back the same annotations', async () => {
    const source = await open();
    for (const a of closeReadingSet()) await source.putAnnotation({ annotation: a });
    const { files } = await source.exportAnnotations({ format: 'w3c' });
    const target = await open();
    expect(await target.importAnnotations({ content: files[0]!.content, fileName: files[0]!.name })).toEqual({ added: 10, replaced: 0 });
    expect(await target.listAnnotations({})).toEqual(await source.listAnnotations({}));
    const reopened = await open(target.options.dataDir);
    expect(await reopened.listAnnotations({})).toEqual(closeReadingSet());
  });

  it('counts existing ids as replaced and new ones as added', async () => {
    const library = await open();
    const [first, second] = closeReadingSet();
    await library.putAnnotation({ annotation: first! });
    const changed = { ...first!, 'diptych:colour': 'pink' as const };
    expect(await library.importAnnotations({ content: JSON.stringify([changed, second]) })).toEqual({ added: 1, replaced: 1 });
    expect((await library.listAnnotations({}))[0]).toEqual(changed);
  });

  it('imports nothing when one item is bad, and says which item and why', async () => {
    const library = await open();
    const existing = highlight(passage(SOVIET, 0, 5));
    await library.putAnnotation({ annotation: existing });
    const items = [highlight(passage(SOVIET, 1, 2)), note('fine'), highlight(passage('unknown-doc', 0, 3)), note('also fine')];
    const result = await dispatch(library, 'importAnnotations', { content: JSON.stringify(items) });
    expect(result).toEqual({
      ok: false,
      error: { code: 'not-found', message: `Item 3 (${items[2]!.id}) points at "unknown-doc", which is not in the library; nothing was imported.` },
    });
    expect(await library.listAnnotations({})).toEqual([existing]);
    const reopened = await open(library.options.dataDir);
    expect(await reopened.listAnnotations({})).toEqual([existing]);
  });

  it('refuses an item that is not a valid annotation, naming the field', async () => {
    const library = await open();
    const broken = { ...note('on nothing'), target: [] };
    const result = await dispatch(library, 'importAnnotations', { content: JSON.stringify({ type: 'AnnotationPage', items: [note('ok'), broken] }) });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: `Item 2 (${broken.id}) is not a valid Diptych annotation (target: an annotation needs at least one target); nothing was imported.` },
    });
  });

  it('refuses a file that is not JSON', async () => {
    const library = await open();
    const result = await dispatch(library, 'importAnnotations', { content: 'hello', fileName: 'notes.jsonld' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^This file is not JSON: .+\. Nothing was imported\.$/);
    const markdown = await dispatch(library, 'importAnnotations', { content: '# Notes', fileName: 'notes.md' });
    expect(markdown.ok).toBe(false);
    if (!markdown.ok) expect(markdown.error.message).toMatch(/Markdown exports are for reading; import the \.jsonld export instead\. Nothing was imported\.$/);
  });

  it('refuses JSON of the wrong shape with a specific message', async () => {
    const library = await open();
    expect(await dispatch(library, 'importAnnotations', { content: '{"type":"Person","name":"Ada"}' })).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'This file is not a W3C annotation export: Diptych expects an AnnotationCollection, an AnnotationPage or a JSON array of annotations, and this is an object of type "Person". Nothing was imported.',
      },
    });
  });

  it('accepts an annotation with its own @context, as another tool may write it', async () => {
    const library = await open();
    const a = highlight(passage(SOVIET, 0, 5));
    const withContext = { '@context': 'http://www.w3.org/ns/anno.jsonld', ...a };
    expect(await library.importAnnotations({ content: JSON.stringify([withContext]) })).toEqual({ added: 1, replaced: 0 });
    expect(await library.listAnnotations({})).toEqual([a]);
  });
});
