/**
 * The library service: implements the API contract over the lowdb database,
 * the bundled documents folder and the data folder. Every host (Electron
 * main, browser-mode HTTP) serves this one object through `dispatch`.
 * It holds the data folder's lock while open, backs the library up, and
 * keeps changes the disk refused in memory until writing works again.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppInfo, ApiInput, ApiOutput, DiptychApi, DocumentSummary, PaneState, SaveStatus, Session } from '../api/contract';
import { ApiError } from '../api/errors';
import { countWords } from '../core/text-blocks';
import { AnnotationMethods } from './annotation-methods';
import { BackupKeeper, type BackupSettings } from './backup-keeper';
import { finishInterruptedRestore } from './backup-restore';
import { listBackups, type BackupSummary } from './backups';
import { acquireDataLock, type DataLock } from './data-lock';
import type { DocumentRecord } from './database';
import { ensureWritableDir } from './data-dir';
import { nodeDurableFs, writeFileDurably, type DurableFs } from './durable-json-file';
import { ExclusiveGate } from './exclusive-gate';
import { defaultLayout, loadLibraryState, readBundled, type LibraryState } from './library-state';
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
}

const STORED_FILES_FOLDER = 'files';

function summarise(record: DocumentRecord): DocumentSummary {
  const { storage, ...rest } = record;
  return { ...rest, origin: storage.origin };
}

export class LibraryService implements DiptychApi {
  readonly options: LibraryOptions;
  readonly logger: Logger;
  readonly #lock: DataLock;
  readonly #manifest: ManifestEntry[];
  readonly #fs: DurableFs;
  readonly #report: (message: string) => void;
  readonly #texts = new Map<string, string>();
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

  private constructor(options: LibraryOptions, logger: Logger, lock: DataLock, manifest: ManifestEntry[], state: LibraryState, report: (message: string) => void) {
    this.options = options;
    this.logger = logger;
    this.#lock = lock;
    this.#manifest = manifest;
    this.#report = report;
    this.#state = state;
    this.#annotations = this.#annotationMethods(state);
    this.#fs = options.fs ?? nodeDurableFs;
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
    return this.#state.db.data.documents.map(summarise);
  }

  async getDocumentText({ id }: ApiInput<'getDocumentText'>): Promise<{ id: string; text: string }> {
    const record = this.#record(id);
    let text = this.#texts.get(id);
    if (text === undefined) {
      const { storage } = record;
      try {
        text =
          storage.origin === 'bundled'
            ? await readBundled(this.options.documentsDir, storage.file)
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
      this.#texts.set(record.id, text);
      await this.#save(`the new document "${record.title}"`);
      return summarise(record);
    });
  }

  async getSession(): Promise<Session> {
    const data = this.#state.db.data;
    const known = (pane: PaneState): PaneState =>
      pane.documentId === null || data.documents.some((d) => d.id === pane.documentId) ? pane : { documentId: null, position: 0 };
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
      return stored;
    });
  }

  async deleteAnnotation(input: ApiInput<'deleteAnnotation'>): Promise<null> {
    return this.#gate.shared(async () => {
      await this.#annotations.delete(input);
      this.#wrote();
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
    try {
      await this.flush();
    } finally {
      await this.#lock.release();
      this.logger.info(`closed the library in ${this.options.dataDir}.`);
    }
  }
}
