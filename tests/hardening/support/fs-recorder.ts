/**
 * Records every path the process hands to node:fs while recording is on.
 * Wraps the functions on `fs`, `fs.promises` and their sync twins, then
 * calls `syncBuiltinESMExports` so modules that imported them by name
 * (`import { readFile } from 'node:fs/promises'`) call the wrappers too.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Functions whose first argument, and for these also the second, is a path. */
const PATH_FUNCTIONS = [
  'access', 'appendFile', 'chmod', 'chown', 'copyFile', 'cp', 'link', 'lstat', 'lutimes', 'mkdir', 'mkdtemp', 'open', 'opendir',
  'readdir', 'readFile', 'readlink', 'realpath', 'rename', 'rm', 'rmdir', 'stat', 'statfs', 'symlink', 'truncate', 'unlink', 'utimes', 'writeFile',
] as const;
const TWO_PATHS = new Set<string>(['copyFile', 'cp', 'link', 'rename', 'symlink']);
const STREAMS_AND_CHECKS = ['createReadStream', 'createWriteStream', 'exists', 'existsSync'] as const;

/** One recorded use of the file system. */
export interface Touch {
  call: string;
  path: string;
}

function asPath(value: unknown): string | null {
  if (typeof value === 'string') return resolve(value);
  if (Buffer.isBuffer(value)) return resolve(value.toString('utf8'));
  if (value instanceof URL && value.protocol === 'file:') return resolve(fileURLToPath(value));
  return null;
}

type AnyFunction = (...args: unknown[]) => unknown;

/** A recorder of file-system paths; `install` once per test file, `restore` after. */
export class FsRecorder {
  readonly touches: Touch[] = [];
  recording = false;
  readonly #originals: Array<{ owner: Record<string, unknown>; name: string; original: unknown }> = [];

  #wrap(owner: Record<string, unknown>, name: string, label: string): void {
    const original = owner[name];
    if (typeof original !== 'function') return;
    this.#originals.push({ owner, name, original });
    const touches = this.touches;
    const isRecording = (): boolean => this.recording;
    const wrapper = function (this: unknown, ...args: unknown[]): unknown {
      if (isRecording()) {
        const first = asPath(args[0]);
        if (first) touches.push({ call: label, path: first });
        const second = TWO_PATHS.has(name.replace(/Sync$/, '')) ? asPath(args[1]) : null;
        if (second) touches.push({ call: label, path: second });
      }
      return (original as AnyFunction).apply(this, args);
    };
    owner[name] = wrapper;
  }

  /** Starts wrapping node:fs (recording stays off until `recording` is set). */
  install(): void {
    const callbacks = fs as unknown as Record<string, unknown>;
    const promises = fs.promises as unknown as Record<string, unknown>;
    for (const name of PATH_FUNCTIONS) {
      this.#wrap(promises, name, `fs.promises.${name}`);
      this.#wrap(callbacks, name, `fs.${name}`);
      this.#wrap(callbacks, `${name}Sync`, `fs.${name}Sync`);
    }
    for (const name of STREAMS_AND_CHECKS) this.#wrap(callbacks, name, `fs.${name}`);
    syncBuiltinESMExports();
  }

  /** Puts node:fs back as it was. */
  restore(): void {
    for (const { owner, name, original } of this.#originals.splice(0)) owner[name] = original;
    syncBuiltinESMExports();
  }

  /** The recorded touches of paths outside every one of `roots`. */
  outside(roots: readonly string[]): Touch[] {
    const inside = (path: string, root: string): boolean => {
      const rel = relative(resolve(root), path);
      // A name such as "..\\x" is a plain file name on POSIX: only ".." as a whole segment leaves the folder.
      return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
    };
    return this.touches.filter((t) => !roots.some((root) => inside(t.path, root)));
  }
}
