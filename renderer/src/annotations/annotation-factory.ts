/**
 * Builds and edits annotations the way the reader makes them. Every edit
 * returns a new object that shares its unchanged parts (targets above all),
 * so anchoring results cached per passage stay valid.
 */
import {
  NOTEBOOK_URI,
  PDF_FRAGMENT_SPEC,
  passagesOf,
  uriOfDocument,
  type Annotation,
  type AnnotationBody,
  type HighlightColour,
  type PassageTarget,
  type PdfPageSelector,
  type PdfRect,
  type TextPositionSelector,
  type TextQuoteSelector,
} from '../../../electron/api/annotation-schema';

/** A new annotation id (`urn:uuid:…`). */
export function newAnnotationId(): string {
  return `urn:uuid:${crypto.randomUUID()}`;
}

function now(): string {
  return new Date().toISOString();
}

/** Where a PDF passage lies: the page it starts on, and its rectangles when every page it covers was on screen. */
export interface PdfPlacement {
  page: number;
  rects?: readonly PdfRect[];
}

/** The page selector of a PDF passage starting on `page` (RFC 3778). */
export function pdfPageSelector(page: number): PdfPageSelector {
  return { type: 'FragmentSelector', conformsTo: PDF_FRAGMENT_SPEC, value: `page=${page}` };
}

/**
 * A passage target from a document id and its selectors (from
 * describePassage); a PDF passage adds its page selector after them, and
 * its rectangles.
 */
export function passageTarget(documentId: string, selectors: readonly [TextQuoteSelector, TextPositionSelector], pdf?: PdfPlacement): PassageTarget {
  const source = uriOfDocument(documentId);
  if (!pdf) return { type: 'SpecificResource', source, selector: [selectors[0], selectors[1]] };
  const target: PassageTarget = { type: 'SpecificResource', source, selector: [selectors[0], selectors[1], pdfPageSelector(pdf.page)] };
  if (pdf.rects && pdf.rects.length > 0) target['diptych:rects'] = pdf.rects.map((r) => ({ ...r }));
  return target;
}

function markdownBody(value: string): AnnotationBody {
  return { type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value };
}

function base(motivation: Annotation['motivation'], target: Annotation['target'], body: AnnotationBody[]): Annotation {
  const stamp = now();
  return { id: newAnnotationId(), type: 'Annotation', motivation, created: stamp, modified: stamp, body, target };
}

/** A highlight of one passage. */
export function newHighlight(target: PassageTarget, colour: HighlightColour): Annotation {
  return { ...base('highlighting', [target], []), 'diptych:colour': colour };
}

/** A note on passages, or on the notebook when there are none. */
export function newNote(markdown: string, targets: readonly PassageTarget[]): Annotation {
  return base('commenting', targets.length > 0 ? [...targets] : [NOTEBOOK_URI], [markdownBody(markdown)]);
}

/** A link joining passages, with an optional explanation. */
export function newLink(targets: readonly PassageTarget[], markdown = ''): Annotation {
  return base('linking', [...targets], markdown ? [markdownBody(markdown)] : []);
}

function touched(annotation: Annotation, changes: Partial<Annotation>): Annotation {
  return { ...annotation, ...changes, modified: now() };
}

/** `annotation` in another colour. */
export function withColour(annotation: Annotation, colour: HighlightColour): Annotation {
  return touched(annotation, { 'diptych:colour': colour });
}

/** `annotation` with exactly these tags (trimmed, without blanks or repeats). */
export function withTags(annotation: Annotation, tags: readonly string[]): Annotation {
  const clean: string[] = [];
  for (const tag of tags) {
    const value = tag.trim().slice(0, 100);
    if (value && !clean.some((t) => t.toLowerCase() === value.toLowerCase())) clean.push(value);
  }
  const others = annotation.body.filter((b) => b.purpose !== 'tagging');
  return touched(annotation, { body: [...others, ...clean.map((value): AnnotationBody => ({ type: 'TextualBody', purpose: 'tagging', value }))] });
}

/** `annotation` with its Markdown body set; a link or highlight with an empty text loses the body. */
export function withMarkdown(annotation: Annotation, markdown: string): Annotation {
  const tags = annotation.body.filter((b) => b.purpose === 'tagging');
  const keep = annotation.motivation === 'commenting' || markdown !== '';
  return touched(annotation, { body: keep ? [markdownBody(markdown), ...tags] : tags });
}

/** `annotation` with one more passage (a notebook note becomes a note on that passage). */
export function withPassageAdded(annotation: Annotation, target: PassageTarget): Annotation {
  return touched(annotation, { target: [...passagesOf(annotation), target] });
}

/** `annotation` without its passage at `index`; a note left with none goes back to the notebook. */
export function withPassageRemoved(annotation: Annotation, index: number): Annotation {
  const rest = annotation.target.filter((_, i) => i !== index);
  return touched(annotation, { target: rest.length > 0 ? rest : [NOTEBOOK_URI] });
}

/** `annotation` with its passage at `index` replaced (re-attached to where it belongs now). */
export function withPassageReplaced(annotation: Annotation, index: number, target: PassageTarget): Annotation {
  return touched(annotation, { target: annotation.target.map((t, i) => (i === index ? target : t)) });
}

/** Whether an annotation can keep one fewer passage (a link needs two, a highlight one). */
export function canRemovePassage(annotation: Annotation): boolean {
  const count = passagesOf(annotation).length;
  if (annotation.motivation === 'linking') return count > 2;
  if (annotation.motivation === 'highlighting') return false;
  return count > 0;
}

