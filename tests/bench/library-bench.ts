/**
 * Library figures: a generated library of 200 plain-text documents, 50 MB in
 * all, imported through LibraryService.importDocument into a temp data
 * folder; then, in a freshly opened library (texts read from disk), the
 * search index built as at start (in slices, yielding); then 100 queries of
 * the palette's kinds. Run with
 *   node --import tsx tests/bench/library-bench.ts
 * Prints one line of JSON: {"rows":[{what, value, unit, target}, …]};
 * progress goes to stderr.
 */
import { rm } from 'node:fs/promises';
import { LibraryService } from '../../electron/library/library-service';
import { documentsDir, tempDir } from '../support/paths';
import { codeWord, generatedText } from '../unit/search/generated-library';

interface Row {
  what: string;
  value: number;
  unit: string;
  target: string;
}

const DOCUMENTS = 200;
const TOTAL_CHARS = 50 * 1024 * 1024;
/** What the palette asks for (renderer/src/palette/use-library-search.ts). */
const PALETTE_LIMIT = 40;
const MB = 1024 * 1024;

const log = (message: string): void => void process.stderr.write(`[library-bench] ${message}\n`);
const round = (n: number, digits = 1): number => Number(n.toFixed(digits));
const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

/** Deterministic pseudo-random numbers, so every run asks the same queries. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function openLibrary(dataDir: string): Promise<LibraryService> {
  // No warm-up: the build is timed on its own below, not while importing.
  return LibraryService.open({ dataDir, documentsDir, mode: 'browser', version: 'bench', log: () => {}, backups: false, searchWarmUpMs: false });
}

/** 100 queries of the kinds a reader types into the palette. */
function queries(): { kind: string; query: string }[] {
  const next = random(1939);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const code = (): string => codeWord(Math.floor(next() * DOCUMENTS), Math.floor(next() * 1000));
  const kinds: [string, number, () => string][] = [
    ['common word', 20, () => pick(['Soviet', 'Stalin', 'British', 'war', 'pact', 'Moscow', 'French', 'Germany', 'talks', 'security'])],
    // A paragraph's code word is found once in 50 MB; its neighbours ("d12p345", "d12p346") are found by typo and prefix.
    ['rare word', 20, () => (next() < 0.5 ? code() : `${code()} `)],
    ['two words (AND)', 20, () => pick(['Stalin Molotov', 'British guarantees', 'Baltic States', 'Chamberlain communism', 'Litvinov dismissed', 'Western slowness', 'military mission', 'Hitler Poland'])],
    ['typo', 15, () => pick(['Molotof ', 'Chamberlian ', 'negotiatons ', 'Ribentrop ', 'Litvinof ', 'Czechoslovakai ', 'ambasador ', 'diplomts '])],
    ['prefix', 15, () => pick(['negot', 'Czechosl', 'ambas', 'indust', 'revolu', 'Chamb', 'guaran', 'Ribb'])],
    ['four-word phrase', 10, () => pick(['the question of the Baltic States', 'mutual distrust convinces Stalin', 'Western powers do not want', 'a pact between two nations'])],
  ];
  return kinds.flatMap(([kind, count, make]) => Array.from({ length: count }, () => ({ kind, query: make() })));
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const row = (what: string, value: number, unit: string, target = ''): void => void rows.push({ what, value, unit, target });
  const dataDir = await tempDir('diptych-library-bench-');
  try {
    // 1. Import.
    log(`generating ${DOCUMENTS} documents, ${TOTAL_CHARS / MB} MB of text…`);
    const encoder = new TextEncoder();
    const files = Array.from({ length: DOCUMENTS }, (_, doc) => encoder.encode(generatedText(doc, TOTAL_CHARS / DOCUMENTS)));
    const bytes = files.reduce((sum, f) => sum + f.byteLength, 0);
    let library = await openLibrary(dataDir);
    log(`importing ${(bytes / MB).toFixed(1)} MB…`);
    const importStarted = performance.now();
    for (const [doc, file] of files.entries()) {
      const result = await library.importDocument({ fileName: `generated-${doc}.txt`, bytes: file });
      if (result.status !== 'imported') throw new Error(`generated-${doc}.txt was not imported: ${result.status}`);
      if (doc % 50 === 49) log(`  ${doc + 1} imported`);
    }
    const importSeconds = (performance.now() - importStarted) / 1000;
    row(`library: import of ${DOCUMENTS} .txt files, ${round(bytes / MB, 0)} MB`, round(importSeconds, 2), 's');
    row('library: import throughput, plain text', round(bytes / MB / importSeconds), 'MB/s', '≥ 20');
    await library.close();

    // 2. Index build, as at start: a fresh library reads every text from disk and indexes it in slices.
    library = await openLibrary(dataDir);
    log('building the search index…');
    let built = false;
    let longestStall = 0;
    const buildStarted = performance.now();
    const first = library.searchLibrary({ query: `${codeWord(0, 0)} `, limit: PALETTE_LIMIT }).finally(() => (built = true));
    while (!built) {
      const tick = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 0));
      longestStall = Math.max(longestStall, performance.now() - tick);
    }
    await first;
    row(`library: search index build, ${DOCUMENTS} documents, ${round(bytes / MB, 0)} MB (yielding)`, round((performance.now() - buildStarted) / 1000, 2), 's');
    row('library: longest event-loop stall during the build', round(longestStall), 'ms', '< 100');
    row('library: heap used once indexed', round(process.memoryUsage().heapUsed / MB, 0), 'MB');

    // 3. Queries.
    const asked = queries();
    log(`${asked.length} queries…`);
    const times: number[] = [];
    const byKind = new Map<string, number[]>();
    for (const { kind, query } of asked) {
      const started = performance.now();
      const results = await library.searchLibrary({ query, limit: PALETTE_LIMIT });
      const ms = performance.now() - started;
      times.push(ms);
      byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
      if (results.total === 0) log(`  no results for "${query}"`);
    }
    row(`library: query latency, median of ${times.length}`, round(percentile(times, 50)), 'ms', '< 30');
    row(`library: query latency, 95th percentile of ${times.length}`, round(percentile(times, 95)), 'ms', '< 80');
    for (const [kind, kindTimes] of byKind) log(`  ${kind}: median ${round(percentile(kindTimes, 50))} ms, slowest ${round(Math.max(...kindTimes))} ms`);
    await library.close();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  console.log(JSON.stringify({ rows }));
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
