import { beforeAll, describe, expect, it } from 'vitest';
import { annotation, ANNOTATION_CONTEXT, pdfPageOf, storedAnnotationShape, textSelectorsOf, type Annotation, type PassageTarget } from '../../../electron/api/annotation-schema';
import { describePassage } from '../../../electron/core/anchoring';
import { readAnnotationExport } from '../../../electron/core/export/read-annotation-export';
import { toMarkdownFiles } from '../../../electron/core/export/to-markdown';
import { toW3cExportFile } from '../../../electron/core/export/to-w3c-collection';
import { newHighlight, newLink, newNote, passageTarget } from '../../../renderer/src/annotations/annotation-factory';
import { AnchorResolver } from '../../../renderer/src/annotations/document-anchors';
import { marksOnPage, storedRectsOf } from '../../../renderer/src/pdf/pdf-marks';
import { DecorationIndex } from '../../../renderer/src/annotations/decorations';
import { FindMatches } from '../../../renderer/src/reader/find-highlights';
import { closeReadingSet, passage, SOVIET } from '../../fixtures/annotations/factory';
import { W3cValidator } from '../core/export/w3c-validator';

const PDF = 'chronology-1939';
const TEXT = 'A chronology of the talks\nPage 1 of 2\n\nMay 1939\nStalin dismisses Maxim Litvinov.\nPage 2 of 2';
const at = (quote: string) => {
  const start = TEXT.indexOf(quote);
  return describePassage(TEXT, start, start + quote.length);
};
const RECTS = [
  { page: 2, x: 72, y: 700.5, w: 180.25, h: 12 },
  { page: 2, x: 72, y: 686.5, w: 40, h: 12 },
];
const pdfPassage = (quote: string, page: number, rects?: typeof RECTS) => passageTarget(PDF, at(quote), rects ? { page, rects } : { page });

type Json = Record<string, unknown>;

describe('a PDF passage in the W3C model', () => {
  it('keeps quote and position first, then the page (RFC 3778), and its rectangles beside them', () => {
    const target = pdfPassage('Stalin dismisses', 2, RECTS);
    expect(target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector', 'FragmentSelector']);
    expect(target.selector[2]).toEqual({ type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: 'page=2' });
    expect(target['diptych:rects']).toEqual(RECTS);
    expect(pdfPageOf(target)).toBe(2);
    expect(textSelectorsOf(target)).toEqual(at('Stalin dismisses'));
    expect(annotation.safeParse(newHighlight(target, 'blue')).success).toBe(true);
    // A passage measured on no text layer has its page and no rectangles.
    expect(pdfPassage('May 1939', 2)).not.toHaveProperty('diptych:rects');
  });

  it('leaves a text passage exactly as before: two selectors and nothing else', () => {
    const target = passageTarget(SOVIET, describePassage('In August 1939, a pact', 3, 9));
    expect(Object.keys(target)).toEqual(['type', 'source', 'selector']);
    expect(target.selector).toHaveLength(2);
    expect(pdfPageOf(target)).toBeNull();
    for (const stored of closeReadingSet()) expect(annotation.safeParse(stored).success).toBe(true);
  });

  it('refuses what Diptych never writes: a second page selector, another fragment syntax, page 0, rectangles without a page, odd numbers', () => {
    const good = pdfPassage('Stalin dismisses', 2, RECTS);
    const bad: Array<(t: Json) => Json> = [
      (t) => ({ ...t, selector: [...(t.selector as unknown[]), (t.selector as unknown[])[2]] }),
      (t) => ({ ...t, selector: [(t.selector as unknown[])[0], (t.selector as unknown[])[1], { type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: 'xywh=1,2,3,4' }] }),
      (t) => ({ ...t, selector: [(t.selector as unknown[])[0], (t.selector as unknown[])[1], { type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: 'page=0' }] }),
      (t) => ({ ...t, selector: (t.selector as unknown[]).slice(0, 2) }),
      (t) => ({ ...t, selector: [(t.selector as unknown[])[2], (t.selector as unknown[])[0], (t.selector as unknown[])[1]] }),
      (t) => ({ ...t, 'diptych:rects': [{ page: 2, x: 1, y: 2, w: -3, h: 4 }] }),
      (t) => ({ ...t, 'diptych:rects': [{ page: 2, x: 1, y: 2, w: 3, h: 4, colour: 'red' }] }),
    ];
    for (const change of bad) {
      const broken = { ...newHighlight(good, 'blue'), target: [change(good as unknown as Json)] };
      expect(annotation.safeParse(broken).success).toBe(false);
    }
  });

  it('keeps its rectangles when the renderer checks a bulk answer', () => {
    const highlight = newHighlight(pdfPassage('Stalin dismisses', 2, RECTS), 'pink');
    const checked = storedAnnotationShape.parse(JSON.parse(JSON.stringify(highlight))) as Annotation;
    expect((checked.target[0] as PassageTarget)['diptych:rects']).toEqual(RECTS);
  });

  it('is anchored by its quote and position like any passage', () => {
    const highlight = newHighlight(pdfPassage('Stalin dismisses', 2, RECTS), 'yellow');
    const anchors = new AnchorResolver().anchor(PDF, TEXT, [highlight]);
    expect(anchors.passages.get(highlight.id)).toEqual([{ annotationId: highlight.id, targetIndex: 0, start: TEXT.indexOf('Stalin'), end: TEXT.indexOf('Stalin') + 16 }]);
  });
});

describe('what a PDF page draws', () => {
  const highlight = newHighlight(pdfPassage('Stalin dismisses', 2, RECTS), 'yellow');

  it('takes the stored rectangles only while the passage is where they were stored', () => {
    const start = TEXT.indexOf('Stalin');
    expect(storedRectsOf(highlight, PDF, start, start + 16)).toEqual(RECTS);
    expect(storedRectsOf(highlight, PDF, start + 1, start + 17)).toBeUndefined();
    expect(storedRectsOf(highlight, 'another', start, start + 16)).toBeUndefined();
    expect(storedRectsOf(undefined, PDF, start, start + 16)).toBeUndefined();
  });

  it('is the decorations and find matches on that page, the current match told apart', () => {
    const start = TEXT.indexOf('Stalin');
    const decorations = new DecorationIndex([{ start, end: start + 16, id: highlight.id, kind: 'highlight', colour: 'yellow', order: 1 }]);
    const page2 = { pageNumber: 2, start: TEXT.indexOf('May'), end: TEXT.length };
    const matches = new FindMatches(Int32Array.from([0, start]), Int32Array.from([1, start + 6]));
    const marks = marksOnPage(page2, decorations, { matches, current: 1 });
    expect(marks.map((m) => [m.kind, m.id, m.start])).toEqual([
      ['highlight', highlight.id, start],
      ['find-current', '', start],
    ]);
    expect(marksOnPage({ pageNumber: 1, start: 0, end: 10 }, decorations, null)).toEqual([]);
  });
});

describe('exporting PDF annotations', () => {
  let validator: W3cValidator;
  beforeAll(() => {
    validator = new W3cValidator();
  });
  const ids = { collectionId: 'urn:uuid:6f1c2d3e-4b5a-4c6d-9e8f-a0b1c2d3e4f5', pageId: 'urn:uuid:7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' };
  const set = (): Annotation[] => [
    newHighlight(pdfPassage('Stalin dismisses', 2, RECTS), 'green'),
    newNote('# Cover\n\nThe title page.', [pdfPassage('A chronology', 1)]),
    newLink([passage(SOVIET, 0, 9, 'Share Thi'), pdfPassage('Maxim Litvinov', 2, [{ page: 2, x: 150, y: 700.5, w: 60, h: 12 }])], 'Who went.'),
  ];

  it('declares the rectangles as a JSON literal in the context', () => {
    expect(ANNOTATION_CONTEXT[1]).toMatchObject({ 'diptych:rects': { '@type': '@json' } });
  });

  it('passes every annotation MUST of the W3C test suite', () => {
    const collection = JSON.parse(toW3cExportFile(set(), ids).content) as Json;
    const items = (collection.first as Json).items as Json[];
    expect(items).toHaveLength(3);
    for (const item of items) expect({ id: item.id, failures: validator.checkAnnotation(item, collection['@context']) }).toEqual({ id: item.id, failures: [] });
    expect(validator.checkCollection(collection)).toEqual([]);
  });

  it('imports back to the same annotations, page selectors and rectangles included', () => {
    const annotations = set();
    const read = readAnnotationExport(toW3cExportFile(annotations, ids).content);
    expect(read).toEqual({ ok: true, annotations });
  });

  it('names the page of a PDF passage in Markdown', () => {
    const library = [
      { id: PDF, title: 'A chronology' },
      { id: SOVIET, title: 'The Soviet Overtures of 1939' },
    ];
    const [pdfFile, textFile] = toMarkdownFiles({ annotations: set(), documents: library, library, includeNotebook: false });
    expect(pdfFile!.content).toContain('**Highlight** · green · page 2');
    expect(pdfFile!.content).toContain('**Note** · page 1');
    expect(textFile!.content).toContain('→ Linked to *A chronology*, page 2:');
  });
});
