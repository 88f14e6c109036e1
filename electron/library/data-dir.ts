/**
 * Where Diptych keeps the user's data, and the checks that the folder is
 * usable before anything is read or written there.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER_NAME = 'Diptych';

/** The platform's usual per-user data folder; the same one Electron's `app.getPath('userData')` gives. */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_FOLDER_NAME);
}

/** The data folder cannot be created, read or written: Diptych cannot go on. */
export class DataDirError extends Error {
  readonly dir: string;
  constructor(dir: string, reason: string) {
    super(`Diptych cannot use the data folder ${dir}: ${reason}. Choose another folder (--data DIR) or fix its permissions.`);
    this.name = 'DataDirError';
    this.dir = dir;
  }
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a file of that name is in the way';
  if (code === 'ENOSPC') return 'the disk is full';
  return error instanceof Error ? error.message : String(error);
}

/** Creates the folder if needed and proves it writable with a probe file. */
export async function ensureWritableDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    const probe = join(dir, `.write-probe-${process.pid}`);
    await writeFile(probe, 'ok');
    await rm(probe, { force: true });
  } catch (error) {
    throw new DataDirError(dir, reasonOf(error));
  }
}
