/**
 * The library service: implements the API contract over the lowdb database,
 * the bundled documents folder and the data folder. Every host (Electron
 * main, browser-mode HTTP) serves this one object through `dispatch`.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Low } from 'lowdb';
import type {
  AppInfo,
  ApiInput,
  ApiOutput,
  DiptychApi,
  DocumentSummary,
  Layout,
  PaneState,
  Session,
} from '../api/contract';
import { ApiError } from '../api/errors';
import { countWords } from '../core/text-blocks';
import { AnnotationMethods } from './annotation-methods';
import { AnnotationStore } from './annotation-store';
import { openDatabase, type DatabaseData, type DocumentRecord } from './database';
import { ensureWritableDir } from './data-dir';
import { writeFileDurably } from './durable-json-file';
import { readManifest, type ManifestEntry } from './manifest';

export interface LibraryOptions {
  dataDir: string;
  documentsDir: string;
  mode: AppInfo['mode'];
  version: string;
  /** Where the library reports repairs it made on its own (defaults to console.warn). */
  log?: (message: string) => void;
}

const STORED_FILES_FOLDER = 'files';

function summarise(record: DocumentRecord): DocumentSummary {
  const { storage, ...rest } = record;
  return { ...rest, origin: storage.origin };
}

export class LibraryService implements DiptychApi {
  readonly options: LibraryOptions;
  readonly databasePath: string;
  readonly #db: Low<DatabaseData>;
  readonly #manifest: ManifestEntry[];
  readonly #texts = new Map<string, string>();
  readonly #annotationStore: AnnotationStore;
  readonly #annotations: AnnotationMethods;

  private constructor(options: LibraryOptions, db: Low<DatabaseData>, databasePath: string, manifest: ManifestEntry[], store: AnnotationStore) {
    this.options = options;
    this.#db = db;
    this.databasePath = databasePath;
    this.#manifest = manifest;
    this.#annotationStore = store;
    this.#annotations = new AnnotationMethods(store, () => this.#db.data.documents);
  }

  /**
   * Opens the library in `dataDir`, seeding it from the bundled documents on
   * first run, and loads every annotation. Annotation files that could not be
   * read become notices, kept in the database until the reader dismisses them.
   */
  static async open(options: LibraryOptions): Promise<LibraryService> {
    await ensureWritableDir(options.dataDir);
    const manifest = await readManifest(options.documentsDir);
    const { db, path } = await openDatabase(options.dataDir);
    const { store, notices } = await AnnotationStore.open(options.dataDir, options.log ? { log: options.log } : {});
    const service = new LibraryService(options, db, path, manifest, store);
    await service.#seed();
    if (notices.length > 0) {
      db.data.notices.push(...notices);
      await service.#save();
    }
    return service;
  }

  /** Adds bundled documents the database does not know yet (first run, or a new bundled document). */
  async #seed(): Promise<void> {
    const data = this.#db.data;
    let changed = false;
    for (const entry of this.#manifest) {
      if (data.documents.some((d) => d.id === entry.id)) continue;
      const text = await this.#readBundled(entry.file);
      data.documents.push({
        id: entry.id,
        title: entry.title,
        kind: entry.kind,
        description: entry.description,
        length: text.length,
        words: countWords(text),
        addedAt: new Date().toISOString(),
        storage: { origin: 'bundled', file: entry.file },
      });
      changed = true;
    }
    if (data.layout === null) {
      data.layout = this.#defaultLayout();
      changed = true;
    }
    if (changed) await this.#save();
  }

  #defaultLayout(): Layout {
    const pick = (side: 'left' | 'right', index: number): PaneState => ({
      documentId: (this.#manifest.find((e) => e.defaultPane === side) ?? this.#manifest[index])?.id ?? null,
      position: 0,
    });
    return { left: pick('left', 0), right: pick('right', 1), split: 0.5, sidebarOpen: true, maximised: null, focusedPane: 'left' };
  }

  async #readBundled(file: string): Promise<string> {
    const bytes = await readFile(join(this.options.documentsDir, file));
    return new TextDecoder('utf-8').decode(bytes);
  }

  async #save(): Promise<void> {
    try {
      await this.#db.write();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ApiError('storage', `Could not save to ${this.databasePath}: ${reason}. Your change is kept while Diptych stays open.`);
    }
  }

  #record(id: string): DocumentRecord {
    const record = this.#db.data.documents.find((d) => d.id === id);
    if (!record) throw new ApiError('not-found', `There is no document "${id}" in the library.`);
    return record;
  }

  async getAppInfo(): Promise<AppInfo> {
    return {
      version: this.options.version,
      mode: this.options.mode,
      dataDir: this.options.dataDir,
      notices: this.#db.data.notices,
    };
  }

  async listDocuments(): Promise<DocumentSummary[]> {
    return this.#db.data.documents.map(summarise);
  }

  async getDocumentText({ id }: ApiInput<'getDocumentText'>): Promise<{ id: string; text: string }> {
    const record = this.#record(id);
    let text = this.#texts.get(id);
    if (text === undefined) {
      const { storage } = record;
      try {
        text =
          storage.origin === 'bundled'
            ? await this.#readBundled(storage.file)
            : await readFile(join(this.options.dataDir, storage.file), 'utf8');
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'its file is missing' : String(error);
        throw new ApiError('storage', `"${record.title}" could not be read: ${reason}.`);
      }
      this.#texts.set(id, text);
    }
    return { id, text };
  }

  async addTextDocument({ title, text, description }: ApiInput<'addTextDocument'>): Promise<DocumentSummary> {
    const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
    const folder = join(this.options.dataDir, STORED_FILES_FOLDER);
    await mkdir(folder, { recursive: true });
    const file = `${STORED_FILES_FOLDER}/${sha256}.txt`;
    await writeFileDurably(join(this.options.dataDir, file), text);
    const record: DocumentRecord = {
      id: randomUUID(),
      title: title.trim(),
      kind: 'text',
      description: description ?? '',
      length: text.length,
      words: countWords(text),
      addedAt: new Date().toISOString(),
      storage: { origin: 'imported', file, sha256 },
    };
    this.#db.data.documents.push(record);
    this.#texts.set(record.id, text);
    await this.#save();
    return summarise(record);
  }

  async getSession(): Promise<Session> {
    const data = this.#db.data;
    const known = (pane: PaneState): PaneState =>
      pane.documentId === null || data.documents.some((d) => d.id === pane.documentId) ? pane : { documentId: null, position: 0 };
    const stored = data.layout ?? this.#defaultLayout();
    return { layout: { ...stored, left: known(stored.left), right: known(stored.right) }, settings: data.settings };
  }

  async saveLayout({ layout }: ApiInput<'saveLayout'>): Promise<null> {
    this.#db.data.layout = layout;
    await this.#save();
    return null;
  }

  async saveSettings({ settings }: ApiInput<'saveSettings'>): Promise<null> {
    this.#db.data.settings = settings;
    await this.#save();
    return null;
  }

  async dismissNotice({ id }: ApiInput<'dismissNotice'>): Promise<null> {
    const notices = this.#db.data.notices;
    const index = notices.findIndex((n) => n.id === id);
    if (index === -1) throw new ApiError('not-found', `There is no notice "${id}".`);
    notices.splice(index, 1);
    await this.#save();
    return null;
  }

  async listAnnotations(input: ApiInput<'listAnnotations'>): Promise<ApiOutput<'listAnnotations'>> {
    return this.#annotations.list(input);
  }

  async putAnnotation(input: ApiInput<'putAnnotation'>): Promise<ApiOutput<'putAnnotation'>> {
    return this.#annotations.put(input);
  }

  async deleteAnnotation(input: ApiInput<'deleteAnnotation'>): Promise<null> {
    return this.#annotations.delete(input);
  }

  async exportAnnotations(input: ApiInput<'exportAnnotations'>): Promise<ApiOutput<'exportAnnotations'>> {
    return this.#annotations.export(input);
  }

  async importAnnotations(input: ApiInput<'importAnnotations'>): Promise<ApiOutput<'importAnnotations'>> {
    return this.#annotations.import(input);
  }

  /** Waits for pending writes; hosts call it before exiting. */
  async flush(): Promise<void> {
    try {
      await this.#annotationStore.flush();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ApiError('storage', `Could not save annotations to ${this.#annotationStore.folder}: ${reason}.`);
    }
    await this.#save();
  }
}
