/**
 * Serves the renderer build from one folder, refusing any path that would
 * leave it.
 */
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { mimeTypeFor } from '../core/mime-types';

/** Maps a URL path to a file inside `root`, or null when it would escape `root`. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = normalize(join(root, relative));
  const base = normalize(root.endsWith(sep) ? root : root + sep);
  return full.startsWith(base) ? full : null;
}

/** Reads a file to serve, or null when there is none. */
export async function readStaticFile(root: string, urlPath: string): Promise<{ body: Buffer; type: string } | null> {
  const path = resolveInside(root, urlPath);
  if (!path) return null;
  try {
    if (!(await stat(path)).isFile()) return null;
    return { body: await readFile(path), type: mimeTypeFor(path) };
  } catch {
    return null;
  }
}
