/**
 * The renderer's copy of every annotation: an immutable snapshot replaced
 * on each change (so React re-renders exactly when something changed), and
 * indexes derived from a snapshot once and cached with it.
 */
import { documentIdOfUri, markdownOf, noteTitle, type Annotation } from '../../../electron/api/annotation-schema';
import { mentionIndex } from './backlinks';
import { titleKey } from './mentions';

/** Every annotation at one moment. */
export interface AnnotationSnapshot {
  readonly version: number;
  readonly byId: ReadonlyMap<string, Annotation>;
}

const EMPTY: AnnotationSnapshot = { version: 0, byId: new Map() };

/** Commits remembered for incremental work (anchoring); older ones mean "start over". */
const LOGGED_COMMITS = 64;

/** Holds the current snapshot and tells subscribers when it is replaced. */
export class AnnotationStore {
  #snapshot: AnnotationSnapshot = EMPTY;
  readonly #listeners = new Set<() => void>();
  /** Which ids each recent commit changed; a reset is logged as null (everything changed). */
  #log: { version: number; ids: ReadonlySet<string> | null }[] = [];

  snapshot = (): AnnotationSnapshot => this.#snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** Replaces everything (the first load, an import). */
  reset(annotations: readonly Annotation[]): void {
    this.#commit(new Map(annotations.map((a) => [a.id, a])), null);
  }

  /**
   * Adds annotations loaded later (a document opened after start-up); ids
   * already held are kept as they are, since the local copy may be newer.
   */
  merge(annotations: readonly Annotation[]): void {
    const added = annotations.filter((a) => !this.#snapshot.byId.has(a.id));
    if (added.length === 0) return;
    const next = new Map(this.#snapshot.byId);
    for (const a of added) next.set(a.id, a);
    this.#commit(next, new Set(added.map((a) => a.id)));
  }

  /**
   * Adds the rest of a load that came in parts: annotations not held are
   * added, except those changed here since snapshot `version` (one deleted
   * meanwhile must not come back); held ones keep their local copy.
   */
  fill(annotations: readonly Annotation[], version: number): void {
    const changed = this.changedSince(version);
    if (changed === null) {
      // Everything was replaced since (a reload): it holds a whole load already.
      this.merge(annotations);
      return;
    }
    this.merge(annotations.filter((a) => !changed.has(a.id)));
  }

  /** Applies puts (an annotation) and deletes (null) by id. */
  apply(states: ReadonlyArray<readonly [string, Annotation | null]>): void {
    if (states.length === 0) return;
    const next = new Map(this.#snapshot.byId);
    for (const [id, state] of states) {
      if (state) next.set(id, state);
      else next.delete(id);
    }
    this.#commit(next, new Set(states.map(([id]) => id)));
  }

  /**
   * The ids changed between snapshot `version` and now, or null when that
   * is not known (a reset in between, or too long ago): then everything may
   * have changed.
   */
  changedSince(version: number): ReadonlySet<string> | null {
    if (version === this.#snapshot.version) return new Set();
    const first = this.#log.findIndex((entry) => entry.version === version + 1);
    if (first < 0) return null;
    const ids = new Set<string>();
    for (const entry of this.#log.slice(first)) {
      if (entry.ids === null) return null;
      for (const id of entry.ids) ids.add(id);
    }
    return ids;
  }

  get(id: string): Annotation | undefined {
    return this.#snapshot.byId.get(id);
  }

  #commit(byId: Map<string, Annotation>, ids: ReadonlySet<string> | null): void {
    this.#snapshot = { version: this.#snapshot.version + 1, byId };
    this.#log.push({ version: this.#snapshot.version, ids });
    if (this.#log.length > LOGGED_COMMITS) this.#log.shift();
    for (const listener of this.#listeners) listener();
  }
}

interface Derived {
  byDocument: Map<string, Annotation[]>;
  notes: Annotation[];
  titles: Map<string, Annotation>;
  mentions: Map<string, Annotation[]>;
}

const derivedCache = new WeakMap<AnnotationSnapshot, Derived>();

function derive(snapshot: AnnotationSnapshot): Derived {
  const cached = derivedCache.get(snapshot);
  if (cached) return cached;
  const byDocument = new Map<string, Annotation[]>();
  const notes: Annotation[] = [];
  const titles = new Map<string, Annotation>();
  for (const annotation of snapshot.byId.values()) {
    const documents = new Set<string>();
    for (const target of annotation.target) if (typeof target !== 'string') documents.add(documentIdOfUri(target.source));
    for (const id of documents) {
      const list = byDocument.get(id);
      if (list) list.push(annotation);
      else byDocument.set(id, [annotation]);
    }
    if (annotation.motivation === 'commenting') notes.push(annotation);
  }
  // Newest first, as a notebook is read; the oldest note keeps a title shared by several.
  notes.sort((a, b) => b.modified.localeCompare(a.modified));
  for (const note of [...notes].reverse()) {
    const key = titleKey(noteTitle(markdownOf(note)));
    if (!titles.has(key)) titles.set(key, note);
  }
  const derived: Derived = { byDocument, notes, titles, mentions: mentionIndex(snapshot.byId.values()) };
  derivedCache.set(snapshot, derived);
  return derived;
}

const NONE: readonly Annotation[] = Object.freeze([]);

/** Annotations with a passage in `documentId`. */
export function annotationsOfDocument(snapshot: AnnotationSnapshot, documentId: string): readonly Annotation[] {
  return derive(snapshot).byDocument.get(documentId) ?? NONE;
}

/** Every note, most recently changed first. */
export function allNotes(snapshot: AnnotationSnapshot): readonly Annotation[] {
  return derive(snapshot).notes;
}

/** The note a `[[Title]]` mention names, if any. */
export function noteByTitle(snapshot: AnnotationSnapshot, title: string): Annotation | undefined {
  return derive(snapshot).titles.get(titleKey(title));
}

/** Notes and links by the title keys they mention. */
export function mentionsOf(snapshot: AnnotationSnapshot): ReadonlyMap<string, readonly Annotation[]> {
  return derive(snapshot).mentions;
}
