/**
 * Annotation store figures: how long loading takes and what one change
 * costs once the library is large. Run with
 *   node --import tsx tests/bench/annotation-store-bench.ts
 * Prints one line of JSON: {"rows":[{what, value, unit, target}, …]}.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NOTEBOOK_URI, uriOfDocument, type Annotation, type PassageTarget } from '../../electron/api/annotation-schema';
import {
  ANNOTATION_FILE_SCHEMA_VERSION,
  ANNOTATIONS_FOLDER,
  DOCUMENT_FILES_FOLDER,
  homeDocumentOf,
  homeFileOf,
  type AnnotationFileData,
} from '../../electron/library/annotation-file';
import { AnnotationStore } from '../../electron/library/annotation-store';
import { LibraryService } from '../../electron/library/library-service';
import { documentsDir } from '../support/paths';

interface Row {
  what: string;
  value: number;
  unit: 'ms' | 'KB' | 'MB';
  target: string;
}

const TEXT_LENGTH = 30_000;
const quiet = (): void => {};
const round = (n: number, digits = 1): number => Number(n.toFixed(digits));
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function openLibrary(dataDir: string): Promise<LibraryService> {
  return LibraryService.open({ dataDir, documentsDir, mode: 'browser', version: 'bench', log: quiet });
}

/** Deterministic pseudo-random numbers, so every run builds the same library. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function passage(documentId: string, start: number, length: number): PassageTarget {
  return {
    type: 'SpecificResource',
    source: uriOfDocument(documentId),
    selector: [
      { type: 'TextQuoteSelector', exact: 'a passage the reader marked, about this long', prefix: 'the words before it', suffix: 'the words after it' },
      { type: 'TextPositionSelector', start, end: start + length },
    ],
  };
}

/** A reader's mix: mostly highlights, then notes, links across documents, and a few notebook notes. */
function makeAnnotations(count: number, documentIds: readonly string[], maxOffset: number, seed: number): Annotation[] {
  const next = random(seed);
  const pick = (): string => documentIds[Math.floor(next() * documentIds.length)]!;
  const at = (): number => Math.floor(next() * (maxOffset - 100));
  const when = new Date(Date.UTC(2026, 0, 1)).toISOString();
  const noteBody = 'A note of a couple of sentences, as readers write them beside a passage. It says why the passage matters.';
  return Array.from({ length: count }, (_, i): Annotation => {
    const base = { id: `urn:uuid:${randomUUID()}`, type: 'Annotation' as const, created: when, modified: when };
    const kind = i % 100;
    if (kind < 60) return { ...base, motivation: 'highlighting', body: [{ type: 'TextualBody', purpose: 'tagging', value: 'theme' }], target: [passage(pick(), at(), 40)], 'diptych:colour': 'yellow' };
    if (kind < 85) return { ...base, motivation: 'commenting', body: [{ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: noteBody }], target: [passage(pick(), at(), 60)] };
    if (kind < 99 || documentIds.length === 1) return { ...base, motivation: 'linking', body: [], target: [passage(pick(), at(), 30), passage(pick(), at(), 30)] };
    return { ...base, motivation: 'commenting', body: [{ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: noteBody }], target: [NOTEBOOK_URI] };
  });
}

/** Writes annotations straight into their home files, as the store would have left them. */
async function writeAnnotationFiles(dataDir: string, annotations: readonly Annotation[]): Promise<void> {
  await mkdir(join(dataDir, ANNOTATIONS_FOLDER, DOCUMENT_FILES_FOLDER), { recursive: true });
  const homes = new Map<string, { documentId: string | null; annotations: Annotation[] }>();
  for (const a of annotations) {
    const documentId = homeDocumentOf(a);
    const relative = homeFileOf(documentId);
    const home = homes.get(relative) ?? { documentId, annotations: [] };
    home.annotations.push(a);
    homes.set(relative, home);
  }
  for (const [relative, home] of homes) {
    const data: AnnotationFileData = { schemaVersion: ANNOTATION_FILE_SCHEMA_VERSION, documentId: home.documentId, savedAt: new Date().toISOString(), annotations: home.annotations };
    await writeFile(join(dataDir, ANNOTATIONS_FOLDER, relative), JSON.stringify(data));
  }
}

async function fileSizes(dataDir: string): Promise<{ largest: number; total: number }> {
  const folder = join(dataDir, ANNOTATIONS_FOLDER);
  const paths = [join(folder, 'notebook.json'), ...(await readdir(join(folder, DOCUMENT_FILES_FOLDER))).map((n) => join(folder, DOCUMENT_FILES_FOLDER, n))];
  const sizes = await Promise.all(paths.map(async (p) => (await stat(p).catch(() => ({ size: 0 }))).size));
  return { largest: Math.max(...sizes), total: sizes.reduce((a, b) => a + b, 0) };
}

/** Median time of 20 changes, each timed until putAnnotation answers, that is until its file is fsync'd. */
async function timeChanges(library: LibraryService, annotations: readonly Annotation[], seed: number): Promise<number> {
  const next = random(seed);
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const a = annotations[Math.floor(next() * annotations.length)]!;
    const changed: Annotation = { ...a, modified: new Date(Date.UTC(2026, 1, 1, 0, i)).toISOString() };
    const started = performance.now();
    await library.putAnnotation({ annotation: changed });
    times.push(performance.now() - started);
  }
  return median(times);
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

async function manyDocuments(rows: Row[]): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'diptych-bench-'));
  try {
    const seeding = await openLibrary(dataDir);
    const text = 'word '.repeat(TEXT_LENGTH / 5);
    for (let i = 0; i < 98; i++) await seeding.addTextDocument({ title: `Bench document ${i}`, text });
    const documentIds = (await seeding.listDocuments()).map((d) => d.id);
    const minLength = Math.min(...(await seeding.listDocuments()).map((d) => d.length));
    const annotations = makeAnnotations(50_000, documentIds, minLength, 1);
    await writeAnnotationFiles(dataDir, annotations);

    const load = await timed(() => AnnotationStore.open(dataDir, { log: quiet }));
    if (load.value.store.size !== 50_000) throw new Error(`loaded ${load.value.store.size} annotations, expected 50,000`);
    rows.push({ what: `load 50,000 annotations (${documentIds.length} documents, parse and validate)`, value: round(load.ms), unit: 'ms', target: '< 1000' });
    const open = await timed(() => openLibrary(dataDir));
    rows.push({ what: 'open the library with 50,000 annotations (database, documents and annotations)', value: round(open.ms), unit: 'ms', target: '< 1500' });
    const change = await timeChanges(open.value, annotations, 2);
    rows.push({ what: 'one change on disk with 50,000 annotations over 100 documents (median of 20)', value: round(change, 2), unit: 'ms', target: '< 50' });
    const sizes = await fileSizes(dataDir);
    rows.push({ what: 'largest annotation file, 50,000 annotations over 100 documents', value: round(sizes.largest / 1024), unit: 'KB', target: '< 1024' });
    rows.push({ what: 'all annotation files, 50,000 annotations', value: round(sizes.total / 1024 / 1024, 2), unit: 'MB', target: 'for information' });
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function oneLargeDocument(rows: Row[]): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'diptych-bench-'));
  try {
    const seeding = await openLibrary(dataDir);
    const document = (await seeding.listDocuments())[0]!;
    const annotations = makeAnnotations(10_000, [document.id], document.length, 3);
    await writeAnnotationFiles(dataDir, annotations);
    const open = await timed(() => openLibrary(dataDir));
    rows.push({ what: 'open the library with 10,000 annotations in one document (1 file)', value: round(open.ms), unit: 'ms', target: '< 1500' });
    const change = await timeChanges(open.value, annotations, 4);
    rows.push({ what: 'one change on disk with 10,000 annotations in one document (1 file, median of 20)', value: round(change, 2), unit: 'ms', target: '< 50' });
    const sizes = await fileSizes(dataDir);
    rows.push({ what: 'annotation file of one document with 10,000 annotations', value: round(sizes.largest / 1024 / 1024, 2), unit: 'MB', target: 'for information' });
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

const rows: Row[] = [];
await manyDocuments(rows);
await oneLargeDocument(rows);
console.log(JSON.stringify({ rows }));
