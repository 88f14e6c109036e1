/**
 * What an imported text, Markdown or HTML file becomes: one plain `text`,
 * which every anchor, search hit and highlight offset refers to, plus
 * `structure`, spans over that text that say how to draw it. The original
 * markup is never kept or shown, so nothing in it can run.
 *
 * The shape of `text`:
 * - Blocks (headings, paragraphs, list items, code blocks, table rows) are
 *   separated by one blank line ("\n\n"), so `segmentText` never puts two
 *   blocks in one render block. A block's content starts and ends with a
 *   visible character (a code block may start with its indentation), so its
 *   span starts where the render block's content starts and ends where it
 *   ends. Only a code block with a blank line, or HTML with two or more
 *   `<br>` in a row, holds "\n\n" inside; such a block covers several render
 *   blocks, as a very long paragraph does. (A document of one block with
 *   single line breaks in it is segmented line by line, as any text without
 *   blank lines is.)
 * - List markers ("•", "3.") are not in the text: they are attributes of the
 *   list-item span and the renderer draws them, so a highlight never starts
 *   on a bullet and a re-rendered list keeps its offsets.
 * - Whitespace is collapsed as a browser collapses it, except in code blocks.
 * - Text covered by no block span is a plain paragraph (a .txt file has no
 *   spans at all).
 *
 * The shape of `structure`:
 * - Offsets are UTF-16 code units into `text`, `start` inclusive, `end`
 *   exclusive, like every offset in Diptych.
 * - Spans nest properly: two spans are disjoint or one contains the other.
 *   They are sorted by start, outer before inner.
 * - `blockquote` and `list-item` are containers: they may hold other blocks
 *   (a nested list, a quoted paragraph). A list item's marker belongs to the
 *   render block where its span starts; `depth` says how far to indent it.
 * - A `rule` has no text: it is an empty span at the start of the block it
 *   precedes (or at the end of the text), and is drawn before that block.
 * - Inline spans (`emphasis`, `strong`, `code`, `link`) never cross a block
 *   separator: formatting that runs over two blocks becomes two spans.
 */
import { z } from 'zod';

/** Longest document text, in UTF-16 code units. */
export const MAX_DOCUMENT_TEXT_LENGTH = 200 * 1024 * 1024;
/** Most spans a document may have; a file with more markup than this is refused rather than cut. */
export const MAX_STRUCTURE_SPANS = 4_000_000;
/** Longest link address kept; longer ones are dropped to plain text. */
export const MAX_HREF_LENGTH = 4096;
/** Longest document title, in characters. */
export const MAX_TITLE_LENGTH = 500;
/** Deepest list nesting drawn; deeper items are drawn at this depth. */
export const MAX_LIST_DEPTH = 32;
const MAX_MARKER_LENGTH = 16;

/** The only addresses a link may have: web pages and e-mail. */
export const SAFE_HREF_PATTERN = /^(?:https?:\/\/|mailto:)/i;

const offset = z.number().int().nonnegative().max(MAX_DOCUMENT_TEXT_LENGTH);
const range = { start: offset, end: offset };

export const headingSpan = z.object({ kind: z.literal('heading'), level: z.literal([1, 2, 3, 4, 5, 6]), ...range }).strict();
export const paragraphSpan = z.object({ kind: z.literal('paragraph'), ...range }).strict();
export const listItemSpan = z
  .object({
    kind: z.literal('list-item'),
    ordered: z.boolean(),
    /** 0 for an item of a top-level list, 1 for an item of a list inside it, and so on. */
    depth: z.number().int().nonnegative().max(MAX_LIST_DEPTH),
    /** What to draw before the item: "•", "◦", "▪", "☐", "☑" or a number such as "3.". */
    marker: z.string().max(MAX_MARKER_LENGTH),
    ...range,
  })
  .strict();
export const blockquoteSpan = z.object({ kind: z.literal('blockquote'), ...range }).strict();
export const codeBlockSpan = z.object({ kind: z.literal('code-block'), ...range }).strict();
export const ruleSpan = z.object({ kind: z.literal('rule'), ...range }).strict();
export const emphasisSpan = z.object({ kind: z.literal('emphasis'), ...range }).strict();
export const strongSpan = z.object({ kind: z.literal('strong'), ...range }).strict();
export const codeSpan = z.object({ kind: z.literal('code'), ...range }).strict();
export const linkSpan = z
  .object({
    kind: z.literal('link'),
    href: z.string().max(MAX_HREF_LENGTH).regex(SAFE_HREF_PATTERN, 'a link must be http, https or mailto'),
    ...range,
  })
  .strict();

export const structureSpan = z.discriminatedUnion('kind', [
  headingSpan,
  paragraphSpan,
  listItemSpan,
  blockquoteSpan,
  codeBlockSpan,
  ruleSpan,
  emphasisSpan,
  strongSpan,
  codeSpan,
  linkSpan,
]);

export type HeadingSpan = z.infer<typeof headingSpan>;
export type ParagraphSpan = z.infer<typeof paragraphSpan>;
export type ListItemSpan = z.infer<typeof listItemSpan>;
export type BlockquoteSpan = z.infer<typeof blockquoteSpan>;
export type CodeBlockSpan = z.infer<typeof codeBlockSpan>;
export type RuleSpan = z.infer<typeof ruleSpan>;
export type LinkSpan = z.infer<typeof linkSpan>;
export type InlineSpan = z.infer<typeof emphasisSpan> | z.infer<typeof strongSpan> | z.infer<typeof codeSpan> | LinkSpan;
export type BlockSpan = HeadingSpan | ParagraphSpan | ListItemSpan | BlockquoteSpan | CodeBlockSpan | RuleSpan;
/** One span of an imported document's structure. */
export type StructureSpan = z.infer<typeof structureSpan>;
export type StructureKind = StructureSpan['kind'];

/** A span's kind and attributes, without its offsets. */
export type SpanAttributes<S extends StructureSpan = StructureSpan> = S extends StructureSpan ? Omit<S, 'start' | 'end'> : never;

const INLINE_KINDS: ReadonlySet<StructureKind> = new Set(['emphasis', 'strong', 'code', 'link']);

/** Whether a span formats words inside a block rather than being (or holding) blocks. */
export function isInlineSpan(span: { kind: StructureKind }): span is InlineSpan {
  return INLINE_KINDS.has(span.kind);
}

export const importedDocument = z
  .object({
    /** The plain text every anchor uses. */
    text: z.string().max(MAX_DOCUMENT_TEXT_LENGTH),
    structure: z.array(structureSpan).max(MAX_STRUCTURE_SPANS),
    title: z.string().max(MAX_TITLE_LENGTH).optional(),
  })
  .strict()
  .superRefine((doc, context) => {
    // Report the first bad span only: a broken document usually has thousands.
    const length = doc.text.length;
    for (let i = 0; i < doc.structure.length; i++) {
      const { kind, start, end } = doc.structure[i]!;
      const problem =
        end > length
          ? 'ends after the end of the text'
          : kind === 'rule'
            ? start !== end && 'must be empty (a rule has no text)'
            : start >= end && 'must cover at least one character';
      if (problem) {
        context.addIssue({ code: 'custom', path: ['structure', i], message: `a ${kind} span ${problem}` });
        return;
      }
    }
  });

/** A text, Markdown or HTML file turned into Diptych's document model. */
export type ImportedDocument = z.infer<typeof importedDocument>;
