/**
 * A `DurableFs` that fails on demand, as a full or read-only disk would.
 * Root may write anywhere, so permissions cannot make a real disk refuse;
 * this injects the errors Node would raise instead.
 */
import { nodeDurableFs, type DurableFileHandle, type DurableFs } from '../../../electron/library/durable-json-file';

/** An error shaped like the one node:fs raises for `code`. */
export function errnoError(code: string, syscall: string, path: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: simulated failure, ${syscall} '${path}'`);
  error.code = code;
  error.syscall = syscall;
  error.path = path;
  return error;
}

export class FaultyFs implements DurableFs {
  /** While set, opening a file for writing fails with this code. */
  failure: string | null = null;
  /** While set, a write stops halfway through its text and then fails with this code (the disk filled up mid-write). */
  cutOff: string | null = null;
  /** Writes that reached the disk. */
  completed = 0;

  async open(path: string, flags: 'w' | 'r'): Promise<DurableFileHandle> {
    if (flags === 'w' && this.failure) throw errnoError(this.failure, 'open', path);
    const handle = await nodeDurableFs.open(path, flags);
    const cutOff = flags === 'w' ? this.cutOff : null;
    if (!cutOff) return handle;
    return {
      writeFile: async (text, encoding) => {
        await handle.writeFile(text.slice(0, Math.floor(text.length / 2)), encoding);
        throw errnoError(cutOff, 'write', path);
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  }

  async rename(from: string, to: string): Promise<void> {
    await nodeDurableFs.rename(from, to);
    this.completed += 1;
  }

  rm(path: string, options: { force: boolean }): Promise<void> {
    return nodeDurableFs.rm(path, options);
  }
}
