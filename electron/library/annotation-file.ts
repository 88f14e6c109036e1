/**
 * One annotation file: where it lives, its schema version, and how it is
 * read. Annotations are split into one file per document (the document of
 * an annotation's first passage) plus one for the notebook, so saving a
 * change rewrites one small file, never the whole library's annotations.
 */
import { createHash } from 'node:crypto';
import { copyFile, readFile, rename } from 'node:fs/promises';
import { z } from 'zod';
import { annotation, documentIdOfUri, passagesOf, type Annotation } from '../api/annotation-schema';
import { describeIssues } from '../api/dispatch';
import { NewerDatabaseError } from './database';

/** The folder, under the data folder, that holds every annotation file. */
export const ANNOTATIONS_FOLDER = 'annotations';
/** The subfolder of per-document files, so no document id can collide with the notebook's file. */
export const DOCUMENT_FILES_FOLDER = 'documents';
/** Notes with no passage (they target the notebook). */
export const NOTEBOOK_FILE = 'notebook.json';
export const ANNOTATION_FILE_SCHEMA_VERSION = 1;

/** What an annotation file holds. */
export interface AnnotationFileData {
  schemaVersion: number;
  /** The document whose annotations these are; null for the notebook. Informative: homes are recomputed at load. */
  documentId: string | null;
  /** When this content was handed to the disk; breaks ties between two copies of one annotation after a crash. */
  savedAt: string;
  annotations: Annotation[];
}

/** Only the version and the list are essential; the informative fields fall back rather than cost a file its annotations. */
const envelope = z.object({
  schemaVersion: z.literal(ANNOTATION_FILE_SCHEMA_VERSION),
  documentId: z.string().nullable().catch(null),
  savedAt: z.string().catch(''),
  annotations: z.array(z.unknown()),
});

/** Ids a file system may refuse or fold together: Windows device names, and anything not plainly lower case. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;
const PLAIN_NAME = /^[a-z0-9][a-z0-9_-]{0,99}$/;

/**
 * The file name of a document's annotations. Plain lower-case ids are used
 * as they are, so a person can find the file; any other id gets a hash
 * suffix, because "Intro" and "intro" are one file on macOS and Windows.
 */
export function documentFileName(documentId: string): string {
  if (PLAIN_NAME.test(documentId) && !WINDOWS_RESERVED.test(documentId)) return `${documentId}.json`;
  const readable = documentId.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').slice(0, 60);
  const hash = createHash('sha256').update(documentId, 'utf8').digest('hex').slice(0, 12);
  return `${readable}-${hash}.json`;
}

/** The document whose file an annotation lives in: its first passage's; null for a notebook note. */
export function homeDocumentOf(a: Annotation): string | null {
  const first = passagesOf(a)[0];
  return first ? documentIdOfUri(first.source) : null;
}

/** An annotation file's path relative to the annotations folder; the store keys its files by it. */
export function homeFileOf(documentId: string | null): string {
  return documentId === null ? NOTEBOOK_FILE : `${DOCUMENT_FILES_FOLDER}/${documentFileName(documentId)}`;
}

/** An annotation file written by a newer Diptych: refused like a newer database, never rewritten. */
export class NewerAnnotationFileError extends NewerDatabaseError {
  constructor(path: string, version: number) {
    super(path, version);
    this.name = 'NewerAnnotationFileError';
    this.message = `${path} was written by a newer version of Diptych (annotation file schema ${version}; this version reads up to ${ANNOTATION_FILE_SCHEMA_VERSION}). Update Diptych to open it.`;
  }
}

type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

/** Migrations from annotation file schema N to N+1, indexed by N. */
export const annotationFileMigrations: Record<number, Migration> = {};

/** What reading one file found. */
export type FileReading =
  | { kind: 'missing' }
  /** Not JSON, or not an annotation file at all: the caller moves it aside. */
  | { kind: 'unreadable'; reason: string }
  /** Readable; `rejected` counts annotations that failed validation and were left out. */
  | { kind: 'read'; data: AnnotationFileData; rejected: number; firstRejection: string | null };

function upgrade(raw: Record<string, unknown>, path: string): Record<string, unknown> {
  let data = raw;
  let version = typeof data.schemaVersion === 'number' ? data.schemaVersion : NaN;
  if (!Number.isInteger(version) || version < 1) throw new Error('it has no valid schemaVersion');
  if (version > ANNOTATION_FILE_SCHEMA_VERSION) throw new NewerAnnotationFileError(path, version);
  while (version < ANNOTATION_FILE_SCHEMA_VERSION) {
    const step = annotationFileMigrations[version];
    if (!step) throw new Error(`no migration from schema ${version}`);
    data = { ...step(data), schemaVersion: version + 1 };
    version += 1;
  }
  return data;
}

/** Checks an already parsed file: the envelope must be right; each annotation is validated on its own. */
export function interpretAnnotationFile(raw: unknown, path: string): FileReading {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { kind: 'unreadable', reason: 'the top level is not an object' };
  let upgraded: Record<string, unknown>;
  try {
    upgraded = upgrade(raw as Record<string, unknown>, path);
  } catch (error) {
    if (error instanceof NewerAnnotationFileError) throw error;
    return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
  const shape = envelope.safeParse(upgraded);
  if (!shape.success) return { kind: 'unreadable', reason: `its content has the wrong shape (${describeIssues(shape.error)})` };
  const annotations: Annotation[] = [];
  let rejected = 0;
  let firstRejection: string | null = null;
  for (const item of shape.data.annotations) {
    const parsed = annotation.safeParse(item);
    if (parsed.success) {
      annotations.push(parsed.data);
    } else {
      rejected += 1;
      firstRejection ??= describeIssues(parsed.error);
    }
  }
  return { kind: 'read', data: { ...shape.data, annotations }, rejected, firstRejection };
}

/** Reads one annotation file. */
export async function readAnnotationFile(path: string): Promise<FileReading> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { kind: 'unreadable', reason: `it is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  return interpretAnnotationFile(raw, path);
}

/** A file-name-safe timestamp, as the database uses for files it sets aside. */
export function timestampForFileName(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/**
 * Keeps an unreadable file's bytes under `<path>.corrupt-<timestamp>`:
 * moved when nothing of it can be used, copied when the readable part stays.
 */
export async function setAside(path: string, now: Date, how: 'move' | 'copy'): Promise<string> {
  const aside = `${path}.corrupt-${timestampForFileName(now)}`;
  if (how === 'move') await rename(path, aside);
  else await copyFile(path, aside);
  return aside;
}
