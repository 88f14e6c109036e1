/**
 * Markdown files to Diptych's document model, from marked's tokens (never
 * its HTML). Raw HTML in the Markdown goes through the same writer as an
 * HTML file, so a `<script>` vanishes here as it does there; Markdown links
 * pass the same safe-link gate; images leave their alt text.
 */
import { Lexer, type MarkedToken, type Token, type Tokens } from 'marked';
import { rethrowAsImportError, type ConvertOptions } from './convert-options';
import { DocumentBuilder, type BlockAttributes } from './document-builder';
import { MAX_LIST_DEPTH, type ImportedDocument } from './document-model';
import { cleanTitle, firstHeadingTitle } from './document-title';
import { decodeHtmlEntities } from './html-entities';
import { HtmlWriter, bulletFor } from './html-writer';
import { safeLinkHref } from './safe-link';

/** YAML front matter ("---" lines around metadata) is looked for only this far into a file. */
const FRONT_MATTER_SEARCH_LENGTH = 64 * 1024;

/**
 * Splits off YAML front matter, which marked would read as a rule and a
 * heading. It is kept as a code block (it may hold the author or a date)
 * and its `title:` becomes the document's title.
 */
function splitFrontMatter(markdown: string): { frontMatter?: string; title?: string; body: string } {
  const opening = /^---[ \t]*\r?\n/.exec(markdown);
  if (!opening) return { body: markdown };
  const closing = /\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(markdown.slice(opening[0].length, FRONT_MATTER_SEARCH_LENGTH));
  if (!closing) return { body: markdown };
  const frontMatter = markdown.slice(opening[0].length, opening[0].length + closing.index);
  const body = markdown.slice(opening[0].length + closing.index + closing[0].length);
  const title = /^title:[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^\n]*))$/m.exec(frontMatter);
  return { frontMatter, body, title: title ? (title[1] ?? title[2] ?? title[3]) : undefined };
}

class MarkdownWalker {
  constructor(private readonly builder: DocumentBuilder) {}

  blocks(tokens: readonly Token[], listDepth: number): void {
    for (const token of tokens) this.block(token as MarkedToken, listDepth);
  }

  private block(token: MarkedToken, listDepth: number): void {
    const builder = this.builder;
    switch (token.type) {
      case 'heading': {
        const level = Math.min(Math.max(token.depth, 1), 6) as 1 | 2 | 3 | 4 | 5 | 6;
        this.inlineBlock({ kind: 'heading', level }, token.tokens);
        break;
      }
      case 'paragraph':
        this.inlineBlock({ kind: 'paragraph' }, token.tokens);
        break;
      case 'text':
        // A tight list item's words: no paragraph of their own.
        this.inlineRun(token.tokens ?? [token]);
        break;
      case 'blockquote':
        builder.openBlock({ kind: 'blockquote' });
        this.blocks(token.tokens, listDepth);
        builder.closeBlock();
        break;
      case 'list':
        this.list(token, listDepth);
        break;
      case 'code':
        builder.openBlock({ kind: 'code-block' });
        builder.text(token.text);
        builder.closeBlock();
        break;
      case 'hr':
        builder.rule();
        break;
      case 'table':
        for (const row of [token.header, ...token.rows]) {
          builder.openBlock({ kind: 'paragraph' });
          row.forEach((cell, i) => {
            if (i > 0) builder.tab();
            this.inlineRun(cell.tokens);
          });
          builder.closeBlock();
        }
        break;
      case 'html':
        new HtmlWriter(builder).write(token.text);
        break;
      case 'space':
      case 'def':
        break;
      default: {
        // Tokens from extensions: keep whatever they hold.
        const generic = token as Tokens.Generic;
        if (Array.isArray(generic.tokens)) this.blocks(generic.tokens, listDepth);
      }
    }
  }

  private list(token: Tokens.List, depth: number): void {
    const first = typeof token.start === 'number' ? token.start : 1;
    token.items.forEach((item, i) => {
      const marker = item.task ? (item.checked ? '☑' : '☐') : token.ordered ? `${first + i}.` : bulletFor(depth);
      this.builder.openBlock({ kind: 'list-item', ordered: token.ordered, depth: Math.min(depth, MAX_LIST_DEPTH), marker });
      this.blocks(item.tokens, depth + 1);
      this.builder.closeBlock();
    });
  }

  private inlineBlock(attributes: BlockAttributes, tokens: readonly Token[]): void {
    this.builder.openBlock(attributes);
    this.inlineRun(tokens);
    this.builder.closeBlock();
  }

  /** One paragraph's worth of inline tokens; raw HTML tags in it are balanced within it. */
  private inlineRun(tokens: readonly Token[]): void {
    const html = new HtmlWriter(this.builder, { inlineOnly: true });
    this.inline(tokens, html);
    html.closeAll();
  }

  private inline(tokens: readonly Token[], html: HtmlWriter): void {
    const builder = this.builder;
    for (const raw of tokens) {
      const token = raw as MarkedToken;
      if (token.type === 'html') {
        html.tag(token.text);
        continue;
      }
      // Text goes through the writer, which hides it inside a <script> or <title>.
      if (token.type === 'text' && !token.tokens) {
        html.text(decodeHtmlEntities(token.text));
        continue;
      }
      if (token.type === 'escape') {
        html.text(token.text);
        continue;
      }
      if (html.isSuppressing) continue;
      switch (token.type) {
        case 'text':
        case 'del':
          this.inline(token.tokens ?? [], html);
          break;
        case 'strong':
        case 'em': {
          const handle = builder.openInline({ kind: token.type === 'em' ? 'emphasis' : 'strong' });
          this.inline(token.tokens, html);
          builder.closeInline(handle);
          break;
        }
        case 'codespan': {
          const handle = builder.openInline({ kind: 'code' });
          builder.text(token.text);
          builder.closeInline(handle);
          break;
        }
        case 'br':
          builder.lineBreak();
          break;
        case 'link':
          this.link(token, html);
          break;
        case 'image':
          builder.text(decodeHtmlEntities(token.text));
          break;
        case 'checkbox':
          break; // drawn as the item's marker
        default: {
          const generic = token as Tokens.Generic;
          if (Array.isArray(generic.tokens)) this.inline(generic.tokens, html);
          else if (typeof generic.text === 'string') builder.text(decodeHtmlEntities(generic.text));
        }
      }
    }
  }

  private link(token: Tokens.Link, html: HtmlWriter): void {
    // An autolink's address and words are literal: character references in them are not resolved.
    const href = safeLinkHref(token.autolink ? token.href : decodeHtmlEntities(token.href));
    const handle = href === undefined ? undefined : this.builder.openInline({ kind: 'link', href });
    if (token.autolink) this.builder.text(token.text);
    else this.inline(token.tokens, html);
    if (handle) this.builder.closeInline(handle);
  }
}

/** Converts a Markdown (CommonMark with GitHub extensions) file. The title is the front matter's or the first heading's. */
export function markdownToDocument(markdown: string, options: ConvertOptions = {}): ImportedDocument {
  try {
    const { frontMatter, title: frontMatterTitle, body } = splitFrontMatter(markdown);
    const tokens = new Lexer({ gfm: true }).lex(body);
    const builder = new DocumentBuilder();
    if (frontMatter !== undefined) {
      builder.openBlock({ kind: 'code-block' });
      builder.text(frontMatter);
      builder.closeBlock();
    }
    new MarkdownWalker(builder).blocks(tokens, 0);
    const { text, structure } = builder.finish();
    const title = cleanTitle(frontMatterTitle ?? '') ?? firstHeadingTitle({ text, structure });
    return title === undefined ? { text, structure } : { text, structure, title };
  } catch (error) {
    return rethrowAsImportError(error, options);
  }
}
