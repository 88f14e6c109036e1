/**
 * Turns HTML into blocks, inline spans and text on a `DocumentBuilder`.
 *
 * Sanitising is by construction: nothing of the markup is ever emitted, only
 * text content and the address of a safe link. Event handler attributes,
 * `style`, `srcdoc`, `<base href>`, `<meta http-equiv>` and the like are not
 * filtered out; they are simply never read. What a browser would run or
 * fetch (scripts, styles, frames, objects, images) is dropped with its
 * contents; an image leaves its alt text.
 */
import { Parser } from 'htmlparser2';
import { MAX_LIST_DEPTH } from './document-model';
import type { DocumentBuilder, InlineHandle } from './document-builder';
import { HEAD_CONTENT, INLINE_ROLES, VOID_ELEMENTS, elementRole, type ElementRole } from './html-elements';
import { safeLinkHref } from './safe-link';

type Attributes = Record<string, string>;

interface OpenElement {
  name: string;
  /** What closing it must undo; cleared once run. */
  onClose?: (() => void) | undefined;
  /** Closed early, by an element that implies its end (see `closeImpliedElements`). */
  closed?: boolean;
}

interface ListCounter {
  ordered: boolean;
  next: number;
}

const BULLETS = ['•', '◦', '▪'] as const;

const CLOSES_PARAGRAPH: ReadonlySet<ElementRole['kind']> = new Set([
  'heading', 'paragraph', 'list', 'list-item', 'blockquote', 'preformatted', 'boundary', 'table-row',
]);
// The HTML standard's "button scope" and "list item scope": a paragraph or item outside them is not closed.
const PARAGRAPH_SCOPE: ReadonlySet<string> = new Set(['html', 'table', 'td', 'th', 'caption', 'template', 'object', 'applet', 'marquee', 'button']);
const LIST_ITEM_SCOPE: ReadonlySet<string> = new Set([...PARAGRAPH_SCOPE, 'ul', 'ol']);
const MAX_COUNTER = 1_000_000_000;
// How many open elements to look through for a paragraph or item to close: enough for any real page,
// and it keeps a file of a million unclosed tags linear.
const IMPLIED_CLOSE_REACH = 256;

/** The bullet for an unordered item: it changes with depth, as a browser's does. */
export function bulletFor(depth: number): string {
  return BULLETS[depth % BULLETS.length]!;
}

/** Parses an ordinal attribute (`start`, `value`); anything but a plain integer is ignored. */
function ordinal(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*-?\d{1,10}\s*$/.test(value)) return undefined;
  const n = Number.parseInt(value, 10);
  return Math.abs(n) <= MAX_COUNTER ? n : undefined;
}

export interface HtmlWriterOptions {
  /**
   * For raw HTML inside a Markdown paragraph: tags arrive one at a time and
   * may not balance, and only inline elements take effect.
   */
  inlineOnly?: boolean;
}

/** Receives HTML as open, close and text events and writes what a reader should see. */
export class HtmlWriter {
  /** The text of the first `<title>`, once it has closed. */
  title: string | undefined;
  private readonly stack: OpenElement[] = [];
  private dropDepth = 0;
  private titleParts: string[] | null = null;
  private inHead = false;
  private preformattedDepth = 0;
  private readonly lists: ListCounter[] = [];
  private readonly rowCells: number[] = [];

  constructor(
    private readonly builder: DocumentBuilder,
    private readonly options: HtmlWriterOptions = {},
  ) {}

  /** True while inside something whose text is not shown (a script, a title). */
  get isSuppressing(): boolean {
    return this.dropDepth > 0 || this.titleParts !== null;
  }

  /** Parses a whole HTML document or fragment, closing whatever it leaves open. */
  write(html: string): void {
    const parser = new Parser(
      {
        onopentag: (name, attributes) => this.open(name, attributes),
        onclosetag: (name) => this.close(name),
        ontext: (text) => this.text(text),
      },
      { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
    );
    parser.end(html);
    this.closeAll();
  }

  /** One raw tag from Markdown (`<b>`, `</a>`, `<!-- -->`): applied as if parsed in place. */
  tag(raw: string): void {
    const closing = /^<\/([A-Za-z][A-Za-z0-9-]*)\s*>$/.exec(raw);
    if (closing) {
      this.close(closing[1]!.toLowerCase());
      return;
    }
    if (!/^<[A-Za-z]/.test(raw)) return; // comments, declarations, processing instructions
    let opened: { name: string; attributes: Attributes } | undefined;
    const parser = new Parser(
      { onopentag: (name, attributes) => (opened ??= { name, attributes }) },
      { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
    );
    parser.end(raw);
    if (opened) this.open(opened.name, opened.attributes);
  }

  /** Text content, already entity-decoded. */
  text(value: string): void {
    if (this.titleParts) this.titleParts.push(value);
    else if (this.dropDepth === 0 && !this.inHead) this.builder.text(value);
  }

  /** An opening tag, its name lower-case and its attributes entity-decoded; only `href`, `alt`, `start`, `value` and `hidden` are ever read. */
  open(name: string, attributes: Attributes): void {
    const isVoid = VOID_ELEMENTS.has(name);
    if (this.isSuppressing) {
      if (!isVoid) this.stack.push({ name });
      return;
    }
    if (this.inHead && !HEAD_CONTENT.has(name)) this.inHead = false;
    const role = 'hidden' in attributes ? ({ kind: 'drop' } as const) : elementRole(name);
    if (this.options.inlineOnly && !INLINE_ROLES.has(role.kind)) {
      if (!isVoid) this.stack.push({ name });
      return;
    }
    if (!this.options.inlineOnly) this.closeImpliedElements(name, role.kind);
    if (isVoid) {
      if (role.kind === 'line-break') this.builder.lineBreak();
      else if (role.kind === 'rule') this.builder.rule();
      else if (role.kind === 'image' && attributes.alt) this.builder.text(attributes.alt);
      return;
    }
    this.stack.push({ name, onClose: this.enter(role, attributes) });
  }

  /**
   * Closes the innermost open element of that name and everything opened
   * inside it; stray closing tags are ignored. Events from htmlparser2 are
   * balanced, so there the element is always the innermost one.
   */
  close(name: string): void {
    if (VOID_ELEMENTS.has(name)) return;
    let index = this.stack.length - 1;
    while (index >= 0 && this.stack[index]!.name !== name) index--;
    if (index < 0) return;
    while (this.stack.length > index) this.leave(this.stack.pop()!);
  }

  /** Closes every open element, at the end of a document or of a Markdown paragraph. */
  closeAll(): void {
    while (this.stack.length > 0) this.leave(this.stack.pop()!);
  }

  private leave(element: OpenElement): void {
    const onClose = element.onClose;
    element.onClose = undefined;
    onClose?.();
  }

  /**
   * Closes what a browser closes when this element opens, where htmlparser2
   * looks only at the innermost element: a block ends an open paragraph
   * ("<p><b>one<p>two" is two paragraphs), and an item ends the open item.
   */
  private closeImpliedElements(name: string, role: ElementRole['kind']): void {
    if (CLOSES_PARAGRAPH.has(role) || name === 'hr') this.closeWithin('p', PARAGRAPH_SCOPE);
    if (role === 'list-item') this.closeWithin('li', LIST_ITEM_SCOPE);
    const current = this.stack.at(-1);
    if (role === 'heading' && current && !current.closed && /^h[1-6]$/.test(current.name)) this.closeWithin(current.name, PARAGRAPH_SCOPE);
  }

  /**
   * Closes the innermost open `name`, and what is open inside it, if no
   * element of `scope` stands in between. They stay on the stack, closed,
   * so that htmlparser2's own closing events still pair with its openings.
   */
  private closeWithin(name: string, scope: ReadonlySet<string>): void {
    const floor = Math.max(0, this.stack.length - IMPLIED_CLOSE_REACH);
    for (let index = this.stack.length - 1; index >= floor; index--) {
      const open = this.stack[index]!;
      if (open.closed) continue;
      if (scope.has(open.name)) return;
      if (open.name !== name) continue;
      for (let i = this.stack.length - 1; i >= index; i--) {
        this.leave(this.stack[i]!);
        this.stack[i]!.closed = true;
      }
      return;
    }
  }
  /** Applies an element's opening; answers what its closing must undo. */
  private enter(role: ElementRole, attributes: Attributes): (() => void) | undefined {
    const builder = this.builder;
    switch (role.kind) {
      case 'drop':
        this.dropDepth++;
        return () => this.dropDepth--;
      case 'head':
        this.inHead = true;
        return () => (this.inHead = false);
      case 'title':
        if (this.title !== undefined) {
          this.dropDepth++;
          return () => this.dropDepth--;
        }
        this.titleParts = [];
        return () => {
          this.title = this.titleParts!.join('');
          this.titleParts = null;
        };
      case 'heading':
      case 'paragraph':
      case 'blockquote':
        builder.openBlock(role.kind === 'heading' ? { kind: 'heading', level: role.level } : { kind: role.kind });
        return () => builder.closeBlock();
      case 'preformatted':
        builder.openBlock({ kind: 'code-block' });
        this.preformattedDepth++;
        return () => {
          this.preformattedDepth--;
          builder.closeBlock();
        };
      case 'list': {
        builder.blockBoundary();
        this.lists.push({ ordered: role.ordered, next: (role.ordered ? ordinal(attributes.start) : undefined) ?? 1 });
        return () => {
          this.lists.pop();
          builder.blockBoundary();
        };
      }
      case 'list-item':
        builder.openBlock(this.listItem(attributes));
        return () => builder.closeBlock();
      case 'table-row':
        builder.openBlock({ kind: 'paragraph' });
        this.rowCells.push(0);
        return () => {
          this.rowCells.pop();
          builder.closeBlock();
        };
      case 'table-cell': {
        const row = this.rowCells.length - 1;
        if (row < 0 || this.rowCells[row]! > 0) builder.tab();
        if (row >= 0) this.rowCells[row]!++;
        return undefined;
      }
      case 'boundary':
        builder.blockBoundary();
        return () => builder.blockBoundary();
      case 'inline':
        // Inside <pre> everything is code already.
        if (role.attributes.kind === 'code' && this.preformattedDepth > 0) return undefined;
        return this.inline(builder.openInline(role.attributes));
      case 'link': {
        const href = attributes.href === undefined ? undefined : safeLinkHref(attributes.href);
        return href === undefined ? undefined : this.inline(builder.openInline({ kind: 'link', href }));
      }
      default:
        return undefined;
    }
  }

  private inline(handle: InlineHandle): () => void {
    return () => this.builder.closeInline(handle);
  }

  private listItem(attributes: Attributes): { kind: 'list-item'; ordered: boolean; depth: number; marker: string } {
    const list = this.lists.at(-1);
    const depth = Math.min(Math.max(this.lists.length - 1, 0), MAX_LIST_DEPTH);
    if (!list?.ordered) return { kind: 'list-item', ordered: false, depth, marker: bulletFor(depth) };
    const number = ordinal(attributes.value) ?? list.next;
    list.next = number + 1;
    return { kind: 'list-item', ordered: true, depth, marker: `${number}.` };
  }
}
