/**
 * The persisted form of a library search: MiniSearch's own serialisation of
 * the index, plus what the index does not keep (each document's text and
 * passage boundaries, each note's text), so a loaded index can cut snippets
 * without asking the library for anything.
 *
 * A snapshot is a cache: anything unexpected, including an older format
 * version, reads as null and the caller rebuilds the index from the library.
 */
import type { AsPlainObject } from 'minisearch';

/**
 * Bump when the stored terms or item ids change meaning: the tokenizer, term
 * folding, passage cutting, the indexed fields or this shape.
 */
export const SEARCH_FORMAT_VERSION = 2;
const SEARCH_FORMAT = 'diptych-search-index';

/** One indexed document in a snapshot. */
export interface DocumentSnapshot {
  id: string;
  title: string;
  text: string;
  /** Indexed passages as [start, end) pairs, flattened and ascending: s0, e0, s1, e1, … */
  passages: number[];
}

/** One indexed note in a snapshot. */
export interface NoteSnapshot {
  id: string;
  title: string;
  body: string;
  documentIds: string[];
}

/** The JSON a LibrarySearch persists (LibrarySearch.toJSON). */
export interface SearchSnapshot {
  format: typeof SEARCH_FORMAT;
  version: number;
  documents: DocumentSnapshot[];
  notes: NoteSnapshot[];
  index: AsPlainObject;
}

/** Builds the snapshot envelope around MiniSearch's serialised index. */
export function makeSnapshot(documents: DocumentSnapshot[], notes: NoteSnapshot[], index: AsPlainObject): SearchSnapshot {
  return { format: SEARCH_FORMAT, version: SEARCH_FORMAT_VERSION, documents, notes, index };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isPassageList(value: unknown, textLength: number): value is number[] {
  if (!Array.isArray(value) || value.length % 2 !== 0) return false;
  let previous = 0;
  for (const offset of value) {
    if (!Number.isInteger(offset) || offset < previous || offset > textLength) return false;
    previous = offset;
  }
  return true;
}

function isDocumentSnapshot(value: unknown): value is DocumentSnapshot {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.title === 'string' &&
    typeof value.text === 'string' &&
    isPassageList(value.passages, value.text.length)
  );
}

function isNoteSnapshot(value: unknown): value is NoteSnapshot {
  return isRecord(value) && typeof value.id === 'string' && typeof value.title === 'string' && typeof value.body === 'string' && isStringArray(value.documentIds);
}

/**
 * Whether `value` is shaped like one term of MiniSearch's serialised index:
 * [term, {fieldId: {shortId: frequency}}]. The frequencies are not read:
 * one pass over the terms is cheap, one over every posting is not.
 */
function isIndexEntry(value: unknown): boolean {
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string' || !isRecord(value[1])) return false;
  for (const fieldId in value[1]) if (!isRecord(value[1][fieldId])) return false;
  return true;
}

/**
 * The snapshot in `json` (a JSON string or the parsed value), or null when it
 * is not one this version wrote. MiniSearch checks its own part when loading.
 */
export function readSnapshot(json: unknown): SearchSnapshot | null {
  let value = json;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (!isRecord(value) || value.format !== SEARCH_FORMAT || value.version !== SEARCH_FORMAT_VERSION) return null;
  const { documents, notes, index } = value;
  if (!Array.isArray(documents) || !documents.every(isDocumentSnapshot)) return null;
  if (!Array.isArray(notes) || !notes.every(isNoteSnapshot)) return null;
  if (!isRecord(index) || !Array.isArray(index.index) || !index.index.every(isIndexEntry) || !isRecord(index.documentIds)) return null;
  return value as unknown as SearchSnapshot;
}
