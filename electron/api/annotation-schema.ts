/**
 * Diptych's annotations, stored and exchanged as W3C Web Annotations
 * (https://www.w3.org/TR/annotation-model/). What Diptych adds of its own
 * is two extension properties, declared in the export's JSON-LD context:
 * `diptych:colour` on an annotation, and `diptych:rects` on a PDF passage.
 *
 * - A highlight: motivation `highlighting`, one passage target, a colour,
 *   and optional tag bodies.
 * - A note: motivation `commenting`, a Markdown body, and zero or more
 *   passage targets (a note with no passage targets the notebook).
 * - A cross-link: motivation `linking`, two or more passage targets in
 *   different documents (or the same one), and an optional Markdown body
 *   explaining it.
 *
 * A passage of a PDF is described like any other (quote and position over
 * the document's extracted text, see docs/PDF-TEXT.md) and may add, after
 * those two, a FragmentSelector naming the page it starts on (RFC 3778,
 * `page=N`) and, as `diptych:rects`, where its words lie on each page, so a
 * viewer can draw it before reading the page's text.
 */
import { z } from 'zod';

/** Largest note body, in UTF-16 code units (about 1 MB of text). */
export const MAX_NOTE_BODY_LENGTH = 1_000_000;
/** Characters of context kept before and after a quote. */
export const QUOTE_CONTEXT_LENGTH = 32;

export const HIGHLIGHT_COLOURS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export const highlightColour = z.enum(HIGHLIGHT_COLOURS);
export type HighlightColour = z.infer<typeof highlightColour>;

/** The JSON-LD context of every exported annotation. */
export const ANNOTATION_CONTEXT = [
  'http://www.w3.org/ns/anno.jsonld',
  {
    diptych: 'https://diptych.invalid/ns#',
    'diptych:colour': { '@type': 'http://www.w3.org/2001/XMLSchema#string' },
    // A JSON literal (JSON-LD 1.1): the rectangles are data for a viewer, not statements about the passage.
    'diptych:rects': { '@type': '@json' },
  },
] as const;

/** The stable URI of a library document; annotations point at documents through it. */
export const DOCUMENT_URI_PREFIX = 'urn:diptych:document:';
/** What a note with no passage targets: the user's notebook. */
export const NOTEBOOK_URI = 'urn:diptych:notebook';

export const documentUri = z
  .string()
  .regex(/^urn:diptych:document:[A-Za-z0-9._-]{1,200}$/, 'a document URI is urn:diptych:document:<id>');

export const annotationId = z
  .string()
  .regex(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'an annotation id is urn:uuid:<uuid>');
export type AnnotationId = z.infer<typeof annotationId>;

export const textQuoteSelector = z
  .object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string().min(1, 'a quote cannot be empty').max(MAX_NOTE_BODY_LENGTH),
    prefix: z.string().max(QUOTE_CONTEXT_LENGTH),
    suffix: z.string().max(QUOTE_CONTEXT_LENGTH),
  })
  .strict();
export type TextQuoteSelector = z.infer<typeof textQuoteSelector>;

export const textPositionSelector = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .strict()
  .refine((s) => s.start < s.end, 'a position selector must have start < end');
export type TextPositionSelector = z.infer<typeof textPositionSelector>;

/** What a PDF page selector conforms to: the `application/pdf` fragment identifiers of RFC 3778. */
export const PDF_FRAGMENT_SPEC = 'http://tools.ietf.org/rfc/rfc3778';
/** The most pages a PDF passage may name (far beyond any real PDF; it bounds what an import can hold). */
export const MAX_PDF_PAGE = 1_000_000;

/** The page a PDF passage starts on, as W3C and RFC 3778 spell it: `page=N`, counted from 1. */
export const pdfPageSelector = z
  .object({
    type: z.literal('FragmentSelector'),
    conformsTo: z.literal(PDF_FRAGMENT_SPEC),
    value: z.string().regex(/^page=[1-9][0-9]{0,6}$/, 'a PDF page selector is page=N'),
  })
  .strict()
  .refine((s) => Number(s.value.slice(5)) <= MAX_PDF_PAGE, 'a PDF page selector names a page up to 1,000,000');
export type PdfPageSelector = z.infer<typeof pdfPageSelector>;

/**
 * One rectangle of a PDF passage on one page, in the page's PDF user space
 * (unrotated, y up, as the page's /MediaBox counts): (x, y) is the lower
 * left corner, w and h the width and height.
 */
export const pdfRect = z
  .object({
    page: z.number().int().min(1).max(MAX_PDF_PAGE),
    x: z.number().finite(),
    y: z.number().finite(),
    w: z.number().finite().nonnegative(),
    h: z.number().finite().nonnegative(),
  })
  .strict();
export type PdfRect = z.infer<typeof pdfRect>;

/** Most rectangles one passage may carry (a long passage has one per line). */
export const MAX_PDF_RECTS = 10_000;

/**
 * A passage of a document: always both a quote and a position, so either
 * can re-find it, in that order (anchoring reads `selector[0]` and
 * `selector[1]`). A PDF passage may add its page selector after them, and
 * its rectangles; annotations made before PDFs had exactly the two.
 */
export const passageTarget = z
  .object({
    type: z.literal('SpecificResource'),
    source: documentUri,
    selector: z.tuple([textQuoteSelector, textPositionSelector], pdfPageSelector).refine((s) => s.length <= 3, 'a passage has at most one page selector'),
    'diptych:rects': z.array(pdfRect).max(MAX_PDF_RECTS).optional(),
  })
  .strict()
  .refine((t) => t['diptych:rects'] === undefined || t.selector.length === 3, "a passage's rectangles come with its page selector");
export type PassageTarget = z.infer<typeof passageTarget>;

export const annotationTarget = z.union([passageTarget, z.literal(NOTEBOOK_URI)]);
export type AnnotationTarget = z.infer<typeof annotationTarget>;

export const markdownBody = z
  .object({
    type: z.literal('TextualBody'),
    purpose: z.literal('commenting'),
    format: z.literal('text/markdown'),
    value: z.string().max(MAX_NOTE_BODY_LENGTH, 'a note is at most 1 MB of text'),
  })
  .strict();
export type MarkdownBody = z.infer<typeof markdownBody>;

export const tagBody = z
  .object({
    type: z.literal('TextualBody'),
    purpose: z.literal('tagging'),
    value: z.string().trim().min(1, 'a tag cannot be empty').max(100, 'a tag is at most 100 characters'),
  })
  .strict();
export type TagBody = z.infer<typeof tagBody>;

export const annotationBody = z.union([markdownBody, tagBody]);
export type AnnotationBody = z.infer<typeof annotationBody>;

export const annotationMotivation = z.enum(['highlighting', 'commenting', 'linking']);
export type AnnotationMotivation = z.infer<typeof annotationMotivation>;

const isoDate = z.iso.datetime({ offset: true });

/** One annotation as Diptych stores it (the export adds `@context`). */
export const annotation = z
  .object({
    id: annotationId,
    type: z.literal('Annotation'),
    motivation: annotationMotivation,
    created: isoDate,
    modified: isoDate,
    body: z.array(annotationBody).max(200),
    target: z.array(annotationTarget).min(1, 'an annotation needs at least one target').max(100),
    'diptych:colour': highlightColour.optional(),
  })
  .strict()
  .superRefine((a, ctx) => {
    const passages = a.target.filter((t) => t !== NOTEBOOK_URI);
    const comments = a.body.filter((b) => b.purpose === 'commenting');
    if (comments.length > 1) ctx.addIssue({ code: 'custom', message: 'an annotation has at most one Markdown body', path: ['body'] });
    if (a.motivation === 'highlighting' && (passages.length !== 1 || a.target.length !== 1)) {
      ctx.addIssue({ code: 'custom', message: 'a highlight has exactly one passage target', path: ['target'] });
    }
    if (a.motivation === 'highlighting' && !a['diptych:colour']) {
      ctx.addIssue({ code: 'custom', message: 'a highlight has a colour', path: ['diptych:colour'] });
    }
    if (a.motivation === 'linking' && (passages.length < 2 || passages.length !== a.target.length)) {
      ctx.addIssue({ code: 'custom', message: 'a link joins at least two passages', path: ['target'] });
    }
    if (a.motivation === 'commenting' && comments.length !== 1) {
      ctx.addIssue({ code: 'custom', message: 'a note has one Markdown body', path: ['body'] });
    }
    if (a.motivation === 'commenting' && a.target.includes(NOTEBOOK_URI) && a.target.length !== 1) {
      ctx.addIssue({ code: 'custom', message: 'a note targets passages or the notebook, not both', path: ['target'] });
    }
  });
export type Annotation = z.infer<typeof annotation>;

/**
 * The shape a renderer checks on bulk answers (thousands of annotations):
 * the host validated each annotation in full when it was written and again
 * when its file was loaded, so a second deep pass would only cost start-up
 * time (about half a second for 10,000 on a cold page).
 */
export const storedAnnotationShape = z
  .object({
    id: annotationId,
    type: z.literal('Annotation'),
    motivation: annotationMotivation,
    created: z.string(),
    modified: z.string(),
    body: z.array(z.object({ type: z.literal('TextualBody'), purpose: z.enum(['commenting', 'tagging']), value: z.string() }).loose()),
    target: z.array(z.union([z.literal(NOTEBOOK_URI), z.object({ type: z.literal('SpecificResource'), source: z.string(), selector: z.array(z.object({ type: z.string() }).loose()).min(2).max(3) }).loose()])),
  })
  .loose() as unknown as z.ZodType<Annotation>;

/** The document id inside a document URI. */
export function documentIdOfUri(uri: string): string {
  return uri.slice(DOCUMENT_URI_PREFIX.length);
}

/** The URI of a document id. */
export function uriOfDocument(id: string): string {
  return `${DOCUMENT_URI_PREFIX}${id}`;
}

/** The quote and position of a passage: what anchoring reads, whatever else the passage carries. */
export function textSelectorsOf(target: PassageTarget): readonly [TextQuoteSelector, TextPositionSelector] {
  return [target.selector[0], target.selector[1]];
}

/** The page a PDF passage starts on (from its page selector), or null for a passage of a text. */
export function pdfPageOf(target: PassageTarget): number | null {
  const page = target.selector[2];
  return page ? Number(page.value.slice('page='.length)) : null;
}

/** The passage targets of an annotation (not the notebook). */
export function passagesOf(a: Pick<Annotation, 'target'>): PassageTarget[] {
  return a.target.filter((t): t is PassageTarget => t !== NOTEBOOK_URI);
}

/** The Markdown text of a note or link, or '' when it has none. */
export function markdownOf(a: Pick<Annotation, 'body'>): string {
  for (const b of a.body) if (b.purpose === 'commenting') return b.value;
  return '';
}

/** The tags of an annotation. */
export function tagsOf(a: Pick<Annotation, 'body'>): string[] {
  return a.body.filter((b): b is TagBody => b.purpose === 'tagging').map((b) => b.value);
}

/**
 * A note's title: its first non-empty line without Markdown heading marks,
 * so `[[Title]]` mentions work without a separate title field.
 */
export function noteTitle(markdown: string): string {
  for (const line of markdown.split('\n')) {
    const title = line.replace(/^\s{0,3}#{1,6}\s+/, '').trim();
    if (title) return title.slice(0, 200);
  }
  return 'Untitled note';
}
