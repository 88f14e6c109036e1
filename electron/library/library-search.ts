/**
 * The library's full-text index, kept in the host process (the renderer
 * only sends queries, so typing never waits on indexing). It is built from
 * every document in the library and every note in the background shortly
 * after the library opens (or on the first search, if that comes sooner),
 * then kept up to date as documents are imported, replaced, removed and
 * restored and as notes are written. It is not persisted: each start
 * rebuilds it.
 *
 * Indexing is cooperative: it runs in slices of a few milliseconds and hands
 * the event loop back between them (setImmediate), so a save or any other
 * call made while 50 MB of text are being indexed is answered at once
 * rather than after the whole build.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { markdownOf, noteTitle, passagesOf, documentIdOfUri, type Annotation } from '../api/annotation-schema';
import { LibrarySearch, TimeSlices, type SearchOptions, type SearchResults, type YieldNow } from '../core/search';

export interface SearchSource {
  /** The documents to index (not those in the trash). */
  documents: () => readonly { id: string; title: string }[];
  text: (documentId: string) => Promise<string>;
  notes: () => readonly Annotation[];
}

export interface SearchServiceOptions {
  /** Hands the event loop back between slices of indexing (default: setImmediate, so pending I/O runs first). */
  yieldNow?: YieldNow;
  /** The longest run of indexing between two pauses, in ms (default SLICE_MS). */
  sliceMs?: number;
  /** Reports a document left out of the index and a background build that failed (default: nothing). */
  log?: (message: string) => void;
  /** How long a passage is at least (LibrarySearch's option); tests set 0 to index paragraph by paragraph. */
  minPassageChars?: number;
}

/**
 * The longest run of indexing between two pauses, in ms. Each step of
 * another call that waits on the disk waits for up to one slice, and a save
 * takes about eight such steps (open, write, sync, rename…): 4 ms keeps a
 * save under 40 ms during a build, at no measurable cost to the build.
 */
export const SLICE_MS = 4;

/** How long after the library opens the background build starts: the window's first requests go first. */
export const WARM_UP_DELAY_MS = 2000;

/** Thrown at a pause of work that a reset or dispose made pointless; never reaches a caller as a failure of its own. */
class Superseded extends Error {
  constructor() {
    super('The search index was closed or reset while it was being built.');
  }
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function addNote(index: LibrarySearch, note: Annotation): void {
  const body = markdownOf(note);
  index.upsertNote(note.id, noteTitle(body), body, passagesOf(note).map((t) => documentIdOfUri(t.source)));
}

export class LibrarySearchService {
  readonly #source: SearchSource;
  readonly #yieldNow: YieldNow;
  readonly #sliceMs: number;
  readonly #log: (message: string) => void;
  readonly #minPassageChars: number | undefined;
  #index: LibrarySearch | null = null;
  #building: Promise<LibrarySearch> | null = null;
  /** Changes run one at a time, in the order they were made: a removal never overtakes the add before it. */
  #changes: Promise<void> = Promise.resolve();
  /** Bumped by reset and dispose: work started before stops at its next pause. */
  #generation = 0;
  #disposed = false;
  /** The warm-up delay once warmUp was called, so a reset warms the new index up too. */
  #warmUpMs: number | null = null;
  #warmUpTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(source: SearchSource, options: SearchServiceOptions = {}) {
    this.#source = source;
    this.#yieldNow = options.yieldNow ?? (() => nextTurn());
    this.#sliceMs = options.sliceMs ?? SLICE_MS;
    this.#log = options.log ?? (() => {});
    this.#minPassageChars = options.minPassageChars;
  }

  /** Whether the index is being built right now. */
  get building(): boolean {
    return this.#building !== null;
  }

  /** Whether the index is built (and searches answer without a build). */
  get ready(): boolean {
    return this.#index !== null;
  }

  /**
   * Searches the index, built first if need be. A search waits for the
   * changes made before it, so it finds a document just imported.
   */
  async search(query: string, options: SearchOptions): Promise<SearchResults> {
    for (;;) {
      try {
        const index = await this.#ready();
        await this.#changes;
        if (index === this.#index) return index.search(query, options);
      } catch (error) {
        if (!(error instanceof Superseded)) throw error;
      }
      // Reset meanwhile (a backup restored): search the new index. Closed: #ready says so.
    }
  }

  /**
   * Builds the index in the background `delayMs` from now, unless a search
   * has started a build by then. A failure is logged; the next search tries again.
   */
  warmUp(delayMs: number = WARM_UP_DELAY_MS): void {
    if (this.#disposed) return;
    this.#warmUpMs = delayMs;
    clearTimeout(this.#warmUpTimer);
    this.#warmUpTimer = setTimeout(() => {
      this.#warmUpTimer = undefined;
      this.#ready().catch((error: unknown) => {
        if (error instanceof Superseded || this.#disposed) return;
        this.#log(`The search index could not be built in the background (${describe(error)}); the next search tries again.`);
      });
    }, delayMs);
    // A pending warm-up never keeps a process alive.
    this.#warmUpTimer.unref?.();
  }

  /**
   * Drops the index, stopping a build in progress at its next pause, because
   * the library was replaced (a backup restored): the next search, or the
   * warm-up if there is one, builds it from the library as it is now.
   */
  reset(): void {
    if (this.#disposed) return;
    this.#generation++;
    this.#index = null;
    this.#building = null;
    if (this.#warmUpMs !== null) this.warmUp(this.#warmUpMs);
  }

  /**
   * Stops for good: cancels a pending warm-up, stops a build or a change in
   * progress at its next pause (within a slice, or once a file being read
   * arrives) and resolves when they have stopped. Never rejects; searches
   * after it reject.
   */
  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    clearTimeout(this.#warmUpTimer);
    this.#warmUpTimer = undefined;
    this.#generation++;
    const building = this.#building;
    this.#index = null;
    this.#building = null;
    await Promise.allSettled([building, this.#changes]);
  }

  /*
   * The changes below resolve once the index has taken them in; while the
   * index is being built they are queued behind the build and resolve at
   * once, so an import never waits for a build. They never reject: a change
   * the index could not take in (an unreadable file) is logged, and the call
   * that made it has succeeded all the same.
   */

  /** A document added, or a new version or title of one. */
  documentChanged(id: string, title: string): Promise<void> {
    return this.#change(async (index, slices) => index.replaceDocumentAsync(id, title, await this.#source.text(id), slices));
  }

  documentRemoved(id: string): Promise<void> {
    return this.#change((index) => void index.removeDocument(id));
  }

  noteChanged(annotation: Annotation): Promise<void> {
    if (annotation.motivation !== 'commenting') return this.noteRemoved(annotation.id);
    return this.#change((index) => addNote(index, annotation));
  }

  noteRemoved(id: string): Promise<void> {
    return this.#change((index) => void index.removeNote(id));
  }

  /**
   * Queues a change to the index, if there is one. While the index is being
   * built the change waits for it, since the build may have read the old
   * state; with no index and no build there is nothing to change, as the
   * build to come reads the library as it will be.
   */
  #change(apply: (index: LibrarySearch, slices: TimeSlices) => void | Promise<void>): Promise<void> {
    const behindBuild = this.#index === null && this.#building !== null;
    const run = async (): Promise<void> => {
      const generation = this.#generation;
      const index = this.#index ?? (this.#building ? await this.#building.catch(() => null) : null);
      // Reset or disposed meanwhile: the index this change was for is gone, and the next build reads the library as changed.
      if (index === null || index !== this.#index || generation !== this.#generation) return;
      await apply(index, this.#slices(generation));
    };
    const done = this.#changes.then(run).catch((error: unknown) => {
      if (error instanceof Superseded) return;
      this.#log(`The search index could not take in a change (${describe(error)}); searches may miss it until Diptych restarts.`);
    });
    this.#changes = done;
    return behindBuild ? Promise.resolve() : done;
  }

  #ready(): Promise<LibrarySearch> {
    if (this.#disposed) return Promise.reject(new Error('The library is closed: there is no search index to search.'));
    if (this.#index) return Promise.resolve(this.#index);
    if (this.#building === null) {
      const generation = this.#generation;
      const building: Promise<LibrarySearch> = this.#build(generation).then(
        (index) => {
          this.#check(generation);
          this.#index = index;
          this.#building = null;
          return index;
        },
        (error: unknown) => {
          if (this.#building === building) this.#building = null;
          throw error;
        },
      );
      this.#building = building;
    }
    return this.#building;
  }

  async #build(generation: number): Promise<LibrarySearch> {
    const slices = this.#slices(generation);
    const index = new LibrarySearch({ minPassageChars: this.#minPassageChars });
    for (const { id, title } of this.#source.documents()) {
      let text: string;
      try {
        text = await this.#source.text(id);
      } catch (error) {
        this.#check(generation);
        // One unreadable file (its message says why) should not leave the whole library unsearchable.
        this.#log(`"${title}" is left out of the search index: ${describe(error)}`);
        continue;
      }
      this.#check(generation);
      await index.addDocumentAsync(id, title, text, slices);
    }
    for (const note of this.#source.notes()) {
      addNote(index, note);
      await slices.pauseIfDue();
    }
    return index;
  }

  /** A time budget whose pauses stop work of an older generation. */
  #slices(generation: number): TimeSlices {
    return new TimeSlices(async () => {
      await this.#yieldNow();
      this.#check(generation);
    }, this.#sliceMs);
  }

  #check(generation: number): void {
    if (generation !== this.#generation) throw new Superseded();
  }
}
