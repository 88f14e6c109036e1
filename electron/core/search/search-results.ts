/**
 * Turns MiniSearch's flat, score-ordered results into what the palette
 * shows: groups per document (and one for notes) ordered by their best hit,
 * each hit with a marked snippet and the offsets to scroll to.
 */
import type { SearchResult } from 'minisearch';
import { parseItemId } from './item-ids';
import { buildSnippet, markTerms } from './snippet';
import type { DocumentGroup, DocumentHit, NoteHit, NotesGroup, SearchGroup, SearchResults } from './search-types';

/** The indexed field that holds an item's own text (the other is its title). */
export const TEXT_FIELD = 'text';
/** The group every note hit goes to. */
export const NOTES_GROUP_TITLE = 'Notes';

/** What grouping reads of an indexed document. */
export interface DocumentSource {
  title: string;
  text: string;
}

/** What grouping reads of an indexed note. */
export interface NoteSource {
  title: string;
  body: string;
  documentIds: readonly string[];
}

/** Where grouping finds an item's text. */
export interface ResultSources {
  document(documentId: string): DocumentSource | undefined;
  /** End of the indexed passage of `documentId` that starts at `start`. */
  passageEnd(documentId: string, start: number): number;
  note(noteId: string): NoteSource | undefined;
}

/** How many hits to build; snippets cost, counting does not. */
export interface GroupLimits {
  limit: number;
  perGroup: number;
}

function matchedText(result: SearchResult): boolean {
  for (const term in result.match) if (result.match[term]!.includes(TEXT_FIELD)) return true;
  return false;
}

interface DocumentPending {
  group: DocumentGroup;
  source: DocumentSource;
  /** Terms matched by the group's shown hits, for marking its title. */
  terms: Set<string>;
  /** Whether a hit that matched only the title is already counted. */
  titleOnlySeen: boolean;
}

interface NotesPending {
  group: NotesGroup;
  terms: Set<string>;
}

type Pending = DocumentPending | NotesPending;

function documentHit(result: SearchResult, documentId: string, start: number, source: DocumentSource, end: number): DocumentHit {
  const exact = new Set(result.terms.filter((term) => result.queryTerms.includes(term)));
  const snippet = buildSnippet(source.text, start, end, new Set(result.terms), undefined, exact.size > 0 ? exact : undefined);
  return {
    kind: 'document',
    id: result.id as string,
    documentId,
    score: result.score,
    start,
    end,
    snippet: snippet.text,
    marks: snippet.marks,
    snippetStart: snippet.sourceStart,
    snippetEnd: snippet.sourceEnd,
    match: snippet.match,
    terms: result.terms,
  };
}

function noteHit(result: SearchResult, noteId: string, source: NoteSource): NoteHit {
  const terms = new Set(result.terms);
  const snippet = buildSnippet(source.body, 0, source.body.length, terms);
  return {
    kind: 'note',
    id: result.id as string,
    noteId,
    title: source.title,
    titleMarks: markTerms(source.title, terms),
    documentIds: [...source.documentIds],
    score: result.score,
    start: 0,
    end: source.body.length,
    snippet: snippet.text,
    marks: snippet.marks,
    snippetStart: snippet.sourceStart,
    snippetEnd: snippet.sourceEnd,
    match: snippet.match,
    terms: result.terms,
  };
}

/**
 * Groups `results` (best first, as MiniSearch returns them). Every result
 * is counted; hits are built for the best `limit` of them, at most
 * `perGroup` per group. In one document, passages that matched only by the
 * document's title are one hit: listing each would bury the real matches.
 */
export function groupResults(query: string, combinedWith: 'AND' | 'OR', results: readonly SearchResult[], sources: ResultSources, limits: GroupLimits): SearchResults {
  // Every result passes through here, tens of thousands for a common word: no allocation per result that is not shown.
  const documentGroups = new Map<string, DocumentPending | null>();
  let notes: NotesPending | undefined;
  const order: Pending[] = [];
  let total = 0;
  let built = 0;
  const hasRoom = (group: SearchGroup): boolean => built < limits.limit && group.hits.length < limits.perGroup;

  for (const result of results) {
    const ref = parseItemId(result.id as string);
    if (ref === null) continue;
    if (ref.kind === 'document') {
      let entry = documentGroups.get(ref.documentId);
      if (entry === undefined) {
        const source = sources.document(ref.documentId);
        entry = source === undefined ? null : { source, terms: new Set(), titleOnlySeen: false, group: { kind: 'document', documentId: ref.documentId, title: source.title, titleMarks: [], score: result.score, total: 0, hits: [] } };
        documentGroups.set(ref.documentId, entry);
        if (entry !== null) order.push(entry);
      }
      if (entry === null) continue;
      const titleOnly = !matchedText(result);
      if (titleOnly && entry.titleOnlySeen) continue;
      entry.titleOnlySeen ||= titleOnly;
      if (hasRoom(entry.group)) {
        entry.group.hits.push(documentHit(result, ref.documentId, ref.start, entry.source, sources.passageEnd(ref.documentId, ref.start)));
        for (const term of result.terms) entry.terms.add(term);
        built++;
      }
      entry.group.total++;
    } else {
      const source = sources.note(ref.noteId);
      if (source === undefined) continue;
      if (notes === undefined) {
        notes = { terms: new Set(), group: { kind: 'note', title: NOTES_GROUP_TITLE, titleMarks: [], score: result.score, total: 0, hits: [] } };
        order.push(notes);
      }
      if (hasRoom(notes.group)) {
        notes.group.hits.push(noteHit(result, ref.noteId, source));
        built++;
      }
      notes.group.total++;
    }
    total++;
  }

  const groups: SearchGroup[] = [];
  for (const { group, terms } of order) {
    if (group.hits.length === 0) continue;
    if (group.kind === 'document') group.titleMarks = markTerms(group.title, terms);
    groups.push(group);
  }
  return { query, combinedWith, total, groups };
}
