import { beforeAll, describe, expect, it } from 'vitest';
import { toW3cAnnotation, toW3cExportFile } from '../../../../electron/core/export/to-w3c-collection';
import { closeReadingSet, highlight, passage, SOVIET } from '../../../fixtures/annotations/factory';
import { W3cValidator } from './w3c-validator';

type JsonObject = Record<string, unknown>;

const ids = { collectionId: 'urn:uuid:6f1c2d3e-4b5a-4c6d-9e8f-a0b1c2d3e4f5', pageId: 'urn:uuid:7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' };

let validator: W3cValidator;
beforeAll(() => {
  validator = new W3cValidator();
});

/** The export exactly as a file would hold it. */
function exported(): { collection: JsonObject; page: JsonObject; items: JsonObject[] } {
  const file = toW3cExportFile(closeReadingSet(), ids);
  const collection = JSON.parse(file.content) as JsonObject;
  const page = collection.first as JsonObject;
  return { collection, page, items: page.items as JsonObject[] };
}

describe('the W3C test suite', () => {
  it('has the MUST assertions HOW-TO-VALIDATE.md lists', () => {
    expect(validator.annotationMusts).toHaveLength(54);
    expect(validator.collectionMusts).toHaveLength(10);
    expect(validator.pageMusts).toHaveLength(15);
  });
});

describe('a Diptych W3C export', () => {
  it('covers the realistic set: five colours with tags, a two-document note, a notebook note, links with and without a body', () => {
    const { items } = exported();
    expect(new Set(items.map((a) => a['diptych:colour']).filter(Boolean))).toEqual(new Set(['yellow', 'green', 'blue', 'pink', 'purple']));
    expect(items.filter((a) => a.motivation === 'linking').map((a) => ((a.body as unknown[] | undefined) ?? []).length).sort()).toEqual([0, 1]);
    expect(items.some((a) => a.target === 'urn:diptych:notebook')).toBe(true);
    const twoDocumentNote = items.find((a) => a.motivation === 'commenting' && Array.isArray(a.target) && a.target.length === 2) as { target: Array<{ source: string }> };
    expect(new Set(twoDocumentNote.target.map((t) => t.source)).size).toBe(2);
  });

  it('passes every annotation MUST for every annotation, with the context it inherits from the collection', () => {
    const { collection, items } = exported();
    expect(items).toHaveLength(10);
    for (const item of items) {
      expect(item['@context']).toBeUndefined();
      expect({ id: item.id, failures: validator.checkAnnotation(item, collection['@context']) }).toEqual({ id: item.id, failures: [] });
    }
  });

  it('passes every collection MUST', () => {
    expect(validator.checkCollection(exported().collection)).toEqual([]);
  });

  it('passes every page MUST for the embedded page', () => {
    const { collection, page } = exported();
    expect(page['@context']).toBeUndefined();
    expect(page.partOf).toBe(ids.collectionId);
    expect(validator.checkPage(page, collection['@context'])).toEqual([]);
  });

  it('passes the collection MUSTs when empty, with no page at all', () => {
    const collection = JSON.parse(toW3cExportFile([], ids).content) as JsonObject;
    expect(collection.first).toBeUndefined();
    expect(collection.total).toBe(0);
    expect(validator.checkCollection(collection)).toEqual([]);
  });
});

describe('the validator', () => {
  const good = () => JSON.parse(JSON.stringify(toW3cAnnotation(highlight(passage(SOVIET, 0, 5))))) as JsonObject;

  it('accepts a stand-alone annotation with the right context', () => {
    expect(validator.checkAnnotation({ '@context': 'http://www.w3.org/ns/anno.jsonld', ...good() })).toEqual([]);
  });

  it('catches the https form of the context', () => {
    const failures = validator.checkAnnotation({ '@context': 'https://www.w3.org/ns/anno.jsonld', ...good() });
    expect(failures.map((f) => f.path)).toContain('annotations/3.1-annotationContextValidated.json');
  });

  it('catches an annotation with no context at all, as an embedded item would be without inheritance', () => {
    expect(validator.checkAnnotation(good()).map((f) => f.path)).toEqual(['annotations/3.1-annotationContextValidated.json']);
  });

  it('catches a missing target', () => {
    const { target: _target, ...noTarget } = good();
    const failures = validator.checkAnnotation(noTarget, 'http://www.w3.org/ns/anno.jsonld');
    expect(failures.map((f) => f.path)).toContain('annotations/3.1-targetKeyFound.json');
    expect(failures.find((f) => f.path.endsWith('3.1-targetKeyFound.json'))!.errorMessage).toMatch(/missing target/);
  });

  it('catches a collection whose total says it has annotations but has no first page', () => {
    const { first: _first, ...collection } = exported().collection;
    expect(validator.checkCollection(collection).map((f) => f.path)).toEqual(['collections/5.1-collectionFirstValidated.json']);
  });

  it('catches the array forms the export avoids: an empty body, and a lone URI target in an array', () => {
    const withEmptyBody = { ...good(), body: [] };
    expect(validator.checkAnnotation(withEmptyBody, 'http://www.w3.org/ns/anno.jsonld').length).toBeGreaterThan(0);
    const notebookInArray = { ...good(), motivation: 'commenting', target: ['urn:diptych:notebook'] };
    expect(validator.checkAnnotation(notebookInArray, 'http://www.w3.org/ns/anno.jsonld').length).toBeGreaterThan(0);
  });

  it('catches a page without an id', () => {
    const { collection, page } = exported();
    const { id: _id, ...noId } = page;
    expect(validator.checkPage(noId, collection['@context']).map((f) => f.path)).toContain('collections/pages/5.2-pageIdValidated.json');
  });
});
