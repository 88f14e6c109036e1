/**
 * A lowdb adapter that writes JSON durably: compact JSON to a temp file,
 * fsync, rename over the old file, fsync the folder. A reader or a crash
 * sees the old file or the new one, never half of one. Overlapping writes
 * are coalesced: while one is on its way, only the newest data waits.
 */
import { open, readFile, rename, rm } from 'node:fs/promises';
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

async function fsyncFolder(folder: string): Promise<void> {
  // Makes the rename itself durable. Some platforms (Windows) refuse to open folders; the rename is still atomic there.
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    /* best effort */
  }
}

/** Writes `text` to `path` atomically and durably. */
export async function writeFileDurably(path: string, text: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await fsyncFolder(dirname(path));
}

export class DurableJsonFile<T> implements Adapter<T> {
  readonly path: string;
  #running: Promise<void> | null = null;
  #pending: { data: T; waiters: Array<{ resolve: () => void; reject: (e: unknown) => void }> } | null = null;

  constructor(path: string) {
    this.path = path;
  }

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
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
        await writeFileDurably(this.path, JSON.stringify(data));
        for (const w of waiters) w.resolve();
      } catch (error) {
        for (const w of waiters) w.reject(error);
      }
    }
    this.#running = null;
  }
}
