/**
 * Annotations as Markdown for reading elsewhere: one file per document,
 * its highlights, notes and links in the order of the text, each under the
 * quote it marks; and a notebook file for notes with no passage. The output
 * is meant for people, so it favours plain words over data.
 */
import {
  markdownOf,
  passagesOf,
  pdfPageOf,
  tagsOf,
  uriOfDocument,
  type Annotation,
  type PassageTarget,
} from '../../api/annotation-schema';
import { byCreated } from './annotation-order';
import { MARKDOWN_MEDIA_TYPE, slugOf, uniqueFileName, type ExportDocument, type ExportFile } from './export-file';

export interface MarkdownExportInput {
  /** The annotations to write; each appears in the file of every exported document it has a passage in. */
  annotations: readonly Annotation[];
  /** The documents to write a file for, in this order. */
  documents: readonly ExportDocument[];
  /** Every library document, to name the other end of a link even when its file is not exported. */
  library: readonly ExportDocument[];
  /** Adds `notebook.md` with the notes that have no passage (when exporting everything). */
  includeNotebook: boolean;
}

const SEPARATOR = '\n---\n\n';

/** Escapes the characters that would turn a title or tag into emphasis, code or a link. */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, '\\$&');
}

/** A quote's line with any leading block syntax escaped, so "1. Foo" or "# Bar" stays text inside the blockquote. */
function escapeLineStart(line: string): string {
  const ordered = /^(\d+)([.)])(\s|$)/.exec(line);
  if (ordered) return `${ordered[1]}\\${line.slice(ordered[1]!.length)}`;
  return /^([#>+*=-]|`{3}|~{3})/.test(line) ? `\\${line}` : line;
}

/** A quote as a Markdown blockquote; blank lines inside it stay inside it. */
export function blockquote(text: string): string {
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => line.trim())
    .map((line) => (line === '' ? '>' : `> ${escapeLineStart(line)}`))
    .join('\n');
}

/**
 * A note's own headings moved down `levels` (at most to level 6), so a
 * note that starts with "# Title" does not compete with the file's title.
 * Lines inside fenced code are left alone.
 */
export function demoteHeadings(markdown: string, levels: number): string {
  let fence: string | null = null;
  return markdown
    .split('\n')
    .map((line) => {
      const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (marker && (fence === null || marker.startsWith(fence))) {
        fence = fence === null ? marker : null;
        return line;
      }
      if (fence !== null) return line;
      return line.replace(/^( {0,3})(#{1,6})(?=\s|$)/, (_, indent: string, hashes: string) => `${indent}${'#'.repeat(Math.min(6, hashes.length + levels))}`);
    })
    .join('\n');
}

/** The passage that places an annotation in a document's file: its earliest one there. */
function anchorIn(a: Annotation, documentUri: string): PassageTarget | undefined {
  let best: PassageTarget | undefined;
  for (const p of passagesOf(a)) {
    if (p.source !== documentUri) continue;
    if (!best || p.selector[1].start < best.selector[1].start) best = p;
  }
  return best;
}

/** "Highlight · yellow · page 4 · Tags: a, b": what kind of mark this is, in words (the page for a PDF passage). */
function describe(a: Annotation, anchor: PassageTarget): string {
  const kind = a.motivation === 'highlighting' ? 'Highlight' : a.motivation === 'linking' ? 'Link' : 'Note';
  const parts = [`**${kind}**`];
  if (a['diptych:colour']) parts.push(a['diptych:colour']);
  const page = pdfPageOf(anchor);
  if (page !== null) parts.push(`page ${page}`);
  const tags = tagsOf(a);
  if (tags.length > 0) parts.push(`Tags: ${tags.map(escapeInline).join(', ')}`);
  return parts.join(' · ');
}

function entry(a: Annotation, anchor: PassageTarget, titleOf: (uri: string) => string): string {
  const blocks = [blockquote(anchor.selector[0].exact), describe(a, anchor)];
  const body = markdownOf(a).trim();
  if (body) blocks.push(demoteHeadings(body, 2));
  // Links name what they join; a note on several passages names where else it is.
  const verb = a.motivation === 'linking' ? 'Linked to' : 'Also on';
  for (const other of passagesOf(a)) {
    if (other === anchor) continue;
    const page = pdfPageOf(other);
    blocks.push(`→ ${verb} *${escapeInline(titleOf(other.source))}*${page === null ? '' : `, page ${page}`}:\n\n${blockquote(other.selector[0].exact)}`);
  }
  return blocks.join('\n\n');
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function documentFile(document: ExportDocument, annotations: readonly Annotation[], titleOf: (uri: string) => string): string {
  const uri = uriOfDocument(document.id);
  const placed = annotations
    .map((a) => ({ a, anchor: anchorIn(a, uri) }))
    .filter((p): p is { a: Annotation; anchor: PassageTarget } => p.anchor !== undefined)
    .sort((x, y) => x.anchor.selector[1].start - y.anchor.selector[1].start || byCreated(x.a, y.a));
  const head = `# ${escapeInline(document.title)}\n\n${plural(placed.length, 'annotation', 'annotations')}, in the order of the text. Exported from Diptych.\n`;
  if (placed.length === 0) return head;
  return `${head}${SEPARATOR}${placed.map((p) => entry(p.a, p.anchor, titleOf)).join(`\n${SEPARATOR}`)}\n`;
}

function notebookFile(notes: readonly Annotation[]): string {
  const head = `# Notebook\n\n${plural(notes.length, 'note', 'notes')} not tied to a passage. Exported from Diptych.\n`;
  const entries = notes.map((n) => {
    const tags = tagsOf(n);
    const body = demoteHeadings(markdownOf(n).trim(), 1) || '*(empty note)*';
    return tags.length > 0 ? `${body}\n\nTags: ${tags.map(escapeInline).join(', ')}` : body;
  });
  return entries.length === 0 ? head : `${head}${SEPARATOR}${entries.join(`\n${SEPARATOR}`)}\n`;
}

/** Writes the Markdown files: `<slug-of-title>.md` per document, then `notebook.md` if asked. */
export function toMarkdownFiles(input: MarkdownExportInput): ExportFile[] {
  const titles = new Map(input.library.map((d) => [uriOfDocument(d.id), d.title]));
  for (const d of input.documents) titles.set(uriOfDocument(d.id), d.title);
  const titleOf = (uri: string): string => titles.get(uri) ?? `a document that is no longer in the library (${uri})`;
  const taken = new Set<string>();
  const files: ExportFile[] = input.documents.map((document) => ({
    name: uniqueFileName(slugOf(document.title, 'document'), '.md', taken),
    mediaType: MARKDOWN_MEDIA_TYPE,
    content: documentFile(document, input.annotations, titleOf),
  }));
  if (input.includeNotebook) {
    const notes = input.annotations
      .filter((a) => passagesOf(a).length === 0)
      .sort(byCreated);
    if (notes.length > 0) files.push({ name: uniqueFileName('notebook', '.md', taken), mediaType: MARKDOWN_MEDIA_TYPE, content: notebookFile(notes) });
  }
  return files;
}
