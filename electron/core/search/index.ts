/**
 * Full-text search over the library's documents and notes (MiniSearch).
 * `LibrarySearch` indexes and answers queries; results are plain data with
 * marked snippets and offsets to scroll to. See search-index.ts.
 */
export { LibrarySearch } from './search-index';
export { DEFAULT_SLICE_MS, TimeSlices, yieldToTimers, type YieldNow } from './time-slices';
export { SEARCH_FORMAT_VERSION, type SearchSnapshot } from './search-snapshot';
export { NOTES_GROUP_TITLE } from './search-results';
export { SNIPPET_LENGTH } from './snippet';
export { foldTerm } from './search-terms';
export type {
  DocumentGroup,
  DocumentHit,
  Mark,
  NoteHit,
  NotesGroup,
  SearchGroup,
  SearchHit,
  SearchKind,
  SearchOptions,
  SearchResults,
} from './search-types';
