/**
 * Backups of the library's own files: the database and every annotation
 * file, copied into `<data>/backups/<id>/` with a `backup.json` that says
 * when, how much, and the SHA-256 of each file. Imported texts are not
 * copied: they are stored once by content hash and never changed or
 * removed, so every backup's database still finds them.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { BACKUP_ID_PATTERN, type ApiOutput } from '../api/contract';
import { ANNOTATIONS_FOLDER, DOCUMENT_FILES_FOLDER, NOTEBOOK_FILE, timestampForFileName } from './annotation-file';
import { DATABASE_FILE } from './database';

export const BACKUPS_FOLDER = 'backups';
export const BACKUP_MANIFEST = 'backup.json';
/** How many backups of each kind are kept; the oldest goes first. */
export const KEPT_BACKUPS = 10;
const BEFORE_RESTORE_PREFIX = 'before-restore-';
/** Folders being written start with this; one left by a crash is removed at the next backup. */
const PARTIAL_PREFIX = '.partial-';

/** What `listBackups` answers with, one per backup. */
export type BackupSummary = ApiOutput<'listBackups'>[number];
export type BackupKind = BackupSummary['kind'];

/**
 * The files a backup holds, relative to the data folder with `/`. Only these
 * names are ever copied or restored, whatever a backup.json claims.
 */
const BACKED_UP_FILE = /^(diptych\.json|annotations\/notebook\.json|annotations\/documents\/[a-z0-9_-]{1,130}\.json)$/;

const manifestShape = z.object({
  formatVersion: z.literal(1),
  id: z.string().regex(BACKUP_ID_PATTERN),
  kind: z.enum(['automatic', 'before-restore']),
  createdAt: z.string(),
  documentCount: z.number().int().nonnegative(),
  annotationCount: z.number().int().nonnegative(),
  files: z.array(z.object({ path: z.string().regex(BACKED_UP_FILE), bytes: z.number().int().nonnegative(), sha256: z.string() })),
  /** One hash over every file's path and hash: equal digests, equal content. */
  digest: z.string(),
});
/** The content of `backup.json`. */
export type BackupManifest = z.infer<typeof manifestShape>;

/** The backups folder of a data folder. */
export function backupsFolder(dataDir: string): string {
  return join(dataDir, BACKUPS_FOLDER);
}

function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function digestOf(files: BackupManifest['files']): string {
  return sha256(files.map((f) => `${f.path} ${f.sha256}`).join('\n'));
}

/** The library files present now, relative to the data folder. */
export async function libraryFiles(dataDir: string): Promise<string[]> {
  const inDocuments = await readdir(join(dataDir, ANNOTATIONS_FOLDER, DOCUMENT_FILES_FOLDER)).catch(() => [] as string[]);
  const candidates = [
    DATABASE_FILE,
    `${ANNOTATIONS_FOLDER}/${NOTEBOOK_FILE}`,
    ...inDocuments.map((name) => `${ANNOTATIONS_FOLDER}/${DOCUMENT_FILES_FOLDER}/${name}`),
  ];
  return candidates.filter((path) => BACKED_UP_FILE.test(path)).sort();
}

async function readIfPresent(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Reads and checks one backup's manifest; null when the folder is not a complete backup. */
async function readManifest(folder: string): Promise<BackupManifest | null> {
  try {
    const parsed = manifestShape.safeParse(JSON.parse(await readFile(join(folder, BACKUP_MANIFEST), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function summaryOf(manifest: BackupManifest): BackupSummary {
  return { id: manifest.id, kind: manifest.kind, createdAt: manifest.createdAt, documents: manifest.documentCount, annotations: manifest.annotationCount };
}

/** Every complete backup with its manifest, newest first. */
export async function readBackups(dataDir: string): Promise<BackupManifest[]> {
  const names = await readdir(backupsFolder(dataDir)).catch(() => [] as string[]);
  const manifests: BackupManifest[] = [];
  for (const name of names) {
    if (!BACKUP_ID_PATTERN.test(name)) continue;
    const manifest = await readManifest(join(backupsFolder(dataDir), name));
    // A manifest naming another folder was copied or edited by hand: its id would not lead back here.
    if (manifest && manifest.id === name) manifests.push(manifest);
  }
  return manifests.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}

/** What `listBackups` answers: every complete backup, newest first. */
export async function listBackups(dataDir: string): Promise<BackupSummary[]> {
  return (await readBackups(dataDir)).map(summaryOf);
}

/** A new backup's id: its time, file-name safe, with a counter if that folder exists already. */
async function freshId(dataDir: string, kind: BackupKind, now: Date): Promise<string> {
  const base = `${kind === 'before-restore' ? BEFORE_RESTORE_PREFIX : ''}${timestampForFileName(now)}`;
  const taken = new Set(await readdir(backupsFolder(dataDir)).catch(() => [] as string[]));
  if (!taken.has(base)) return base;
  for (let n = 1; n < 1000; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  throw new Error(`too many backups named ${base}`);
}

export interface BackupRequest {
  kind: BackupKind;
  documentCount: number;
  annotationCount: number;
  now?: Date;
  /** Skip the backup when the files equal the newest backup of this kind (a start with nothing changed). */
  skipIfUnchanged?: boolean;
  keep?: number;
}

/**
 * Copies the library files into a new backup and removes the oldest of its
 * kind beyond `keep`. Each file is read whole, so a write renamed into place
 * meanwhile is seen entirely or not at all. The folder appears under its
 * final name only once complete. Answers null when nothing had changed.
 */
export async function createBackup(dataDir: string, request: BackupRequest): Promise<BackupSummary | null> {
  const now = request.now ?? new Date();
  const folder = backupsFolder(dataDir);
  const files: Array<{ path: string; bytes: Buffer }> = [];
  for (const path of await libraryFiles(dataDir)) {
    const bytes = await readIfPresent(join(dataDir, path));
    if (bytes) files.push({ path, bytes });
  }
  const entries = files.map((f) => ({ path: f.path, bytes: f.bytes.length, sha256: sha256(f.bytes) }));
  const digest = digestOf(entries);
  if (request.skipIfUnchanged) {
    const newest = (await readBackups(dataDir)).find((b) => b.kind === request.kind);
    if (newest?.digest === digest) return null;
  }
  await mkdir(folder, { recursive: true });
  const id = await freshId(dataDir, request.kind, now);
  const partial = join(folder, `${PARTIAL_PREFIX}${id}`);
  await rm(partial, { recursive: true, force: true });
  for (const file of files) {
    const target = join(partial, ...file.path.split('/'));
    await mkdir(join(target, '..'), { recursive: true });
    await writeFile(target, file.bytes);
  }
  const manifest: BackupManifest = {
    formatVersion: 1,
    id,
    kind: request.kind,
    createdAt: now.toISOString(),
    documentCount: request.documentCount,
    annotationCount: request.annotationCount,
    files: entries,
    digest,
  };
  await writeFile(join(partial, BACKUP_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(partial, join(folder, id));
  await pruneBackups(dataDir, request.kind, request.keep ?? KEPT_BACKUPS);
  return summaryOf(manifest);
}

/** Removes the oldest backups of `kind` beyond `keep`, and folders a crash left half-written. */
export async function pruneBackups(dataDir: string, kind: BackupKind, keep: number): Promise<void> {
  const folder = backupsFolder(dataDir);
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) if (name.startsWith(PARTIAL_PREFIX)) await rm(join(folder, name), { recursive: true, force: true });
  const ofKind = (await readBackups(dataDir)).filter((b) => b.kind === kind);
  for (const old of ofKind.slice(keep)) await rm(join(folder, old.id), { recursive: true, force: true });
}

/** The backup with this id, looked up among the backups present; the id never reaches a path unchecked. */
export async function findBackup(dataDir: string, id: string): Promise<BackupManifest | null> {
  if (!BACKUP_ID_PATTERN.test(id)) return null;
  return (await readBackups(dataDir)).find((b) => b.id === id) ?? null;
}
