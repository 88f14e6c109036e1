/**
 * Document titles: from the document itself (a `<title>`, a first heading)
 * or, failing that, from the file name. A title is shown in the library
 * list, so it is one line, without control or bidi-override characters
 * that could make it read as something else.
 */
import { MAX_TITLE_LENGTH, type ImportedDocument } from './document-model';

// eslint-disable-next-line no-control-regex
const INVISIBLE_CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `raw` as a one-line title, or undefined if nothing readable is left. */
export function cleanTitle(raw: string): string | undefined {
  const title = raw.replace(INVISIBLE_CONTROLS, '').replace(/\s+/g, ' ').trim();
  if (title === '') return undefined;
  const chars = Array.from(title);
  return chars.length > MAX_TITLE_LENGTH ? `${chars.slice(0, MAX_TITLE_LENGTH - 1).join('')}…` : title;
}

/** The text of the document's first heading, as a title. */
export function firstHeadingTitle(document: Pick<ImportedDocument, 'text' | 'structure'>): string | undefined {
  const heading = document.structure.find((span) => span.kind === 'heading');
  return heading && cleanTitle(document.text.slice(heading.start, heading.end));
}

/** A title from a file name: its last path component without the extension ("Notes.final.md" → "Notes.final"). */
export function titleFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return cleanTitle(dot > 0 ? base.slice(0, dot) : base) ?? 'Untitled';
}
