/**
 * What a library search is asked and what it answers. Results are plain
 * data (no classes, no Maps), so they cross a worker or IPC boundary as they are.
 */
import type { Mark } from './snippet';

export type { Mark } from './snippet';

/** What an indexed item is: a passage of a document, or a note. */
export type SearchKind = 'document' | 'note';

/** Options of LibrarySearch.search. */
export interface SearchOptions {
  /** Most hits returned, over all groups (default 50). Counts still cover every match. */
  limit?: number;
  /** Most hits returned in one group (default 10). */
  perGroup?: number;
  /**
   * Only these documents' passages, and only notes that target one of them.
   * Omitted: every document and every note.
   */
  documentIds?: readonly string[];
  /** Only these kinds of item (default both). */
  kinds?: readonly SearchKind[];
}

interface HitBase {
  /** The indexed item: `doc:<documentId>:<start>` or `note:<noteId>`. */
  id: string;
  score: number;
  /** The passage, as offsets in the document's text (for a note: its whole body). */
  start: number;
  end: number;
  /** A window of the passage around the first match, `…` where cut, line breaks shown as spaces. */
  snippet: string;
  /** Matched words, as [start, end) offsets into `snippet`. */
  marks: Mark[];
  /** Where the snippet's text (without its ellipses) lies in the document's text or the note's body. */
  snippetStart: number;
  snippetEnd: number;
  /**
   * The first matched word of the passage, as offsets in the document's text
   * (or the note's body), to scroll to and select. Null when only the title matched.
   */
  match: Mark | null;
  /** The indexed terms this item matched (folded: lower case, no accents). */
  terms: string[];
}

/** A passage of a document. */
export interface DocumentHit extends HitBase {
  kind: 'document';
  documentId: string;
}

/** A note; its title is shown on the hit, as all notes share one group. */
export interface NoteHit extends HitBase {
  kind: 'note';
  noteId: string;
  title: string;
  /** Matched words of the title, as offsets into `title`. */
  titleMarks: Mark[];
  /** The documents the note targets. */
  documentIds: string[];
}

export type SearchHit = DocumentHit | NoteHit;

interface GroupBase {
  title: string;
  titleMarks: Mark[];
  /** The best score of the group's hits; groups come best first. */
  score: number;
  /** How many items of the group matched, including those left out by `limit` or `perGroup`. */
  total: number;
}

/** The hits in one document, best first. Passages that matched only by the title are folded into one hit. */
export interface DocumentGroup extends GroupBase {
  kind: 'document';
  documentId: string;
  hits: DocumentHit[];
}

/** The hits among notes, best first. */
export interface NotesGroup extends GroupBase {
  kind: 'note';
  hits: NoteHit[];
}

export type SearchGroup = DocumentGroup | NotesGroup;

/** The answer to one query. */
export interface SearchResults {
  query: string;
  /**
   * 'AND' when every hit holds every query word; 'OR' when no item held them
   * all and the search fell back to items holding any of them.
   */
  combinedWith: 'AND' | 'OR';
  /** Matched items in all, including those left out by `limit` or `perGroup`. */
  total: number;
  groups: SearchGroup[];
}
