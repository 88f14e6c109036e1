/** Paths the tests share: the repo root, the bundled documents and the two source texts. */
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const documentsDir = join(repoRoot, 'documents');
export const sourceTextFiles = ['000_f1b498f6176dc71c.txt', '001_50dbc8cc9f109cf8.txt'] as const;

/** A source text decoded exactly as the library decodes it. */
export function readSourceText(file: (typeof sourceTextFiles)[number]): string {
  return new TextDecoder('utf-8').decode(readFileSync(join(documentsDir, file)));
}

/** A fresh temp folder for one test. */
export function tempDir(prefix = 'diptych-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** How many documents the library bundles (the manifest's count). */
export const BUNDLED_DOCUMENTS: number = (JSON.parse(readFileSync(join(documentsDir, 'manifest.json'), 'utf8')) as { documents: unknown[] }).documents.length;
