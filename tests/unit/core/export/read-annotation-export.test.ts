import { describe, expect, it } from 'vitest';
import { readAnnotationExport } from '../../../../electron/core/export/read-annotation-export';
import { toW3cAnnotation, toW3cExportFile } from '../../../../electron/core/export/to-w3c-collection';
import { closeReadingSet, highlight, note, passage, SOVIET } from '../../../fixtures/annotations/factory';

const ids = { collectionId: 'urn:uuid:6f1c2d3e-4b5a-4c6d-9e8f-a0b1c2d3e4f5', pageId: 'urn:uuid:7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' };

function refusal(content: string): string {
  const result = readAnnotationExport(content);
  if (result.ok) throw new Error('expected a refusal');
  return result.message;
}

describe('readAnnotationExport', () => {
  it('reads back exactly what the W3C export wrote', () => {
    const set = closeReadingSet();
    expect(readAnnotationExport(toW3cExportFile(set, ids).content)).toEqual({ ok: true, annotations: set });
  });

  it('follows pages embedded through next', () => {
    const [a, b, c] = closeReadingSet().map(toW3cAnnotation);
    const collection = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: ids.collectionId,
      type: 'AnnotationCollection',
      total: 3,
      first: { id: 'urn:x:p1', type: 'AnnotationPage', items: [a], next: { id: 'urn:x:p2', type: 'AnnotationPage', items: [b, c] } },
    };
    const result = readAnnotationExport(JSON.stringify(collection));
    expect(result.ok && result.annotations.map((x) => x.id)).toEqual([a!.id, b!.id, c!.id]);
  });

  it('reads a single page, a plain array, one annotation, and an empty collection', () => {
    const a = highlight(passage(SOVIET, 0, 5));
    expect(readAnnotationExport(JSON.stringify({ type: 'AnnotationPage', items: [a] }))).toEqual({ ok: true, annotations: [a] });
    expect(readAnnotationExport(JSON.stringify([a]))).toEqual({ ok: true, annotations: [a] });
    expect(readAnnotationExport(JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', ...a }))).toEqual({ ok: true, annotations: [a] });
    expect(readAnnotationExport(JSON.stringify({ type: 'AnnotationCollection', total: 0 }))).toEqual({ ok: true, annotations: [] });
  });

  it('accepts a body or target written as one value instead of an array, and a missing body', () => {
    const a = note('text', [passage(SOVIET, 0, 5)]);
    const loose = { ...a, body: a.body[0], target: a.target[0] };
    expect(readAnnotationExport(JSON.stringify([loose]))).toEqual({ ok: true, annotations: [a] });
    const bare = highlight(passage(SOVIET, 0, 5));
    const { body: _body, ...noBody } = bare;
    expect(readAnnotationExport(JSON.stringify([noBody]))).toEqual({ ok: true, annotations: [bare] });
  });

  it('refuses text that is not JSON, giving the parser’s reason', () => {
    expect(refusal('{"type": ')).toMatch(/^This file is not JSON: .*JSON.*\. Nothing was imported\.$/);
  });

  it('refuses JSON of another shape, saying what it found', () => {
    expect(refusal('"hello"')).toContain('and this is a string.');
    expect(refusal('null')).toContain('and this is null.');
    expect(refusal('{"items": []}')).toContain('and this is an object without a type.');
    expect(refusal('{"type": "Person"}')).toContain('and this is an object of type "Person".');
  });

  it('refuses pages it cannot read: named only by address, or without items', () => {
    expect(refusal(JSON.stringify({ type: 'AnnotationCollection', total: 2, first: 'https://example.org/page1' }))).toBe(
      'The collection names its first page by address (https://example.org/page1) instead of including it; Diptych imports only files that hold every page. Nothing was imported.',
    );
    expect(refusal(JSON.stringify({ type: 'AnnotationPage', items: [], next: 'https://example.org/page2' }))).toMatch(/^Page 1 names its next page by address/);
    expect(refusal(JSON.stringify({ type: 'AnnotationPage', items: [], next: { type: 'AnnotationPage' } }))).toBe('Page 2 of the collection has no "items" list. Nothing was imported.');
    expect(refusal(JSON.stringify({ type: 'AnnotationCollection', total: 4 }))).toMatch(/holds 4 annotations but includes no page/);
  });

  it('refuses the whole file for one bad item, naming it by position and id', () => {
    const good = highlight(passage(SOVIET, 0, 5));
    const bad = { ...highlight(passage(SOVIET, 0, 5)), 'diptych:colour': 'orange' };
    expect(refusal(JSON.stringify([good, bad]))).toMatch(new RegExp(`^Item 2 \\(${bad.id}\\) is not a valid Diptych annotation \\(diptych:colour: .*\\); nothing was imported\\.$`));
    expect(refusal(JSON.stringify([good, 'urn:uuid:1']))).toBe('Item 2 is a reference (urn:uuid:1), not an annotation; nothing was imported.');
    expect(refusal(JSON.stringify([42]))).toBe('Item 1 is a number, not an annotation; nothing was imported.');
    expect(refusal(JSON.stringify([good, note('x'), good]))).toBe(`Item 3 (${good.id}) has the same id as item 1; nothing was imported.`);
  });
});
