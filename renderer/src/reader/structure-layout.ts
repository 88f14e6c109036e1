/**
 * How each row of a structured document is drawn: which block it belongs to
 * (heading, paragraph, list item, code block), how deep in lists and quotes
 * it sits, whether it carries a list marker or rules, and the inline spans
 * over its text. Rows stay flat siblings (a virtual list positions each on
 * its own), so nesting is expressed as attributes and indentation rather
 * than as nested elements.
 */
import type { InlineSpan } from '../../../electron/core/import/document-model';
import type { TextBlock } from '../../../electron/core/text-blocks';
import type { DocumentStructure, StructureBlock } from './document-structure';
import type { TextRow } from './text-rows';

/** What kind of block a row draws. `plain`: text no block span covers, drawn as a paragraph. */
export type RowBlockKind = 'heading' | 'paragraph' | 'list-item' | 'code-block' | 'plain';

/** The gap below a structured row, when it differs from the one its line breaks give. */
export type StructuredGap = 'list' | 'code' | 'none';

/** How one row of a structured document is drawn. */
export interface RowLayout {
  kind: RowBlockKind;
  /** A heading's level, 1 to 6. */
  level?: number;
  /** List nesting: 0 outside lists, 1 for a top-level item's text, 2 inside a nested list… */
  listLevel: number;
  /** The marker drawn before the row, when a list item starts on it. */
  marker?: string;
  /** Whether the item the marker belongs to is numbered. */
  ordered?: boolean;
  /** Blockquotes around the row. */
  quoteDepth: number;
  /** The innermost quote goes on past this row, so its bar runs through the gap below. */
  quoteContinues: boolean;
  /** For a code block: whether it starts and ends on this row (its box gets rounded there). */
  codeStart?: boolean;
  codeEnd?: boolean;
  /** Blank lines inside a code block after this row (drawn as space in the code box). */
  codeBlankLines?: number;
  /** A gap other than the one from the row's line breaks. */
  gap?: StructuredGap;
  /** Rules drawn above the row. */
  rulesBefore: number;
  /** Rules drawn below the row (a rule at the very end of the text). */
  rulesAfter: number;
  /** The inline spans overlapping the row, outer before inner. */
  inline: readonly InlineSpan[];
}

function isContainer(span: StructureBlock): boolean {
  return span.kind === 'blockquote' || span.kind === 'list-item';
}

/** End of the visible content of a row (its separator excluded). */
function contentEndOf(row: TextRow, blocks: readonly TextBlock[]): number {
  return blocks[row.last - 1]!.contentEnd;
}

function layoutFor(stack: readonly StructureBlock[], row: TextRow, contentEnd: number): Omit<RowLayout, 'rulesBefore' | 'rulesAfter' | 'inline'> {
  let quoteDepth = 0;
  let innermostQuote: StructureBlock | null = null;
  let item: Extract<StructureBlock, { kind: 'list-item' }> | null = null;
  let leaf: StructureBlock | null = null;
  for (const span of stack) {
    if (span.kind === 'blockquote') {
      quoteDepth++;
      innermostQuote = span;
    } else if (span.kind === 'list-item') item = span;
    if (!isContainer(span)) leaf = span;
  }
  const layout: Omit<RowLayout, 'rulesBefore' | 'rulesAfter' | 'inline'> = {
    kind: 'plain',
    listLevel: item ? item.depth + 1 : 0,
    quoteDepth,
    quoteContinues: innermostQuote !== null && innermostQuote.end > contentEnd,
  };
  if (item && item.start >= row.start && item.start < contentEnd) {
    layout.marker = item.marker;
    layout.ordered = item.ordered;
  }
  if (leaf?.kind === 'heading') {
    layout.kind = 'heading';
    layout.level = leaf.level;
  } else if (leaf?.kind === 'code-block') {
    layout.kind = 'code-block';
    layout.codeStart = leaf.start >= row.start;
    layout.codeEnd = leaf.end <= contentEnd;
  } else if (leaf?.kind === 'paragraph') layout.kind = 'paragraph';
  else if (item) layout.kind = 'list-item';
  return layout;
}

/**
 * The layout of every row, or null for a document without structure (a
 * plain text renders exactly as it always has). One sweep over rows and
 * spans, both sorted by offset.
 */
export function layoutRows(rows: readonly TextRow[], blocks: readonly TextBlock[], structure: DocumentStructure | null | undefined, textLength: number): RowLayout[] | null {
  if (!structure || rows.length === 0) return null;
  const spans = structure.blocks;
  const rules = structure.rules;
  const layouts: RowLayout[] = [];
  let stack: StructureBlock[] = [];
  let next = 0;
  let rule = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const contentEnd = contentEndOf(row, blocks);
    stack = stack.filter((span) => span.end > row.start);
    // A span starting inside the row (only in malformed input) applies from the next row on.
    while (next < spans.length && spans[next]!.start <= row.start) {
      const span = spans[next++]!;
      if (span.end > row.start) stack.push(span);
    }
    const isLast = r === rows.length - 1;
    let rulesBefore = 0;
    let rulesAfter = 0;
    const limit = isLast ? textLength : rows[r + 1]!.start;
    while (rule < rules.length && rules[rule]! < limit) {
      rulesBefore++;
      rule++;
    }
    if (isLast) {
      rulesAfter = rules.length - rule;
      rule = rules.length;
    }
    const layout: RowLayout = {
      ...layoutFor(stack, row, contentEnd),
      rulesBefore,
      rulesAfter,
      inline: structure.inline.overlapping(row.start, contentEnd),
    };
    layouts.push(layout);
  }
  // Gaps depend on the row below: items of a tight list sit close; a code block's blank lines stay inside its box.
  for (let r = 0; r < layouts.length; r++) {
    const layout = layouts[r]!;
    const below = layouts[r + 1];
    const row = rows[r]!;
    if (layout.kind === 'code-block' && !layout.codeEnd) {
      layout.gap = row.breaks === 0 ? 'none' : 'code';
      layout.codeBlankLines = Math.max(0, row.breaks - 1);
    } else if (row.breaks > 0 && below && layout.listLevel > 0 && below.listLevel > 0 && layout.kind === 'list-item' && below.rulesBefore === 0) {
      layout.gap = 'list';
    }
  }
  return layouts;
}
