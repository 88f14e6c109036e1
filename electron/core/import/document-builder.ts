/**
 * Builds an `ImportedDocument` from a stream of blocks, inline formatting
 * and text, as the Markdown and HTML converters walk their input. It owns
 * the rules that keep offsets agreeing with `segmentText` (see
 * document-model.ts): blocks are joined by a blank line, whitespace is
 * collapsed outside code blocks, and no block begins or ends with
 * whitespace. To keep those rules without ever taking text back, every
 * separator and every run of whitespace waits until the next visible
 * character shows that it is needed.
 */
import {
  MAX_DOCUMENT_TEXT_LENGTH,
  MAX_STRUCTURE_SPANS,
  isInlineSpan,
  type BlockSpan,
  type InlineSpan,
  type RuleSpan,
  type SpanAttributes,
  type StructureSpan,
} from './document-model';

/** A block's kind and attributes: everything a block span has but its offsets. */
export type BlockAttributes = SpanAttributes<Exclude<BlockSpan, RuleSpan>>;
/** An inline span's kind and attributes. */
export type InlineAttributes = SpanAttributes<InlineSpan>;

/** Thrown when a document outgrows the model's limits; the converters turn it into an `ImportError`. */
export class DocumentLimitError extends Error {}

interface OpenSpan<A> {
  attributes: A;
  /** Where the span's current piece began; null until content arrives. */
  start: number | null;
  /** Nesting level when opened: orders spans with equal ranges, outer first. */
  level: number;
}

/** Returned by `openInline`; pass it back to `closeInline`. */
export type InlineHandle = object;

interface RecordedSpan {
  span: StructureSpan;
  level: number;
}

const BLOCK_SEPARATOR = '\n\n';
const COLLAPSIBLE_RUN = /[ \t\n\f\r]+/g;
// A link cannot hold a link; a nested one keeps its words as plain text.
const NO_SPAN: InlineHandle = Object.freeze({});

/** Space, tab, line feed, form feed or carriage return: the whitespace HTML collapses. */
function isCollapsible(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
}

function compareSpans(a: RecordedSpan, b: RecordedSpan): number {
  const x = a.span;
  const y = b.span;
  if (x.start !== y.start) return x.start - y.start;
  const xRule = x.kind === 'rule' ? 0 : 1;
  const yRule = y.kind === 'rule' ? 0 : 1;
  if (xRule !== yRule) return xRule - yRule;
  if (x.end !== y.end) return y.end - x.end;
  const xInline = isInlineSpan(x) ? 1 : 0;
  const yInline = isInlineSpan(y) ? 1 : 0;
  return xInline - yInline || a.level - b.level;
}

/** Accumulates a document's text and structure; call `finish` once at the end. */
export class DocumentBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  private readonly spans: RecordedSpan[] = [];
  private readonly blocks: OpenSpan<BlockAttributes>[] = [];
  private readonly inlines: OpenSpan<InlineAttributes>[] = [];
  // Spans without a start always form the top of their stack, so resolving them never scans the rest.
  private firstUnstartedBlock = 0;
  private firstUnstartedInline = 0;
  private codeBlockDepth = 0;
  private openLinks = 0;
  /** A block began or ended since the last content: the next content needs a separator. */
  private atBoundary = false;
  /** The current run (the text since the last boundary) has visible content. */
  private runHasContent = false;
  private pendingSpace = false;
  private pendingTabs = 0;
  private pendingBreaks = 0;
  private pendingPreformatted = '';
  private pendingRules = 0;

  /** Starts a block; it gets a span only if some content arrives before `closeBlock`. */
  openBlock(attributes: BlockAttributes): void {
    this.blockBoundary();
    this.blocks.push({ attributes, start: null, level: this.blocks.length });
    if (attributes.kind === 'code-block') this.codeBlockDepth++;
  }

  /** Ends the innermost open block. */
  closeBlock(): void {
    this.blockBoundary();
    const block = this.blocks.pop();
    if (!block) return;
    if (block.attributes.kind === 'code-block') this.codeBlockDepth--;
    this.firstUnstartedBlock = Math.min(this.firstUnstartedBlock, this.blocks.length);
    if (block.start !== null) this.record(block.attributes, block.start, this.length, block.level);
  }

  /** Ends the current run without a span, as a `<div>` or a list's edge does. */
  blockBoundary(): void {
    for (let i = 0; i < this.firstUnstartedInline; i++) this.endPiece(this.inlines[i]!);
    this.firstUnstartedInline = 0;
    this.atBoundary = true;
    this.runHasContent = false;
    this.clearPendingWhitespace();
  }

  /** A horizontal rule, drawn before whatever block comes next. */
  rule(): void {
    this.blockBoundary();
    this.pendingRules++;
  }

  /** Starts inline formatting; ranges without content make no span. */
  openInline(attributes: InlineAttributes): InlineHandle {
    if (attributes.kind === 'link') {
      if (this.openLinks > 0) return NO_SPAN;
      this.openLinks++;
    }
    const span: OpenSpan<InlineAttributes> = { attributes, start: null, level: this.blocks.length + this.inlines.length };
    this.inlines.push(span);
    return span;
  }

  /**
   * Ends inline formatting. Closing one that is not the innermost (raw HTML
   * in Markdown can interleave tags) ends the inner ones there and resumes
   * them after, so spans still nest.
   */
  closeInline(handle: InlineHandle): void {
    const index = this.inlines.lastIndexOf(handle as OpenSpan<InlineAttributes>);
    if (index < 0) return;
    for (let i = index; i < this.firstUnstartedInline; i++) this.endPiece(this.inlines[i]!);
    this.firstUnstartedInline = Math.min(this.firstUnstartedInline, index);
    const [closed] = this.inlines.splice(index, 1);
    if (closed!.attributes.kind === 'link') this.openLinks--;
  }

  /** Adds text: whitespace collapsed as in HTML, or kept as it is inside a code block. */
  text(value: string): void {
    if (value === '') return;
    if (this.codeBlockDepth > 0) this.preformattedText(value);
    else this.collapsedText(value);
  }

  /** A line break inside the current block (`<br>`, a Markdown hard break). */
  lineBreak(): void {
    if (!this.runHasContent) return;
    if (this.codeBlockDepth > 0) this.pendingPreformatted += '\n';
    else this.pendingBreaks = Math.min(this.pendingBreaks + 1, 2);
  }

  /** A tab between table cells, written only if content follows in the same row. */
  tab(): void {
    if (this.runHasContent) this.pendingTabs++;
  }

  /** The finished text and its spans, sorted by start with outer spans first. */
  finish(): { text: string; structure: StructureSpan[] } {
    for (let i = this.inlines.length - 1; i >= 0; i--) this.closeInline(this.inlines[i]!);
    while (this.blocks.length > 0) this.closeBlock();
    this.placeRules();
    this.spans.sort(compareSpans);
    return { text: this.parts.join(''), structure: this.spans.map((s) => s.span) };
  }

  private collapsedText(value: string): void {
    const collapsed = value.replace(COLLAPSIBLE_RUN, ' ');
    const hasLeadingSpace = collapsed.startsWith(' ');
    const core = collapsed.slice(hasLeadingSpace ? 1 : 0, collapsed.endsWith(' ') ? -1 : undefined);
    if (hasLeadingSpace && this.runHasContent) this.pendingSpace = true;
    if (core === '') return;
    this.emit(core);
    if (collapsed.endsWith(' ')) this.pendingSpace = true;
  }

  private preformattedText(raw: string): void {
    const value = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
    let first = 0;
    while (first < value.length && isCollapsible(value.charCodeAt(first))) first++;
    if (first === value.length) {
      this.pendingPreformatted += value;
      return;
    }
    let last = value.length;
    while (isCollapsible(value.charCodeAt(last - 1))) last--;
    this.pendingPreformatted += value.slice(0, first);
    this.emit(value.slice(first, last));
    this.pendingPreformatted = value.slice(last);
  }

  /** Writes visible content, after whatever separator or whitespace it turns out to need. */
  private emit(content: string): void {
    if (this.atBoundary && this.length > 0) this.push(BLOCK_SEPARATOR);
    this.atBoundary = false;
    this.placeRules();
    let lead: string;
    if (this.runHasContent) {
      lead =
        this.codeBlockDepth > 0
          ? this.pendingPreformatted
          : this.pendingBreaks > 0
            ? '\n'.repeat(this.pendingBreaks)
            : this.pendingTabs > 0
              ? '\t'.repeat(this.pendingTabs)
              : this.pendingSpace
                ? ' '
                : '';
    } else {
      // A code block keeps the indentation of its first line, but not the blank lines before it.
      lead = this.pendingPreformatted.slice(this.pendingPreformatted.lastIndexOf('\n') + 1);
      for (let i = this.firstUnstartedBlock; i < this.blocks.length; i++) this.blocks[i]!.start = this.length;
      this.firstUnstartedBlock = this.blocks.length;
    }
    this.push(lead);
    for (let i = this.firstUnstartedInline; i < this.inlines.length; i++) this.inlines[i]!.start = this.length;
    this.firstUnstartedInline = this.inlines.length;
    this.push(content);
    this.runHasContent = true;
    this.clearPendingWhitespace();
  }

  private push(value: string): void {
    if (value === '') return;
    if (this.length + value.length > MAX_DOCUMENT_TEXT_LENGTH) {
      throw new DocumentLimitError(`the text would be longer than ${MAX_DOCUMENT_TEXT_LENGTH} characters`);
    }
    this.parts.push(value);
    this.length += value.length;
  }

  private clearPendingWhitespace(): void {
    this.pendingSpace = false;
    this.pendingTabs = 0;
    this.pendingBreaks = 0;
    this.pendingPreformatted = '';
  }

  private placeRules(): void {
    for (; this.pendingRules > 0; this.pendingRules--) {
      this.record({ kind: 'rule' }, this.length, this.length, this.blocks.length);
    }
  }

  /** Records the piece of an inline span written so far; the span stays open for the next run. */
  private endPiece(span: OpenSpan<InlineAttributes>): void {
    if (span.start !== null && span.start < this.length) {
      this.record(span.attributes, span.start, this.length, span.level);
    }
    span.start = null;
  }

  private record(attributes: SpanAttributes, start: number, end: number, level: number): void {
    if (this.spans.length >= MAX_STRUCTURE_SPANS) {
      throw new DocumentLimitError(`there would be more than ${MAX_STRUCTURE_SPANS} formatted passages`);
    }
    // Object.assign, not spread: spreading objects of many shapes is several times slower, and a page has thousands.
    const span = Object.assign({}, attributes) as StructureSpan;
    span.start = start;
    span.end = end;
    this.spans.push({ span, level });
  }
}
