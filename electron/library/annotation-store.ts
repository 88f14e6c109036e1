/**
 * The annotation store: every annotation in memory, indexed by id and by
 * document, and on disk one lowdb file per home (an annotation's first
 * passage's document, or the notebook). A change rewrites only the files it
 * touches, so its cost follows the size of one document's annotations,
 * not the library's. Each change answers once its file is fsync'd.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { documentIdOfUri, passagesOf, type Annotation } from '../api/annotation-schema';
import type { Notice } from '../api/contract';
import {
  ANNOTATION_FILE_SCHEMA_VERSION,
  ANNOTATIONS_FOLDER,
  DOCUMENT_FILES_FOLDER,
  homeDocumentOf,
  homeFileOf,
  NOTEBOOK_FILE,
  type AnnotationFileData,
} from './annotation-file';
import { DurableJsonFile, nodeDurableFs, type DurableFs } from './durable-json-file';
import { loadAnnotationFiles, type LoadedCopy } from './annotation-store-load';

export interface AnnotationStoreOptions {
  now?: () => Date;
  /** Where the store reports what it repaired (duplicates, misplaced annotations). */
  log?: (message: string) => void;
  /** Carries every write; tests hand in one that fails for a while. */
  fs?: DurableFs;
}

/** One file on disk and the annotations that belong in it. */
interface HomeFile {
  readonly relative: string;
  readonly documentId: string | null;
  readonly low: Low<AnnotationFileData>;
  /** Usually the annotations whose home this is; during a move, also a lingering copy until the new home is on disk. */
  readonly items: Map<string, Annotation>;
}

/** How many annotations an import added and replaced. */
export interface PutAllResult {
  added: number;
  replaced: number;
}

export class AnnotationStore {
  /** The annotations folder. */
  readonly folder: string;
  readonly #now: () => Date;
  readonly #fs: DurableFs;
  readonly #files = new Map<string, HomeFile>();
  readonly #byId = new Map<string, Annotation>();
  readonly #byDocument = new Map<string, Set<string>>();
  readonly #inFlight = new Set<Promise<unknown>>();
  /** Files whose last write failed: `flush` tries them again. */
  readonly #unsaved = new Set<HomeFile>();

  private constructor(folder: string, now: () => Date, fs: DurableFs) {
    this.folder = folder;
    this.#now = now;
    this.#fs = fs;
  }

  /**
   * Loads every annotation file under `<dataDir>/annotations`. Unreadable
   * files are set aside and reported in `notices`; an annotation found in
   * two files keeps its newest copy, and files that disagree with where
   * their annotations belong are rewritten (new homes first).
   */
  static async open(dataDir: string, options: AnnotationStoreOptions = {}): Promise<{ store: AnnotationStore; notices: Notice[] }> {
    const now = options.now ?? (() => new Date());
    const log = options.log ?? ((message: string) => console.warn(`Diptych: ${message}`));
    const folder = join(dataDir, ANNOTATIONS_FOLDER);
    await mkdir(join(folder, DOCUMENT_FILES_FOLDER), { recursive: true });
    const store = new AnnotationStore(folder, now, options.fs ?? nodeDurableFs);
    const loaded = await loadAnnotationFiles(folder, now, log);
    for (const [relative, documentId] of loaded.files) store.#fileAt(relative, documentId);
    const gaining = new Set<HomeFile>();
    const dirty = new Set<HomeFile>(loaded.dirty.map((relative) => store.#fileAt(relative, null)));
    for (const copy of loaded.winners.values()) {
      const home = store.#place(copy);
      if (home.relative !== copy.relative) {
        // Found outside its home (a move cut short, or a file renamed by hand): it gains a home, then leaves the other file.
        gaining.add(home);
        dirty.add(store.#fileAt(copy.relative, null));
      }
    }
    await Promise.all([...gaining].map((f) => store.#write(f)));
    await Promise.all([...dirty].filter((f) => !gaining.has(f)).map((f) => store.#write(f)));
    if (gaining.size + dirty.size > 0) log(`rewrote ${new Set([...gaining, ...dirty]).size} annotation file(s) so each annotation is in its home file once.`);
    return { store, notices: loaded.notices };
  }

  /** How many annotations the library holds. */
  get size(): number {
    return this.#byId.size;
  }

  /** The annotation with this id, if any. */
  get(id: string): Annotation | undefined {
    return this.#byId.get(id);
  }

  /** Every annotation. */
  all(): Annotation[] {
    return [...this.#byId.values()];
  }

  /** The annotations with a passage in this document, whichever file they live in. */
  touching(documentId: string): Annotation[] {
    const ids = this.#byDocument.get(documentId);
    return ids ? [...ids].map((id) => this.#byId.get(id)!) : [];
  }

  /** The absolute path of the file an annotation with this home lives in (null: the notebook). */
  pathOfHome(documentId: string | null): string {
    return join(this.folder, homeFileOf(documentId));
  }

  /** Creates or replaces one annotation; resolves once its home file (and any file it left) is on disk. */
  async put(a: Annotation): Promise<'added' | 'replaced'> {
    const outcome = this.#byId.has(a.id) ? 'replaced' : 'added';
    const home = this.#apply(a);
    await this.#write(home);
    await Promise.all(this.#dropLingering(a.id, home).map((f) => this.#write(f)));
    return outcome;
  }

  /** Creates or replaces many annotations at once: each touched file is written once. */
  async putAll(list: readonly Annotation[]): Promise<PutAllResult> {
    const result: PutAllResult = { added: 0, replaced: 0 };
    const homes = new Map<string, HomeFile>();
    for (const a of list) {
      if (this.#byId.has(a.id)) result.replaced += 1;
      else result.added += 1;
      homes.set(a.id, this.#apply(a));
    }
    await Promise.all([...new Set(homes.values())].map((f) => this.#write(f)));
    const left = new Set<HomeFile>();
    for (const [id, home] of homes) for (const f of this.#dropLingering(id, home)) left.add(f);
    await Promise.all([...left].map((f) => this.#write(f)));
    return result;
  }

  /** Deletes one annotation; false when there is none with this id. Resolves once that is on disk. */
  async delete(id: string): Promise<boolean> {
    const existing = this.#byId.get(id);
    if (!existing) return false;
    this.#unindex(existing);
    this.#byId.delete(id);
    const holders = this.#holders(id);
    for (const f of holders) f.items.delete(id);
    await Promise.all(holders.map((f) => this.#write(f)));
    return true;
  }

  /** Waits for writes under way, then retries files whose last write failed; throws if one still fails. */
  async flush(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
    for (const f of [...this.#unsaved]) await this.#write(f);
  }

  /** Registers a loaded copy in memory and in its home file's map; answers the home file. */
  #place(copy: LoadedCopy): HomeFile {
    const home = this.#homeOf(copy.annotation);
    home.items.set(copy.annotation.id, copy.annotation);
    this.#byId.set(copy.annotation.id, copy.annotation);
    this.#index(copy.annotation);
    return home;
  }

  /** Makes `a` current in memory. Files holding an older copy get the new one too, so whichever copy survives a crash is current. */
  #apply(a: Annotation): HomeFile {
    const existing = this.#byId.get(a.id);
    if (existing) this.#unindex(existing);
    this.#byId.set(a.id, a);
    this.#index(a);
    for (const f of this.#holders(a.id)) f.items.set(a.id, a);
    const home = this.#homeOf(a);
    home.items.set(a.id, a);
    return home;
  }

  /**
   * After `home` is on disk with annotation `id`, other files may let go of
   * their copies. If the annotation moved on meanwhile, or was deleted, the
   * later change does this once its own file is on disk.
   */
  #dropLingering(id: string, home: HomeFile): HomeFile[] {
    const current = this.#byId.get(id);
    if (!current || this.#homeOf(current) !== home) return [];
    const stale = this.#holders(id).filter((f) => f !== home);
    for (const f of stale) f.items.delete(id);
    return stale;
  }

  #holders(id: string): HomeFile[] {
    return [...this.#files.values()].filter((f) => f.items.has(id));
  }

  #homeOf(a: Annotation): HomeFile {
    const documentId = homeDocumentOf(a);
    return this.#fileAt(homeFileOf(documentId), documentId);
  }

  #fileAt(relative: string, documentId: string | null): HomeFile {
    let file = this.#files.get(relative);
    if (!file) {
      const empty: AnnotationFileData = { schemaVersion: ANNOTATION_FILE_SCHEMA_VERSION, documentId, savedAt: '', annotations: [] };
      const low = new Low<AnnotationFileData>(new DurableJsonFile<AnnotationFileData>(join(this.folder, relative), this.#fs), empty);
      file = { relative, documentId: relative === NOTEBOOK_FILE ? null : documentId, low, items: new Map() };
      this.#files.set(relative, file);
    }
    return file;
  }

  /** Hands the file's current content to its adapter, which coalesces overlapping writes and fsyncs. */
  #write(file: HomeFile): Promise<void> {
    file.low.data = {
      schemaVersion: ANNOTATION_FILE_SCHEMA_VERSION,
      documentId: file.documentId,
      savedAt: this.#now().toISOString(),
      annotations: [...file.items.values()],
    };
    const writing = file.low.write().then(
      () => {
        this.#unsaved.delete(file);
      },
      (error: unknown) => {
        this.#unsaved.add(file);
        throw error;
      },
    );
    const tracked = writing.catch(() => undefined);
    this.#inFlight.add(tracked);
    void tracked.then(() => this.#inFlight.delete(tracked));
    return writing;
  }

  #index(a: Annotation): void {
    for (const p of passagesOf(a)) {
      const documentId = documentIdOfUri(p.source);
      let ids = this.#byDocument.get(documentId);
      if (!ids) this.#byDocument.set(documentId, (ids = new Set()));
      ids.add(a.id);
    }
  }

  #unindex(a: Annotation): void {
    for (const p of passagesOf(a)) {
      const documentId = documentIdOfUri(p.source);
      const ids = this.#byDocument.get(documentId);
      ids?.delete(a.id);
      if (ids?.size === 0) this.#byDocument.delete(documentId);
    }
  }
}
