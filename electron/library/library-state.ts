/**
 * What the library service works on, loaded from the data folder: the
 * database and the annotation store, with bundled documents the database
 * does not know yet added to it. Opening the library loads it; restoring a
 * backup loads it again and swaps it in.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Low } from 'lowdb';
import type { DocumentKind, Layout, PaneState } from '../api/contract';
import { countWords } from '../core/text-blocks';
import { AnnotationStore } from './annotation-store';
import { openDatabase, type DatabaseData } from './database';
import type { DurableFs } from './durable-json-file';
import type { ManifestEntry } from './manifest';
import type { StoredContent } from './document-files';
import { extractPdfText } from './pdf';

/** The loaded library. */
export interface LibraryState {
  db: Low<DatabaseData>;
  databasePath: string;
  store: AnnotationStore;
}

export interface LoadOptions {
  dataDir: string;
  documentsDir: string;
  manifest: readonly ManifestEntry[];
  fs: DurableFs;
  /** Where repairs made while loading are reported. */
  log: (message: string) => void;
}

/** Reads a bundled document as the library serves it. */
export async function readBundled(documentsDir: string, file: string): Promise<string> {
  const bytes = await readFile(join(documentsDir, file));
  return new TextDecoder('utf-8').decode(bytes);
}

/** A bundled document's text (a PDF's extracted text, with its pages). */
export async function readBundledContent(documentsDir: string, file: string, kind: DocumentKind): Promise<StoredContent> {
  if (kind !== 'pdf') return { text: await readBundled(documentsDir, file) };
  const { text, pages } = await extractPdfText(new Uint8Array(await readFile(join(documentsDir, file))));
  return { text, pages };
}

/** The layout of a new library: the documents the manifest puts left and right. */
export function defaultLayout(manifest: readonly ManifestEntry[]): Layout {
  const pick = (side: 'left' | 'right', index: number): PaneState => ({
    documentId: (manifest.find((e) => e.defaultPane === side) ?? manifest[index])?.id ?? null,
    position: 0,
  });
  return { left: pick('left', 0), right: pick('right', 1), split: 0.5, sidebarOpen: true, maximised: null, focusedPane: 'left' };
}

/** Adds bundled documents the database does not know yet (first run, or a new bundled document); tells whether it changed anything. */
async function seed(data: DatabaseData, options: LoadOptions): Promise<boolean> {
  let changed = false;
  for (const entry of options.manifest) {
    if (data.documents.some((d) => d.id === entry.id)) continue;
    const { text } = await readBundledContent(options.documentsDir, entry.file, entry.kind);
    data.documents.push({
      id: entry.id,
      title: entry.title,
      kind: entry.kind,
      description: entry.description,
      length: text.length,
      words: countWords(text),
      addedAt: new Date().toISOString(),
      storage: { origin: 'bundled', file: entry.file },
    });
    changed = true;
  }
  if (data.layout === null) {
    data.layout = defaultLayout(options.manifest);
    changed = true;
  }
  return changed;
}

/**
 * Loads the database and every annotation. Annotation files that could not
 * be read become notices, kept in the database until the reader dismisses them.
 */
export async function loadLibraryState(options: LoadOptions): Promise<LibraryState> {
  const { db, path } = await openDatabase(options.dataDir, undefined, options.fs);
  const { store, notices } = await AnnotationStore.open(options.dataDir, { log: options.log, fs: options.fs });
  const seeded = await seed(db.data, options);
  db.data.notices.push(...notices);
  if (seeded || notices.length > 0) await db.write();
  return { db, databasePath: path, store };
}
