/**
 * Importing files one after another, each with a status the reader can see
 * and act on: a file already in the library waits for "Open it" or "Import
 * anyway", a locked PDF waits for its password, a file read as a legacy
 * encoding can be read again in another one. Nothing here touches the DOM,
 * so the whole flow is tested with a fake API.
 */
import { MAX_IMPORT_BYTES, type DocumentSummary } from '../../../electron/api/contract';
import { ApiError } from '../../../electron/api/errors';

/** What the queue needs of the API (importDocument). */
export type ImportCall = (input: {
  fileName: string;
  bytes: Uint8Array<ArrayBuffer>;
  encoding?: string;
  allowDuplicate?: boolean;
  password?: string;
  replaceDocumentId?: string;
}) => Promise<{ status: 'imported'; document: DocumentSummary; warning: string | null } | { status: 'duplicate'; existing: DocumentSummary }>;

/** A file the reader chose or dropped: its name, size and a way to read it. */
export interface PickedFile {
  name: string;
  size: number;
  bytes: () => Promise<Uint8Array<ArrayBuffer>>;
}

export type ImportItemState =
  | { status: 'waiting' }
  | { status: 'reading' }
  | { status: 'importing' }
  | { status: 'imported'; document: DocumentSummary; warning: string | null; encoding?: string }
  | { status: 'duplicate'; existing: DocumentSummary }
  | { status: 'password'; message: string }
  | { status: 'failed'; message: string }
  | { status: 'skipped' };

export interface ImportItem {
  id: number;
  name: string;
  size: number;
  /** A new version of this document, when the reader asked for one. */
  replaceDocumentId?: string;
  state: ImportItemState;
}

function describe(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'the host gave no reason';
}

function megabytes(bytes: number): string {
  return `${(Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toFixed(1)} MB`;
}

/** Runs imports in order and tells a listener whenever an item changes. */
export class ImportQueue {
  readonly #call: ImportCall;
  readonly #onChange: (items: readonly ImportItem[]) => void;
  readonly #onImported: (document: DocumentSummary, replaced: boolean) => void;
  #items: ImportItem[] = [];
  readonly #files = new Map<number, PickedFile>();
  #nextId = 1;
  #running: Promise<void> = Promise.resolve();

  constructor(call: ImportCall, onChange: (items: readonly ImportItem[]) => void, onImported: (document: DocumentSummary, replaced: boolean) => void) {
    this.#call = call;
    this.#onChange = onChange;
    this.#onImported = onImported;
  }

  get items(): readonly ImportItem[] {
    return this.#items;
  }

  /** Queues files (several at once); a file over the limit is refused at once, before it is read. */
  add(files: readonly PickedFile[], replaceDocumentId?: string): Promise<void> {
    for (const file of files) {
      const id = this.#nextId++;
      this.#files.set(id, file);
      const tooLarge = file.size > MAX_IMPORT_BYTES;
      this.#items = [
        ...this.#items,
        {
          id,
          name: file.name,
          size: file.size,
          replaceDocumentId,
          state: tooLarge
            ? { status: 'failed', message: `${file.name} is ${megabytes(file.size)}; Diptych imports files up to ${MAX_IMPORT_BYTES / (1024 * 1024)} MB. Nothing was imported.` }
            : { status: 'waiting' },
        },
      ];
      if (!tooLarge) this.#enqueue(id, {});
    }
    this.#onChange(this.#items);
    return this.#running;
  }

  /** Imports a file found to be a duplicate after all. */
  importAnyway(id: number): Promise<void> {
    return this.#enqueue(id, { allowDuplicate: true });
  }

  /** Tries a locked PDF again with the password the reader typed. */
  withPassword(id: number, password: string): Promise<void> {
    return this.#enqueue(id, { password });
  }

  /** Reads an imported file again in `encoding`, replacing the document it made. */
  readAs(id: number, encoding: string): Promise<void> {
    const item = this.#items.find((i) => i.id === id);
    if (!item || item.state.status !== 'imported') return this.#running;
    const documentId = item.state.document.id;
    this.#update(id, { ...item, replaceDocumentId: documentId });
    return this.#enqueue(id, { encoding, allowDuplicate: true });
  }

  skip(id: number): void {
    const item = this.#items.find((i) => i.id === id);
    if (item) this.#update(id, { ...item, state: { status: 'skipped' } });
  }

  /** Forgets finished items (imported, skipped, failed); what still needs the reader stays. */
  clearFinished(): void {
    this.#items = this.#items.filter((i) => !['imported', 'skipped', 'failed'].includes(i.state.status));
    for (const id of [...this.#files.keys()]) if (!this.#items.some((i) => i.id === id)) this.#files.delete(id);
    this.#onChange(this.#items);
  }

  #enqueue(id: number, options: { allowDuplicate?: boolean; password?: string; encoding?: string }): Promise<void> {
    this.#running = this.#running.then(() => this.#run(id, options));
    return this.#running;
  }

  #update(id: number, item: ImportItem): void {
    this.#items = this.#items.map((i) => (i.id === id ? item : i));
    this.#onChange(this.#items);
  }

  async #run(id: number, options: { allowDuplicate?: boolean; password?: string; encoding?: string }): Promise<void> {
    const file = this.#files.get(id);
    const item = this.#items.find((i) => i.id === id);
    if (!file || !item) return;
    this.#update(id, { ...item, state: { status: 'reading' } });
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = await file.bytes();
    } catch (error) {
      this.#update(id, { ...item, state: { status: 'failed', message: `${file.name} could not be read: ${describe(error)}. Nothing was imported.` } });
      return;
    }
    this.#update(id, { ...item, state: { status: 'importing' } });
    try {
      const answer = await this.#call({
        fileName: file.name,
        bytes,
        ...(options.encoding ? { encoding: options.encoding } : {}),
        ...(options.allowDuplicate ? { allowDuplicate: true } : {}),
        ...(options.password !== undefined ? { password: options.password } : {}),
        ...(item.replaceDocumentId ? { replaceDocumentId: item.replaceDocumentId } : {}),
      });
      if (answer.status === 'duplicate') {
        this.#update(id, { ...item, state: { status: 'duplicate', existing: answer.existing } });
        return;
      }
      this.#update(id, { ...item, state: { status: 'imported', document: answer.document, warning: answer.warning, encoding: options.encoding } });
      this.#onImported(answer.document, item.replaceDocumentId !== undefined);
    } catch (error) {
      const state: ImportItemState =
        error instanceof ApiError && error.code === 'password-required'
          ? { status: 'password', message: error.message }
          : { status: 'failed', message: `${describe(error)}${/[.!?]$/.test(describe(error)) ? '' : '.'}` };
      this.#update(id, { ...item, state });
    }
  }
}
