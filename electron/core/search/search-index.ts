/**
 * Full-text search over a library: every document, cut into passages, and
 * every note, in one MiniSearch index. Pure: no DOM, no Node built-ins, so it
 * runs in the main process, a worker or a test alike. The library keeps it
 * up to date (add, replace, remove, note edits); a snapshot (toJSON,
 * fromJSON) can persist it. Long texts can be added in slices (the *Async
 * methods) so the process indexing them stays responsive.
 */
import MiniSearch, { type Options, type SearchOptions as MiniSearchOptions, type SearchResult } from 'minisearch';
import { segmentText } from '../text-blocks';
import { noteItemId, parseItemId, passageId } from './item-ids';
import { groupResults, TEXT_FIELD, type ResultSources } from './search-results';
import { makeSnapshot, readSnapshot, type SearchSnapshot } from './search-snapshot';
import { foldTerm, hasWord, tokenize } from './search-terms';
import { STOP_WORDS } from '../stop-words';
import type { SearchOptions, SearchResults } from './search-types';
import { TimeSlices } from './time-slices';

/** The title field; the text field is TEXT_FIELD. */
const TITLE_FIELD = 'title';
/** How much more a word in a title counts than one in the text. */
const TITLE_BOOST = 2;
/** Typo tolerance: edits allowed per character of a query word (0.2: one edit in 4 to 7 letters, two in 8 to 12). */
const FUZZY = 0.2;
/** Shorter words must match exactly: one edit in a three-letter word matches too much ("war" and "was"). */
const MIN_FUZZY_LENGTH = 4;
const MAX_FUZZY_EDITS = 2;
/**
 * A word being typed is matched as a prefix from its third letter. One or two
 * letters expand to a large part of the vocabulary (0.7 s for "ka" in 50 MB of
 * text) and rank nothing usefully; they are matched exactly instead.
 */
const MIN_PREFIX_LENGTH = 3;
/** Paragraphs are indexed together until a passage is this long (about a page of a book). */
export const MIN_PASSAGE_CHARS = 4000;

export interface LibrarySearchOptions {
  /** Join paragraphs into passages of at least this many characters (default MIN_PASSAGE_CHARS; 0: one passage per paragraph block). */
  minPassageChars?: number;
}
/** Most query words searched; the rest of a longer query is ignored. */
const MAX_QUERY_WORDS = 12;
const DEFAULT_LIMIT = 50;
const DEFAULT_PER_GROUP = 10;
/** Whether a query ends inside a word, which the reader is presumably still typing. */
const ENDS_IN_WORD = /[\p{L}\p{N}\p{M}]$/u;

/** One indexed item: a passage of a document, or a note. */
interface IndexItem {
  id: string;
  title: string;
  text: string;
}

const INDEX_OPTIONS: Options<IndexItem> = {
  fields: [TITLE_FIELD, TEXT_FIELD],
  storeFields: [],
  tokenize,
  processTerm: (term) => foldTerm(term),
};

interface IndexedDocument {
  title: string;
  text: string;
  /** Indexed passages as flattened, ascending [start, end) pairs. */
  passages: number[];
}

interface IndexedNote {
  title: string;
  body: string;
  documentIds: string[];
}

/** Index of `start` among the passage starts (even entries) of `passages`, or -1. */
function findPassage(passages: readonly number[], start: number): number {
  let low = 0;
  let high = passages.length / 2 - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = passages[2 * mid]!;
    if (at === start) return 2 * mid;
    if (at < start) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/**
 * The passages a document is indexed in: its paragraph blocks, short ones
 * joined with the next until a passage holds MIN_PASSAGE_CHARS, about a
 * page. A common word is in most paragraphs, and the search scores every
 * passage it is in: page-sized passages make such a query several times
 * faster (on the 50 MB bench library, the 95th percentile went from about
 * 130 ms to about 60), while a hit still scrolls to its matched word.
 * Several matches on one page make one hit; Ctrl+F lists them all.
 */
function* searchPassages(text: string, minChars: number): Generator<{ start: number; end: number }> {
  let start = -1;
  let end = -1;
  for (const block of segmentText(text)) {
    if (start < 0) start = block.start;
    end = block.contentEnd;
    if (end - start >= minChars) {
      yield { start, end };
      start = -1;
    }
  }
  if (start >= 0) yield { start, end };
}

/** The full-text index of a library's documents and notes. */
export class LibrarySearch {
  private index = new MiniSearch<IndexItem>(INDEX_OPTIONS);
  private readonly documents = new Map<string, IndexedDocument>();
  private readonly notes = new Map<string, IndexedNote>();
  private readonly minPassageChars: number;

  constructor(options: LibrarySearchOptions = {}) {
    this.minPassageChars = options.minPassageChars ?? MIN_PASSAGE_CHARS;
  }

  /** Number of indexed documents. */
  get documentCount(): number {
    return this.documents.size;
  }

  /** Number of indexed notes. */
  get noteCount(): number {
    return this.notes.size;
  }

  /** Whether `documentId` is indexed. */
  hasDocument(documentId: string): boolean {
    return this.documents.has(documentId);
  }

  /**
   * Indexes a document: its paragraph blocks (segmentText, so long
   * paragraphs come in pieces), short ones joined into passages of at least
   * `minPassageChars`; a text without words is one
   * empty passage, so the title still finds it. Throws if it is already
   * indexed; use replaceDocument for a new version or a new title.
   */
  addDocument(documentId: string, title: string, text: string): void {
    for (const _ of this.indexDocument(documentId, title, text));
  }

  /**
   * addDocument in slices: the same passages in the same order (so the same
   * index and the same answers), with a pause whenever `slices` says its time
   * is up, so a long text does not hold the thread. Searches made during a
   * pause see the passages indexed so far. If the document is removed or
   * replaced during a pause, this add stops there (the newer change wins). If
   * the pause rejects, so does this, leaving the passages added so far.
   */
  async addDocumentAsync(documentId: string, title: string, text: string, slices: TimeSlices = new TimeSlices()): Promise<void> {
    for (const _ of this.indexDocument(documentId, title, text)) await slices.pauseIfDue();
  }

  /**
   * Adds a document's passages one at a time, yielding after each. The
   * document is registered first and its passages grow in order, so the
   * index is consistent between any two steps.
   */
  private *indexDocument(documentId: string, title: string, text: string): Generator<void, void, undefined> {
    if (this.documents.has(documentId)) throw new Error(`Document ${documentId} is already in the search index.`);
    const indexed: IndexedDocument = { title, text, passages: [] };
    this.documents.set(documentId, indexed);
    const { passages } = indexed;
    for (const { start, end } of searchPassages(text, this.minPassageChars)) {
      const passage = text.slice(start, end);
      if (!hasWord(passage)) continue;
      this.index.add({ id: passageId(documentId, start), title, text: passage });
      passages.push(start, end);
      yield;
      // Removed or replaced while the caller paused: whatever it added stands, and this add is over.
      if (this.documents.get(documentId) !== indexed) return;
    }
    if (passages.length === 0) {
      // A document without words (a scanned PDF, an empty file) can still be found by its title.
      this.index.add({ id: passageId(documentId, 0), title, text: '' });
      passages.push(0, 0);
    }
  }

  /** Removes a document's passages; false if it was not indexed. */
  removeDocument(documentId: string): boolean {
    const document = this.documents.get(documentId);
    if (document === undefined) return false;
    const ids: string[] = [];
    for (let i = 0; i < document.passages.length; i += 2) ids.push(passageId(documentId, document.passages[i]!));
    // discard needs only the ids; MiniSearch cleans the stale terms up later, in batches.
    this.index.discardAll(ids);
    this.documents.delete(documentId);
    return true;
  }

  /** Indexes a new version (or a new title) of a document, indexed before or not. */
  replaceDocument(documentId: string, title: string, text: string): void {
    this.removeDocument(documentId);
    this.addDocument(documentId, title, text);
  }

  /** replaceDocument in slices, as addDocumentAsync. */
  async replaceDocumentAsync(documentId: string, title: string, text: string, slices: TimeSlices = new TimeSlices()): Promise<void> {
    this.removeDocument(documentId);
    await this.addDocumentAsync(documentId, title, text, slices);
  }

  /** Indexes a note (an annotation's Markdown body) or its new text; `documentIds` are the documents it targets. */
  upsertNote(noteId: string, title: string, body: string, documentIds: readonly string[] = []): void {
    this.removeNote(noteId);
    this.index.add({ id: noteItemId(noteId), title, text: body });
    this.notes.set(noteId, { title, body, documentIds: [...documentIds] });
  }

  /** Removes a note; false if it was not indexed. */
  removeNote(noteId: string): boolean {
    if (!this.notes.delete(noteId)) return false;
    this.index.discard(noteItemId(noteId));
    return true;
  }

  /**
   * Searches passages and notes. Every query word must match (AND), unless no
   * item holds them all, in which case any may (OR). Words match whatever
   * their case and accents, with typos in longer words, and the last word as
   * a prefix while it is being typed.
   */
  search(query: string, options: SearchOptions = {}): SearchResults {
    const words = tokenize(query);
    const typing = ENDS_IN_WORD.test(query);
    // "the", "of" match nearly every passage: scoring them costs most of a query's time and ranks nothing.
    // A word being typed stays, whatever it is so far ("the" may become "theory").
    const telling = words.filter((word, i) => !STOP_WORDS.has(foldTerm(word)) || (typing && i === words.length - 1));
    const kept = telling.length > 0 ? telling : words;
    // Each word costs a fuzzy walk of the vocabulary; a pasted paragraph is searched by its first words.
    const searched = kept.slice(0, MAX_QUERY_WORDS).join(' ');
    const completeLastWord = !typing || kept.length > MAX_QUERY_WORDS;
    const searchOptions: MiniSearchOptions = {
      prefix: (term, i, terms) => !completeLastWord && i === terms.length - 1 && term.length >= MIN_PREFIX_LENGTH,
      fuzzy: (term) => (term.length >= MIN_FUZZY_LENGTH ? FUZZY : false),
      maxFuzzy: MAX_FUZZY_EDITS,
      boost: { [TITLE_FIELD]: TITLE_BOOST },
      filter: this.filterFor(options),
    };
    let combinedWith: 'AND' | 'OR' = 'AND';
    let results: SearchResult[] = this.index.search(searched, { ...searchOptions, combineWith: 'AND' });
    if (results.length === 0 && kept.length > 1) {
      combinedWith = 'OR';
      results = this.index.search(searched, { ...searchOptions, combineWith: 'OR' });
    }
    const limits = { limit: options.limit ?? DEFAULT_LIMIT, perGroup: options.perGroup ?? DEFAULT_PER_GROUP };
    return groupResults(query, combinedWith, results, this.sources, limits);
  }

  /** The persisted form; JSON.stringify(search) calls it. */
  toJSON(): SearchSnapshot {
    const documents = [...this.documents].map(([id, { title, text, passages }]) => ({ id, title, text, passages }));
    const notes = [...this.notes].map(([id, { title, body, documentIds }]) => ({ id, title, body, documentIds }));
    return makeSnapshot(documents, notes, this.index.toJSON());
  }

  /**
   * Loads a snapshot (the JSON string or its parsed value). Null when it is
   * of another format version or damaged: the caller then rebuilds the index.
   */
  static fromJSON(json: unknown): LibrarySearch | null {
    const snapshot = readSnapshot(json);
    if (snapshot === null) return null;
    let index: MiniSearch<IndexItem>;
    try {
      index = MiniSearch.loadJS<IndexItem>(snapshot.index, INDEX_OPTIONS);
    } catch {
      return null;
    }
    // A snapshot whose parts disagree (an edit by hand, a bug) is not worth trusting: every item must be in the index, and nothing else.
    const search = new LibrarySearch();
    search.index = index;
    let items = 0;
    for (const { id, title, text, passages } of snapshot.documents) {
      if (search.documents.has(id)) return null;
      search.documents.set(id, { title, text, passages });
      for (let i = 0; i < passages.length; i += 2, items++) if (!index.has(passageId(id, passages[i]!))) return null;
    }
    for (const { id, title, body, documentIds } of snapshot.notes) {
      if (search.notes.has(id) || !index.has(noteItemId(id))) return null;
      search.notes.set(id, { title, body, documentIds });
      items++;
    }
    return index.documentCount === items ? search : null;
  }

  private filterFor({ documentIds, kinds }: SearchOptions): ((result: SearchResult) => boolean) | undefined {
    if (documentIds === undefined && kinds === undefined) return undefined;
    const allowedKinds = new Set(kinds ?? ['document', 'note']);
    const allowedDocuments = documentIds === undefined ? null : new Set(documentIds);
    return (result) => {
      const ref = parseItemId(result.id as string);
      if (ref === null || !allowedKinds.has(ref.kind)) return false;
      if (allowedDocuments === null) return true;
      if (ref.kind === 'document') return allowedDocuments.has(ref.documentId);
      return this.notes.get(ref.noteId)?.documentIds.some((id) => allowedDocuments.has(id)) ?? false;
    };
  }

  /** Where grouping reads the items' texts. */
  private readonly sources: ResultSources = {
    document: (documentId) => this.documents.get(documentId),
    passageEnd: (documentId, start) => {
      const passages = this.documents.get(documentId)?.passages ?? [];
      const at = findPassage(passages, start);
      return at < 0 ? start : passages[at + 1]!;
    },
    note: (noteId) => this.notes.get(noteId),
  };
}
