/**
 * The lowdb database: library metadata, layout, settings and notices, with
 * a schema version and migrations. A file that does not parse, or parses to
 * the wrong shape, is moved aside and reported; it is never overwritten.
 */
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { documentKind, layout, notice, settings, type Settings } from '../api/contract';
import { CorruptFileError, DurableJsonFile, nodeDurableFs, type DurableFs } from './durable-json-file';

export const DATABASE_FILE = 'diptych.json';
export const SCHEMA_VERSION = 3;

const documentRecord = z.object({
  id: z.string(),
  title: z.string(),
  kind: documentKind,
  description: z.string(),
  length: z.number().int().nonnegative(),
  words: z.number().int().nonnegative(),
  addedAt: z.string(),
  /** Bundled: a file name in documents/, never modified. Imported: a path under the data folder. */
  storage: z.discriminatedUnion('origin', [
    z.object({ origin: z.literal('bundled'), file: z.string() }),
    z.object({
      origin: z.literal('imported'),
      /** The text (`.txt`, UTF-8) or, for Markdown and HTML, the rendered document (`.document.json`: text and structure). */
      file: z.string(),
      /** Of the imported file's bytes (or, for a text added through the API, of its text): finds duplicates. */
      sha256: z.string(),
      /** The imported file as it was, byte for byte, and what it was read as. */
      original: z.object({ file: z.string(), fileName: z.string(), bytes: z.number().int().nonnegative(), encoding: z.string() }).optional(),
    }),
  ]),
  // Schema 2: what the reader can say about a document, versions and the trash.
  author: z.string().optional(),
  date: z.string().optional(),
  tags: z.array(z.string()).optional(),
  collections: z.array(z.string()).optional(),
  /** Bumped by each new version of the content. */
  version: z.number().int().positive().optional(),
  trashedAt: z.string().optional(),
});
export type DocumentRecord = z.infer<typeof documentRecord>;

/** A compare-mode suggestion the reader rejected: hidden for good for this pair of documents. */
const rejectedSuggestion = z.object({
  /** The two document ids, sorted and joined by `|`: the same whichever pane each is in. */
  pair: z.string(),
  id: z.string(),
  /** Each document's passage, keyed by document id; a suggestion matches only while both quotes still do. */
  passages: z.record(z.string(), z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), quote: z.string() })),
  rejectedAt: z.string(),
});
export type RejectedSuggestion = z.infer<typeof rejectedSuggestion>;

const databaseShape = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  documents: z.array(documentRecord),
  layout: layout.nullable(),
  settings,
  notices: z.array(notice),
  // Schema 3: compare mode's rejected suggestions.
  rejectedSuggestions: z.array(rejectedSuggestion).optional(),
});
export type DatabaseData = z.infer<typeof databaseShape>;

export const DEFAULT_SETTINGS: Settings = { theme: 'light', fontSize: 18, fontFamily: 'serif', lineWidth: 66 };

/** A fresh database. The layout stays null until the library is seeded, which knows the default documents. */
export function emptyDatabase(): DatabaseData {
  return { schemaVersion: SCHEMA_VERSION, documents: [], layout: null, settings: { ...DEFAULT_SETTINGS }, notices: [] };
}

type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

/**
 * Migrations from version N to N+1, indexed by N. Each takes the parsed
 * JSON of the older version and returns the next one.
 */
export const migrations: Record<number, Migration> = {
  // Schema 2 only adds optional fields (author, date, tags, version, trash, the original file): nothing to convert.
  1: (old) => old,
  // Schema 3 only adds the optional list of rejected compare suggestions. An older Diptych would drop it on its next write, so it must refuse the file.
  2: (old) => old,
};

/** The database was written by a newer Diptych: refuse rather than lose what it knows. */
export class NewerDatabaseError extends Error {
  constructor(path: string, version: number) {
    super(`${path} was written by a newer version of Diptych (schema ${version}; this version reads up to ${SCHEMA_VERSION}). Update Diptych to open it.`);
    this.name = 'NewerDatabaseError';
  }
}

/** Runs the migration steps from the file's schema version up to `target`. */
export function upgrade(
  raw: unknown,
  path: string,
  steps: Record<number, Migration> = migrations,
  target: number = SCHEMA_VERSION,
): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('the top level is not an object');
  let data = raw as Record<string, unknown>;
  let version = typeof data.schemaVersion === 'number' ? data.schemaVersion : NaN;
  if (!Number.isInteger(version) || version < 1) throw new Error('it has no valid schemaVersion');
  if (version > target) throw new NewerDatabaseError(path, version);
  while (version < target) {
    const step = steps[version];
    if (!step) throw new Error(`no migration from schema ${version}`);
    data = { ...step(data), schemaVersion: version + 1 };
    version += 1;
  }
  return data;
}

/** Brings parsed JSON up to the current schema and checks its shape, or explains why it cannot. */
export function migrate(raw: unknown, path: string): DatabaseData {
  const parsed = databaseShape.safeParse(upgrade(raw, path));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`its content has the wrong shape (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''})`);
  }
  return parsed.data;
}

export interface OpenedDatabase {
  db: Low<DatabaseData>;
  path: string;
  /** Where an unreadable database was moved, if one was. */
  movedAside: string | null;
}

function timestampForFileName(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** Opens (or creates) the database in `dataDir`, moving an unreadable file aside. `fs` carries its writes. */
export async function openDatabase(dataDir: string, now: () => Date = () => new Date(), fs: DurableFs = nodeDurableFs): Promise<OpenedDatabase> {
  const path = join(dataDir, DATABASE_FILE);
  const adapter = new DurableJsonFile<DatabaseData>(path, fs);
  const db = new Low<DatabaseData>(adapter, emptyDatabase());
  let movedAside: string | null = null;
  let raw: DatabaseData | null = null;
  let problem: string | null = null;
  try {
    raw = await adapter.read();
  } catch (error) {
    if (!(error instanceof CorruptFileError)) throw error;
    problem = 'it is not valid JSON';
  }
  if (raw !== null) {
    try {
      db.data = migrate(raw, path);
    } catch (error) {
      if (error instanceof NewerDatabaseError) throw error;
      problem = error instanceof Error ? error.message : String(error);
    }
  }
  if (problem !== null) {
    movedAside = `${path}.corrupt-${timestampForFileName(now())}`;
    await rename(path, movedAside);
    db.data = emptyDatabase();
    db.data.notices.push({
      id: `database-moved-${timestampForFileName(now())}`,
      level: 'warning',
      message: `Your library database could not be read (${problem}). It was moved to ${movedAside} and a fresh one was started; nothing was overwritten.`,
    });
  }
  if (raw === null || problem !== null) await db.write();
  return { db, path, movedAside };
}

