/**
 * The library's full-text index, kept in the host process (the renderer
 * only sends queries, so typing never waits on indexing). It is built on
 * the first search, from every document in the library and every note, and
 * then kept up to date as documents are imported, replaced, removed and
 * restored and as notes are written.
 */
import { markdownOf, noteTitle, passagesOf, documentIdOfUri, type Annotation } from '../api/annotation-schema';
import { LibrarySearch, type SearchOptions, type SearchResults } from '../core/search';

export interface SearchSource {
  /** The documents to index (not those in the trash). */
  documents: () => readonly { id: string; title: string }[];
  text: (documentId: string) => Promise<string>;
  notes: () => readonly Annotation[];
}

export class LibrarySearchService {
  readonly #source: SearchSource;
  #index: LibrarySearch | null = null;
  #building: Promise<LibrarySearch> | null = null;

  constructor(source: SearchSource) {
    this.#source = source;
  }

  async search(query: string, options: SearchOptions): Promise<SearchResults> {
    const index = await this.#ready();
    return index.search(query, options);
  }

  /**
   * Applies a change to the index if there is one. While the index is being
   * built the change waits for it, since the build may have read the old state.
   */
  async #whenBuilt(change: (index: LibrarySearch) => void | Promise<void>): Promise<void> {
    const index = this.#index ?? (this.#building ? await this.#building.catch(() => null) : null);
    if (index) await change(index);
  }

  /** A document added, or a new version or title of one. */
  documentChanged(id: string, title: string): Promise<void> {
    return this.#whenBuilt(async (index) => index.replaceDocument(id, title, await this.#source.text(id)));
  }

  documentRemoved(id: string): Promise<void> {
    return this.#whenBuilt((index) => void index.removeDocument(id));
  }

  noteChanged(annotation: Annotation): Promise<void> {
    if (annotation.motivation !== 'commenting') return this.noteRemoved(annotation.id);
    const body = markdownOf(annotation);
    return this.#whenBuilt((index) => index.upsertNote(annotation.id, noteTitle(body), body, passagesOf(annotation).map((t) => documentIdOfUri(t.source))));
  }

  noteRemoved(id: string): Promise<void> {
    return this.#whenBuilt((index) => void index.removeNote(id));
  }

  #ready(): Promise<LibrarySearch> {
    if (this.#index) return Promise.resolve(this.#index);
    this.#building ??= this.#build().then(
      (index) => {
        this.#index = index;
        this.#building = null;
        return index;
      },
      (error: unknown) => {
        this.#building = null;
        throw error;
      },
    );
    return this.#building;
  }

  async #build(): Promise<LibrarySearch> {
    const index = new LibrarySearch();
    for (const { id, title } of this.#source.documents()) index.addDocument(id, title, await this.#source.text(id));
    for (const note of this.#source.notes()) {
      const body = markdownOf(note);
      index.upsertNote(note.id, noteTitle(body), body, passagesOf(note).map((t) => documentIdOfUri(t.source)));
    }
    return index;
  }
}
