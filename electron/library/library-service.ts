/**
 * The library service: implements the API contract over the lowdb database,
 * the bundled documents folder and the data folder. Every host (Electron
 * main, browser-mode HTTP) serves this one object through `dispatch`.
 * It holds the data folder's lock while open, backs the library up, and
 * keeps changes the disk refused in memory until writing works again.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppInfo, ApiInput, ApiOutput, DiptychApi, DocumentSummary, PaneState, SaveStatus, Session } from '../api/contract';
import { ApiError } from '../api/errors';
import { importDocumentBytes, textImportKind, SUPPORTED_FILE_TYPES } from '../core/import/import-file';
import { ImportError } from '../core/import/import-error';
import { countWords } from '../core/text-blocks';
import { readStoredContent, sha256Of, storeImport, storePdfImport, STORED_FILES_FOLDER, type StoredContent } from './document-files';
import { extractPdfText, PdfError } from './pdf';
import { titleFromFileName } from '../core/import/document-title';
import { LibrarySearchService } from './library-search';
import { AnnotationMethods } from './annotation-methods';
import { CompareMethods, type CompareEngine } from './compare-methods';
import { planTrashEmptying } from './trash-emptying';
import { BackupKeeper, type BackupSettings } from './backup-keeper';
import { finishInterruptedRestore } from './backup-restore';
import { listBackups, type BackupSummary } from './backups';
import { acquireDataLock, type DataLock } from './data-lock';
import type { DocumentRecord } from './database';
import { ensureWritableDir } from './data-dir';
import { nodeDurableFs, writeFileDurably, type DurableFs } from './durable-json-file';
import { ExclusiveGate } from './exclusive-gate';
import { defaultLayout, loadLibraryState, readBundledContent, type LibraryState } from './library-state';
import { openLogFile, type Logger } from './log-file';
import { readManifest, type ManifestEntry } from './manifest';
import { describeWriteError, saveFailureMessage, SaveTracker, writeFailureSummary, type RetryDelays } from './save-status';

export interface LibraryOptions {
  dataDir: string;
  documentsDir: string;
  mode: AppInfo['mode'];
  version: string;
  /** Where the library reports repairs it made on its own, besides the log file (defaults to console.warn). */
  log?: (message: string) => void;
  /** The log file; by default `<dataDir>/logs/diptych.log`. */
  logger?: Logger;
  /** Carries every write of the database and annotation files; tests inject failures here. */
  fs?: DurableFs;
  /** Waits between background retries of failed saves (default 1 s doubling to 30 s). */
  retryDelays?: RetryDelays;
  /** Backups at start and every `intervalMs` (default an hour) while changes were made; false for none. */
  backups?: BackupSettings;
  /** Builds the search index in the background this long after opening (default 2 s), yielding; false: on the first search. */
  searchWarmUpMs?: number | false;
  /** Starts the engine compare mode runs on (a worker thread in the hosts), on first use; compare is unavailable without it. */
  compareEngine?: () => CompareEngine;
}


const MEDIA_TYPES: Record<DocumentRecord['kind'], string> = {
  text: 'text/plain',
  markdown: 'text/markdown',
  html: 'text/html',
  pdf: 'application/pdf',
};

function summarise(record: DocumentRecord): DocumentSummary {
  const { storage, version, author, date, tags, collections, trashedAt, ...rest } = record;
  return {
    ...rest,
    origin: storage.origin,
    contentId: `${record.id}@${version ?? 1}`,
    author: author ?? '',
    date: date ?? '',
    tags: tags ?? [],
    collections: collections ?? [],
    fileName: storage.origin === 'imported' ? (storage.original?.fileName ?? null) : null,
    trashedAt: trashedAt ?? null,
  };
}

export class LibraryService implements DiptychApi {
  readonly options: LibraryOptions;
  readonly logger: Logger;
  readonly #lock: DataLock;
  readonly #manifest: ManifestEntry[];
  readonly #fs: DurableFs;
  readonly #report: (message: string) => void;
  readonly #texts = new Map<string, StoredContent>();
  readonly #search: LibrarySearchService;
  /** Restoring a backup runs alone; every change runs beside the others. */
  readonly #gate = new ExclusiveGate();
  readonly #tracker: SaveTracker;
  readonly #backups: BackupKeeper;
  /** Replaced whole when a backup is restored. */
  #state: LibraryState;
  #annotations: AnnotationMethods;
  /** The last database write failed: the background retry writes it again. */
  #databaseUnsaved = false;
  #closed = false;
  readonly #compare: CompareMethods;
  #compareEngine: CompareEngine | null = null;

  private constructor(options: LibraryOptions, logger: Logger, lock: DataLock, manifest: ManifestEntry[], state: LibraryState, report: (message: string) => void) {
    this.options = options;
    this.logger = logger;
    this.#lock = lock;
    this.#manifest = manifest;
    this.#report = report;
    this.#state = state;
    this.#annotations = this.#annotationMethods(state);
    this.#fs = options.fs ?? nodeDurableFs;
    this.#search = new LibrarySearchService({
      documents: () => this.#state.db.data.documents.filter((d) => !d.trashedAt),
      text: async (id) => (await this.#content(id)).text,
      notes: () => this.#state.store.all().filter((a) => a.motivation === 'commenting'),
    }, { log: (m) => logger.warn(m) });
    this.#compare = new CompareMethods({
      record: (id) => this.#record(id),
      text: async (id) => (await this.#content(id)).text,
      contentKey: (record) => summarise(record).contentId,
      data: () => this.#state.db.data,
      save: (what) => this.#save(what),
      engine: () => {
        if (this.#compareEngine) return this.#compareEngine;
        if (!options.compareEngine) throw new ApiError('internal', 'Compare is not available in this build of Diptych.');
        this.#compareEngine = options.compareEngine();
        return this.#compareEngine;
      },
    });
    this.#tracker = new SaveTracker({ retry: () => this.#saveEverything(), delays: options.retryDelays, log: (m) => logger.warn(m) });
    this.#backups = new BackupKeeper({
      dataDir: options.dataDir,
      logger,
      settings: options.backups,
      fs: this.#fs,
      counts: () => ({ documentCount: this.#state.db.data.documents.length, annotationCount: this.#state.store.size }),
    });
  }

  /**
   * Opens the library in `dataDir`: takes the folder's lock (refusing while
   * another Diptych holds it), finishes a restore a crash interrupted, seeds
   * the bundled documents, loads every annotation, and makes a backup.
   */
  static async open(options: LibraryOptions): Promise<LibraryService> {
    await ensureWritableDir(options.dataDir);
    const logger = options.logger ?? openLogFile(options.dataDir);
    const warn = options.log ?? ((message: string) => console.warn(`Diptych: ${message}`));
    const report = (message: string): void => {
      logger.warn(message);
      warn(message);
    };
    const lock = await acquireDataLock(options.dataDir, options.mode);
    try {
      const manifest = await readManifest(options.documentsDir);
      await finishInterruptedRestore(options.dataDir, report);
      const state = await loadLibraryState({ ...options, manifest, fs: options.fs ?? nodeDurableFs, log: report });
      const service = new LibraryService(options, logger, lock, manifest, state, report);
      await service.#backups.backUp('automatic', true);
      service.#backups.start((work) => service.#gate.shared(work));
      if (options.searchWarmUpMs !== false) service.#search.warmUp(options.searchWarmUpMs);
      logger.info(`opened the library in ${options.dataDir} (${options.mode}): ${state.db.data.documents.length} documents, ${state.store.size} annotations.`);
      return service;
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  /** The database file. */
  get databasePath(): string {
    return this.#state.databasePath;
  }

  #annotationMethods(state: LibraryState): AnnotationMethods {
    return new AnnotationMethods(state.store, () => state.db.data.documents, (message) => this.#failedToSave(message));
  }

  #failedToSave(message: string): void {
    this.#backups.changed();
    this.#tracker.failed(message);
  }

  #wrote(): void {
    this.#backups.changed();
    this.#tracker.wroteSomething();
  }

  async #save(what: string): Promise<void> {
    try {
      await this.#state.db.write();
      this.#databaseUnsaved = false;
    } catch (error) {
      this.#databaseUnsaved = true;
      const message = saveFailureMessage(what, this.databasePath, error);
      this.#failedToSave(message);
      throw new ApiError('storage', message);
    }
    this.#wrote();
  }

  /** Writes whatever is only in memory; the background retry and a restore both start with it. */
  async #saveEverything(): Promise<void> {
    try {
      await this.#state.store.flush();
      if (this.#databaseUnsaved) {
        await this.#state.db.write();
        this.#databaseUnsaved = false;
      }
    } catch (error) {
      throw new Error(writeFailureSummary(error), { cause: error });
    }
  }

  #record(id: string): DocumentRecord {
    const record = this.#state.db.data.documents.find((d) => d.id === id);
    if (!record) throw new ApiError('not-found', `There is no document "${id}" in the library.`);
    return record;
  }

  async getAppInfo(): Promise<AppInfo> {
    const { options } = this;
    return { version: options.version, mode: options.mode, dataDir: options.dataDir, notices: this.#state.db.data.notices };
  }

  async listDocuments(): Promise<DocumentSummary[]> {
    return this.#state.db.data.documents.filter((d) => !d.trashedAt).map(summarise);
  }

  async #content(id: string): Promise<StoredContent> {
    const record = this.#record(id);
    let content = this.#texts.get(id);
    if (content === undefined) {
      const { storage } = record;
      try {
        content =
          storage.origin === 'bundled'
            ? await readBundledContent(this.options.documentsDir, storage.file, record.kind)
            : await readStoredContent(this.options.dataDir, storage.file);
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'its file is missing' : error instanceof Error ? error.message : String(error);
        throw new ApiError('storage', `"${record.title}" could not be read: ${reason}.`);
      }
      this.#texts.set(id, content);
    }
    return content;
  }

  async getDocumentText({ id }: ApiInput<'getDocumentText'>): Promise<ApiOutput<'getDocumentText'>> {
    const { text, structure, pages } = await this.#content(id);
    return { id, text, ...(structure && structure.length > 0 ? { structure } : {}), ...(pages ? { pages } : {}) };
  }

  async getDocumentFile({ id }: ApiInput<'getDocumentFile'>): Promise<ApiOutput<'getDocumentFile'>> {
    const record = this.#record(id);
    const { storage } = record;
    const path =
      storage.origin === 'bundled' ? join(this.options.documentsDir, storage.file) : join(this.options.dataDir, storage.original?.file ?? storage.file);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'its file is missing' : String(error);
      throw new ApiError('storage', `The file of "${record.title}" could not be read (${path}): ${reason}.`);
    }
    const fileName = storage.origin === 'bundled' ? storage.file : (storage.original?.fileName ?? storage.file.split('/').pop()!);
    return { id, mediaType: MEDIA_TYPES[record.kind], fileName, bytes: new Uint8Array(bytes) };
  }

  /** The SHA-256 of every document's bytes, to find a file imported twice (bundled ones hashed on first need). */
  async #documentWithHash(sha256: string): Promise<DocumentRecord | undefined> {
    for (const record of this.#state.db.data.documents) {
      if (record.storage.origin === 'imported' && record.storage.sha256 === sha256) return record;
    }
    for (const record of this.#state.db.data.documents) {
      if (record.storage.origin !== 'bundled') continue;
      const bytes = await readFile(join(this.options.documentsDir, record.storage.file)).catch(() => null);
      if (bytes && sha256Of(bytes) === sha256) return record;
    }
    return undefined;
  }

  /** A PDF's text, or the error a reader can act on (a password to enter, a damaged file). */
  async #readPdf(fileName: string, bytes: Uint8Array, password: string | undefined) {
    try {
      const { text, pages, title } = await extractPdfText(bytes, { password });
      return { kind: 'pdf' as const, content: { text, pages }, document: { title: title ?? titleFromFileName(fileName) }, warning: text.trim() === '' ? `"${fileName}" has no text Diptych can read (a scanned PDF?): it can be read, but not highlighted or searched.` : undefined };
    } catch (error) {
      if (!(error instanceof PdfError)) throw error;
      if (error.code === 'password-required') throw new ApiError('password-required', `"${fileName}" is protected by a password. Enter it to import the file.`);
      if (error.code === 'password-incorrect') throw new ApiError('password-required', `That is not the password of "${fileName}". Try again.`);
      throw new ImportError('binary', error.message);
    }
  }

  async importDocument({ fileName, bytes, encoding, replaceDocumentId, allowDuplicate, password }: ApiInput<'importDocument'>): Promise<ApiOutput<'importDocument'>> {
    return this.#gate.shared(async () => {
      const replacing = replaceDocumentId === undefined ? null : this.#record(replaceDocumentId);
      const isPdf = /\.pdf$/i.test(fileName);
      if (!isPdf && !textImportKind(fileName)) {
        throw new ImportError('unsupported-type', `"${fileName}" is not a file type Diptych can import. It reads ${SUPPORTED_FILE_TYPES}.`);
      }
      const sha256 = sha256Of(bytes);
      if (!allowDuplicate) {
        const existing = await this.#documentWithHash(sha256);
        if (existing && existing.id !== replacing?.id) return { status: 'duplicate' as const, existing: summarise(existing) };
        if (existing && replacing) throw new ApiError('invalid-input', `"${fileName}" is the same as the current version of "${replacing.title}": there is nothing new to import.`);
      }
      const converted = isPdf ? await this.#readPdf(fileName, bytes, password) : importDocumentBytes({ fileName, bytes, encoding });
      let stored;
      try {
        stored =
          converted.kind === 'pdf'
            ? await storePdfImport(this.options.dataDir, this.#fs, fileName, bytes, sha256, converted.content)
            : await storeImport(this.options.dataDir, this.#fs, fileName, bytes, sha256, converted);
      } catch (error) {
        throw new ApiError('storage', `Could not store "${fileName}" in ${join(this.options.dataDir, STORED_FILES_FOLDER)}: ${describeWriteError(error)}. Nothing was imported.`);
      }
      const { text } = converted.kind === 'pdf' ? converted.content : converted.document;
      const storage = { origin: 'imported' as const, file: stored.file, sha256, original: stored.original };
      let record: DocumentRecord;
      if (replacing) {
        Object.assign(replacing, { kind: converted.kind, length: text.length, words: countWords(text), storage, version: (replacing.version ?? 1) + 1 });
        record = replacing;
      } else {
        record = {
          id: randomUUID(),
          title: converted.document.title,
          kind: converted.kind,
          description: '',
          length: text.length,
          words: countWords(text),
          addedAt: new Date().toISOString(),
          storage,
        };
        this.#state.db.data.documents.push(record);
      }
      this.#texts.set(record.id, converted.kind === 'pdf' ? converted.content : { text, structure: converted.document.structure });
      await this.#save(replacing ? `the new version of "${record.title}"` : `the imported document "${record.title}"`);
      await this.#search.documentChanged(record.id, record.title);
      return { status: 'imported' as const, document: summarise(record), warning: converted.warning ?? null };
    });
  }

  async updateDocument({ id, details }: ApiInput<'updateDocument'>): Promise<DocumentSummary> {
    return this.#gate.shared(async () => {
      const record = this.#record(id);
      const before = { ...record };
      Object.assign(record, details);
      try {
        await this.#save(`the details of "${record.title}"`);
      } catch (error) {
        Object.assign(record, before);
        throw error;
      }
      if (details.title !== undefined && !record.trashedAt) await this.#search.documentChanged(id, record.title);
      return summarise(record);
    });
  }

  async removeDocument({ id }: ApiInput<'removeDocument'>): Promise<DocumentSummary> {
    return this.#gate.shared(async () => {
      const record = this.#record(id);
      if (record.trashedAt) return summarise(record);
      record.trashedAt = new Date().toISOString();
      try {
        await this.#save(`the removal of "${record.title}"`);
      } catch (error) {
        delete record.trashedAt;
        throw error;
      }
      await this.#search.documentRemoved(id);
      return summarise(record);
    });
  }

  async restoreDocument({ id }: ApiInput<'restoreDocument'>): Promise<DocumentSummary> {
    return this.#gate.shared(async () => {
      const record = this.#record(id);
      if (!record.trashedAt) return summarise(record);
      const trashedAt = record.trashedAt;
      delete record.trashedAt;
      try {
        await this.#save(`the restored "${record.title}"`);
      } catch (error) {
        record.trashedAt = trashedAt;
        throw error;
      }
      await this.#search.documentChanged(id, record.title);
      return summarise(record);
    });
  }

  async listTrash(): Promise<DocumentSummary[]> {
    return this.#state.db.data.documents
      .filter((d) => d.trashedAt)
      .sort((a, b) => b.trashedAt!.localeCompare(a.trashedAt!))
      .map(summarise);
  }

  async emptyTrash({ ids }: ApiInput<'emptyTrash'>): Promise<ApiOutput<'emptyTrash'>> {
    return this.#gate.shared(async () => {
      const data = this.#state.db.data;
      const chosen = data.documents.filter((d) => d.trashedAt && (ids === undefined || ids.includes(d.id)));
      for (const id of ids ?? []) {
        if (!chosen.some((d) => d.id === id)) throw new ApiError('not-found', `There is no document "${id}" in the trash.`);
      }
      const doomed = chosen.filter((d) => d.storage.origin === 'imported');
      const result = { deleted: 0, bundledKept: chosen.length - doomed.length, annotationsDeleted: 0, annotationsKept: 0 };
      if (doomed.length === 0) return result;
      const doomedIds = new Set(doomed.map((d) => d.id));
      const titleOf = (id: string): string => data.documents.find((d) => d.id === id)?.title ?? id;
      // Annotations first: if the disk fails here, the documents are still in the trash and nothing is half gone.
      const plan = planTrashEmptying(this.#state.store.all(), doomedIds, titleOf);
      for (const annotation of plan.updates) await this.#annotations.put({ annotation });
      for (const id of plan.deletions) await this.#annotations.delete({ id });
      this.#wrote();
      const before = data.documents;
      const rejectionsBefore = data.rejectedSuggestions;
      data.documents = before.filter((d) => !doomedIds.has(d.id));
      if (rejectionsBefore) data.rejectedSuggestions = rejectionsBefore.filter((r) => !r.pair.split('|').some((id) => doomedIds.has(id)));
      try {
        await this.#save(doomed.length === 1 ? `the deletion of "${doomed[0]!.title}"` : `the deletion of ${doomed.length} documents`);
      } catch (error) {
        data.documents = before;
        data.rejectedSuggestions = rejectionsBefore;
        throw error;
      }
      for (const record of doomed) this.#texts.delete(record.id);
      await this.#deleteUnusedFiles(doomed);
      this.logger.info(`emptied the trash: deleted ${doomed.map((d) => `"${d.title}" (${d.id})`).join(', ')}; ${plan.deletions.length} annotations deleted, ${plan.kept} kept without their passages there.`);
      return { ...result, deleted: doomed.length, annotationsDeleted: plan.deletions.length, annotationsKept: plan.kept };
    });
  }

  /** Deletes the stored files of deleted documents, unless another document (a duplicate import) still reads them. */
  async #deleteUnusedFiles(deleted: readonly DocumentRecord[]): Promise<void> {
    const stillUsed = new Set<string>();
    for (const { storage } of this.#state.db.data.documents) {
      if (storage.origin !== 'imported') continue;
      stillUsed.add(storage.file);
      if (storage.original) stillUsed.add(storage.original.file);
    }
    for (const { storage } of deleted) {
      if (storage.origin !== 'imported') continue;
      for (const file of [storage.file, storage.original?.file]) {
        if (file === undefined || stillUsed.has(file)) continue;
        // The library no longer names the file: one left behind costs disk space, never data.
        await rm(join(this.options.dataDir, file), { force: true }).catch((error: unknown) => this.logger.warn(`could not delete ${file}: ${describeWriteError(error)}`));
      }
    }
  }

  async searchLibrary({ query, limit, documentIds }: ApiInput<'searchLibrary'>): Promise<ApiOutput<'searchLibrary'>> {
    return this.#search.search(query, { limit, documentIds });
  }

  async addTextDocument({ title, text, description }: ApiInput<'addTextDocument'>): Promise<DocumentSummary> {
    return this.#gate.shared(async () => {
      const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
      const file = `${STORED_FILES_FOLDER}/${sha256}.txt`;
      try {
        await mkdir(join(this.options.dataDir, STORED_FILES_FOLDER), { recursive: true });
        await writeFileDurably(join(this.options.dataDir, file), text, this.#fs);
      } catch (error) {
        // Unlike an edit, a whole text is not worth holding in memory for a retry: nothing was added.
        throw new ApiError('storage', `Could not store "${title.trim()}" in ${join(this.options.dataDir, STORED_FILES_FOLDER)}: ${describeWriteError(error)}. Nothing was added.`);
      }
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
      this.#state.db.data.documents.push(record);
      this.#texts.set(record.id, { text });
      await this.#save(`the new document "${record.title}"`);
      await this.#search.documentChanged(record.id, record.title);
      return summarise(record);
    });
  }

  async getSession(): Promise<Session> {
    const data = this.#state.db.data;
    const known = (pane: PaneState): PaneState =>
      pane.documentId === null || data.documents.some((d) => d.id === pane.documentId && !d.trashedAt) ? pane : { documentId: null, position: 0 };
    const stored = data.layout ?? defaultLayout(this.#manifest);
    return { layout: { ...stored, left: known(stored.left), right: known(stored.right) }, settings: data.settings };
  }

  async saveLayout({ layout }: ApiInput<'saveLayout'>): Promise<null> {
    return this.#gate.shared(async () => {
      this.#state.db.data.layout = layout;
      await this.#save('the layout');
      return null;
    });
  }

  async saveSettings({ settings }: ApiInput<'saveSettings'>): Promise<null> {
    return this.#gate.shared(async () => {
      this.#state.db.data.settings = settings;
      await this.#save('the settings');
      return null;
    });
  }

  async dismissNotice({ id }: ApiInput<'dismissNotice'>): Promise<null> {
    return this.#gate.shared(async () => {
      const notices = this.#state.db.data.notices;
      const index = notices.findIndex((n) => n.id === id);
      if (index === -1) throw new ApiError('not-found', `There is no notice "${id}".`);
      notices.splice(index, 1);
      await this.#save('the dismissed notice');
      return null;
    });
  }

  async listAnnotations(input: ApiInput<'listAnnotations'>): Promise<ApiOutput<'listAnnotations'>> {
    return this.#annotations.list(input);
  }

  async putAnnotation(input: ApiInput<'putAnnotation'>): Promise<ApiOutput<'putAnnotation'>> {
    return this.#gate.shared(async () => {
      const stored = await this.#annotations.put(input);
      this.#wrote();
      await this.#search.noteChanged(stored);
      return stored;
    });
  }

  async deleteAnnotation(input: ApiInput<'deleteAnnotation'>): Promise<null> {
    return this.#gate.shared(async () => {
      await this.#annotations.delete(input);
      this.#wrote();
      await this.#search.noteRemoved(input.id);
      return null;
    });
  }

  async exportAnnotations(input: ApiInput<'exportAnnotations'>): Promise<ApiOutput<'exportAnnotations'>> {
    return this.#annotations.export(input);
  }

  async importAnnotations(input: ApiInput<'importAnnotations'>): Promise<ApiOutput<'importAnnotations'>> {
    return this.#gate.shared(async () => {
      const counts = await this.#annotations.import(input);
      this.#wrote();
      return counts;
    });
  }

  async compareDocuments(input: ApiInput<'compareDocuments'>): Promise<ApiOutput<'compareDocuments'>> {
    return this.#compare.compareDocuments(input);
  }

  async relatedPassages(input: ApiInput<'relatedPassages'>): Promise<ApiOutput<'relatedPassages'>> {
    return this.#compare.relatedPassages(input);
  }

  async rejectSuggestion(input: ApiInput<'rejectSuggestion'>): Promise<null> {
    return this.#gate.shared(() => this.#compare.rejectSuggestion(input));
  }

  async restoreSuggestion(input: ApiInput<'restoreSuggestion'>): Promise<null> {
    return this.#gate.shared(() => this.#compare.restoreSuggestion(input));
  }

  async listBackups(): Promise<BackupSummary[]> {
    return listBackups(this.options.dataDir);
  }

  async restoreBackup({ id }: ApiInput<'restoreBackup'>): Promise<null> {
    return this.#gate.exclusive(async () => {
      const keptId = await this.#backups.restore(id, () => this.#saveEverything());
      const state = await loadLibraryState({ ...this.options, manifest: this.#manifest, fs: this.#fs, log: this.#report });
      this.#state = state;
      this.#annotations = this.#annotationMethods(state);
      this.#texts.clear();
      this.#search.reset();
      this.#compare.forget();
      this.#databaseUnsaved = false;
      this.#tracker.reset();
      this.logger.info(`restored the backup ${id} (${state.db.data.documents.length} documents, ${state.store.size} annotations); the library before it is the backup ${keptId}.`);
      return null;
    });
  }

  async getSaveStatus(): Promise<SaveStatus> {
    return this.#tracker.status();
  }

  async getDiagnostics(): Promise<ApiOutput<'getDiagnostics'>> {
    return { logFile: this.logger.file };
  }

  /**
   * Waits for pending writes and retries failed ones; hosts call it before
   * exiting, so a failure here says what is lost rather than promising a retry.
   */
  async flush(): Promise<void> {
    try {
      await this.#state.store.flush();
    } catch (error) {
      throw new ApiError('storage', `Could not save annotations to ${this.#state.store.folder}: ${describeWriteError(error)}.`);
    }
    try {
      await this.#state.db.write();
      this.#databaseUnsaved = false;
    } catch (error) {
      throw new ApiError('storage', `Could not save the library to ${this.databasePath}: ${describeWriteError(error)}.`);
    }
  }

  /** Saves everything, stops the background work and gives the data folder's lock back. Safe to call twice. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#backups.stop();
    this.#tracker.stop();
    // The index writes nothing, so stopping it need not come first: the flush starts at once.
    const stoppingSearch = this.#search.dispose();
    const stoppingCompare = this.#compareEngine?.close().catch((error: unknown) => this.logger.warn(`the compare worker did not stop cleanly: ${String(error)}`));
    try {
      await this.flush();
    } finally {
      await stoppingSearch;
      await stoppingCompare;
      await this.#lock.release();
      this.logger.info(`closed the library in ${this.options.dataDir}.`);
    }
  }
}
