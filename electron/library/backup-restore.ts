/**
 * Putting a backup back. The backup is checked whole first (every file
 * present, its SHA-256 as recorded, readable by this version), so a damaged
 * backup is refused before anything changes. A marker file makes the copy
 * finish at the next start if the process dies halfway, so the library is
 * never left half restored.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { BACKUP_ID_PATTERN } from '../api/contract';
import { ApiError } from '../api/errors';
import { ANNOTATIONS_FOLDER, DOCUMENT_FILES_FOLDER, interpretAnnotationFile, NOTEBOOK_FILE } from './annotation-file';
import { backupsFolder, findBackup, type BackupManifest } from './backups';
import { DATABASE_FILE, migrate, NewerDatabaseError } from './database';
import { nodeDurableFs, writeFileDurably, type DurableFs } from './durable-json-file';

/** Present while a restore is copying files; names the backup being restored. */
export const RESTORE_MARKER = 'restore-in-progress.json';

const markerShape = z.object({ id: z.string().regex(BACKUP_ID_PATTERN) });

/** A backup whose every file was read and checked, ready to be copied into place. */
export interface VerifiedBackup {
  manifest: BackupManifest;
  files: Map<string, string>;
}

/** Why a backup cannot be used, as the sentence a reader sees. */
function damaged(id: string, reason: string): ApiError {
  return new ApiError('storage', `The backup ${id} cannot be restored: ${reason}. Nothing was changed.`);
}

function checkContent(id: string, path: string, text: string): void {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw damaged(id, `${path} in it is not valid JSON`);
  }
  if (path === DATABASE_FILE) {
    try {
      migrate(raw, path);
    } catch (error) {
      if (error instanceof NewerDatabaseError) throw damaged(id, 'it was made by a newer version of Diptych');
      throw damaged(id, `its database cannot be read (${error instanceof Error ? error.message : String(error)})`);
    }
    return;
  }
  const reading = interpretAnnotationFile(raw, path);
  if (reading.kind !== 'read' || reading.rejected > 0) throw damaged(id, `${path} in it holds annotations this version cannot read`);
}

/** Reads a backup and checks every file; throws a `not-found` or `storage` ApiError that says why it cannot be used. */
export async function verifyBackup(dataDir: string, id: string): Promise<VerifiedBackup> {
  const manifest = await findBackup(dataDir, id);
  if (!manifest) throw new ApiError('not-found', `There is no backup "${id}". listBackups names the backups there are.`);
  if (!manifest.files.some((f) => f.path === DATABASE_FILE)) throw damaged(id, 'it has no database');
  const folder = join(backupsFolder(dataDir), manifest.id);
  const files = new Map<string, string>();
  for (const entry of manifest.files) {
    let bytes: Buffer;
    try {
      bytes = await readFile(join(folder, ...entry.path.split('/')));
    } catch {
      throw damaged(id, `${entry.path} is missing from it`);
    }
    if (createHash('sha256').update(bytes).digest('hex') !== entry.sha256) throw damaged(id, `${entry.path} in it has changed since the backup was made`);
    const text = bytes.toString('utf8');
    checkContent(id, entry.path, text);
    files.set(entry.path, text);
  }
  return { manifest, files };
}

/** The annotation files present now, relative to the data folder. */
async function currentAnnotationFiles(dataDir: string): Promise<string[]> {
  const names = await readdir(join(dataDir, ANNOTATIONS_FOLDER, DOCUMENT_FILES_FOLDER)).catch(() => [] as string[]);
  return [
    `${ANNOTATIONS_FOLDER}/${NOTEBOOK_FILE}`,
    ...names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).map((n) => `${ANNOTATIONS_FOLDER}/${DOCUMENT_FILES_FOLDER}/${n}`),
  ];
}

/**
 * Copies a verified backup over the library files and removes annotation
 * files the backup does not have (the caller kept them aside first). Each
 * file is replaced atomically; the marker covers the whole.
 */
export async function copyBackupIntoPlace(dataDir: string, backup: VerifiedBackup, fs: DurableFs = nodeDurableFs): Promise<void> {
  const marker = join(dataDir, RESTORE_MARKER);
  await writeFileDurably(marker, JSON.stringify({ id: backup.manifest.id }), fs);
  // Annotation files first and the database last: the database's notices then describe the restored state.
  const order = [...backup.files.keys()].sort((a, b) => Number(a === DATABASE_FILE) - Number(b === DATABASE_FILE));
  for (const path of order) await writeFileDurably(join(dataDir, ...path.split('/')), backup.files.get(path)!, fs);
  for (const path of await currentAnnotationFiles(dataDir)) {
    if (!backup.files.has(path)) await rm(join(dataDir, ...path.split('/')), { force: true });
  }
  await rm(marker, { force: true });
}

/**
 * Finishes a restore that a crash interrupted, before the library reads
 * its files. Answers the restored backup's id, or null when there was none.
 */
export async function finishInterruptedRestore(dataDir: string, log: (message: string) => void): Promise<string | null> {
  const marker = join(dataDir, RESTORE_MARKER);
  let text: string;
  try {
    text = await readFile(marker, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let id: string;
  try {
    id = markerShape.parse(JSON.parse(text)).id;
  } catch {
    // Diptych writes the marker atomically, so this one was changed by hand; the files it covers are each whole.
    await rm(marker, { force: true });
    log(`removed ${marker}, which could not be read; the library opens as its files are.`);
    return null;
  }
  try {
    await copyBackupIntoPlace(dataDir, await verifyBackup(dataDir, id));
  } catch (error) {
    // The backup went missing meanwhile: every library file is still whole, some from the backup and some not.
    await rm(marker, { force: true });
    log(`could not finish restoring the backup ${id} (${error instanceof Error ? error.message : String(error)}); the library opens as its files are.`);
    return null;
  }
  log(`finished restoring the backup ${id}, which was interrupted.`);
  return id;
}
