/**
 * A lowdb adapter that writes JSON durably: compact JSON to a temp file,
 * fsync, rename over the old file, fsync the folder. A reader or a crash
 * sees the old file or the new one, never half of one. Overlapping writes
 * are coalesced: while one is on its way, only the newest data waits.
 *
 * Writes go through a small `DurableFs` interface so tests can make the
 * disk fail (full, read-only) for a while, which root cannot arrange with
 * permissions.
 */
import * as fsPromises from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';

/** The file exists but is not JSON: the caller decides what to do with it. */
export class CorruptFileError extends Error {
  readonly path: string;
  constructor(path: string, cause: unknown) {
    super(`${path} is not valid JSON: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'CorruptFileError';
    this.path = path;
  }
}

/** What a durable write needs of an open file. Node's `FileHandle` is one. */
export interface DurableFileHandle {
  writeFile(data: string | Uint8Array, encoding?: 'utf8'): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The file-system calls a durable write makes; the default is node:fs/promises. */
export interface DurableFs {
  open(path: string, flags: 'w' | 'r'): Promise<DurableFileHandle>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: boolean }): Promise<void>;
}

/**
 * The real file system. The functions are looked up at call time, so code
 * that wraps node:fs/promises (the fuzz tests record every path) sees them.
 */
export const nodeDurableFs: DurableFs = {
  open: (path, flags) => fsPromises.open(path, flags),
  rename: (from, to) => fsPromises.rename(from, to),
  rm: (path, options) => fsPromises.rm(path, options),
};

async function fsyncFolder(fs: DurableFs, folder: string): Promise<void> {
  // Makes the rename itself durable. Some platforms (Windows) refuse to open folders; the rename is still atomic there.
  try {
    const handle = await fs.open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    /* best effort */
  }
}

/** The temp file a write of `path` goes through. It starts with a dot, so loaders skip it. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

/** Writes `text` (or bytes) to `path` atomically and durably; on failure the old file is untouched and the temp file is removed. */
export async function writeFileDurably(path: string, text: string | Uint8Array, fs: DurableFs = nodeDurableFs): Promise<void> {
  const temp = tempPathFor(path);
  try {
    const handle = await fs.open(temp, 'w');
    try {
      await (typeof text === 'string' ? handle.writeFile(text, 'utf8') : handle.writeFile(text));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, path);
  } catch (error) {
    // A half-written temp file is harmless (loaders skip dot files) but would linger; the rm may fail like the write did.
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await fsyncFolder(fs, dirname(path));
}

export class DurableJsonFile<T> implements Adapter<T> {
  readonly path: string;
  readonly #fs: DurableFs;
  #running: Promise<void> | null = null;
  #pending: { data: T; waiters: Array<{ resolve: () => void; reject: (e: unknown) => void }> } | null = null;

  constructor(path: string, fs: DurableFs = nodeDurableFs) {
    this.path = path;
    this.#fs = fs;
  }

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await fsPromises.readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new CorruptFileError(this.path, error);
    }
  }

  /** Resolves once `data`, or something newer, is on disk. */
  write(data: T): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.#pending) {
        this.#pending.data = data;
        this.#pending.waiters.push({ resolve, reject });
      } else {
        this.#pending = { data, waiters: [{ resolve, reject }] };
      }
      if (!this.#running) this.#running = this.#drain();
    });
  }

  async #drain(): Promise<void> {
    while (this.#pending) {
      const { data, waiters } = this.#pending;
      this.#pending = null;
      // Serialised here, not when queued, so coalesced writes cost one stringify.
      try {
        await writeFileDurably(this.path, JSON.stringify(data), this.#fs);
        for (const w of waiters) w.resolve();
      } catch (error) {
        for (const w of waiters) w.reject(error);
      }
    }
    this.#running = null;
  }
}
