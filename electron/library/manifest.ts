/**
 * The manifest of bundled documents (documents/manifest.json): what seeds a
 * new library. Bundled files are read, never written.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { documentKind, paneSide } from '../api/contract';

export const MANIFEST_FILE = 'manifest.json';

const manifestEntry = z.object({
  id: z.string().regex(/^[A-Za-z0-9._-]+$/),
  file: z.string().regex(/^[^/\\]+$/, 'a bundled file name has no folder part'),
  title: z.string().min(1),
  kind: documentKind,
  description: z.string(),
  defaultPane: paneSide.optional(),
});
export type ManifestEntry = z.infer<typeof manifestEntry>;

const manifestShape = z.object({ version: z.literal(1), documents: z.array(manifestEntry) });

/** Reads and validates the manifest; a broken manifest is a packaging bug, so it throws with the reason. */
export async function readManifest(documentsDir: string): Promise<ManifestEntry[]> {
  const path = join(documentsDir, MANIFEST_FILE);
  const parsed = manifestShape.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path} is not a valid manifest: ${parsed.error.message}`);
  return parsed.data.documents;
}
