/**
 * Startup of the annotation store: read every annotation file, set aside
 * what cannot be read (with a notice, never silently), and settle an
 * annotation found in two files on its newest copy.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Annotation } from '../api/annotation-schema';
import type { Notice } from '../api/contract';
import {
  DOCUMENT_FILES_FOLDER,
  NOTEBOOK_FILE,
  readAnnotationFile,
  setAside,
  timestampForFileName,
  type FileReading,
} from './annotation-file';

/** One annotation as read from one file. */
export interface LoadedCopy {
  annotation: Annotation;
  /** The file it was read from, relative to the annotations folder. */
  relative: string;
  savedAt: string;
}

export interface LoadedAnnotations {
  /** Every readable file, with the document it says it is for. */
  files: Map<string, string | null>;
  /** One copy per annotation id: the one to keep. */
  winners: Map<string, LoadedCopy>;
  /** Files that must be rewritten: they hold a duplicate that lost, or annotations that could not be read. */
  dirty: string[];
  notices: Notice[];
}

/** Reads this many files at once: enough to keep the disk busy, few enough to stay clear of open-file limits. */
const READ_CONCURRENCY = 16;

async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** The annotation files present: the notebook and `documents/*.json` (temp files start with a dot, set-aside files do not end in .json). */
async function listFiles(folder: string): Promise<string[]> {
  const names = await readdir(join(folder, DOCUMENT_FILES_FOLDER));
  const documents = names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort();
  return [NOTEBOOK_FILE, ...documents.map((n) => `${DOCUMENT_FILES_FOLDER}/${n}`)];
}

function time(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
}

/** The copy to keep: the newest `modified`; on a tie, the one from the file saved last (the end of an interrupted move). */
export function newerCopy(a: LoadedCopy, b: LoadedCopy): LoadedCopy {
  const byModified = time(b.annotation.modified) - time(a.annotation.modified);
  if (byModified !== 0) return byModified > 0 ? b : a;
  return time(b.savedAt) > time(a.savedAt) ? b : a;
}

/** Reads and reconciles every annotation file under `folder`. */
export async function loadAnnotationFiles(folder: string, now: () => Date, log: (message: string) => void): Promise<LoadedAnnotations> {
  const relatives = await listFiles(folder);
  const readings = await mapLimit(relatives, READ_CONCURRENCY, (relative) => readAnnotationFile(join(folder, relative)));
  const result: LoadedAnnotations = { files: new Map(), winners: new Map(), dirty: [], notices: [] };
  const noticeId = (relative: string): string => `annotations-set-aside-${relative}-${timestampForFileName(now())}`;
  for (const [i, relative] of relatives.entries()) {
    const reading = readings[i] as FileReading;
    const path = join(folder, relative);
    if (reading.kind === 'missing') continue;
    if (reading.kind === 'unreadable') {
      const aside = await setAside(path, now(), 'move');
      result.notices.push({
        id: noticeId(relative),
        level: 'warning',
        message: `The annotation file ${path} could not be read (${reading.reason}). It was moved to ${aside} with nothing in it changed; its annotations are not shown until it is repaired.`,
      });
      continue;
    }
    result.files.set(relative, reading.data.documentId);
    if (reading.rejected > 0) {
      const aside = await setAside(path, now(), 'copy');
      const total = reading.rejected + reading.data.annotations.length;
      result.notices.push({
        id: noticeId(relative),
        level: 'warning',
        message: `${reading.rejected} of ${total} annotations in ${path} could not be read (${reading.firstRejection ?? 'invalid'}) and are not shown. The file as it was is kept at ${aside}.`,
      });
      result.dirty.push(relative);
    }
    for (const annotation of reading.data.annotations) {
      const copy: LoadedCopy = { annotation, relative, savedAt: reading.data.savedAt };
      const earlier = result.winners.get(annotation.id);
      if (!earlier) {
        result.winners.set(annotation.id, copy);
        continue;
      }
      const kept = newerCopy(earlier, copy);
      const dropped = kept === copy ? earlier : copy;
      result.winners.set(annotation.id, kept);
      result.dirty.push(dropped.relative);
      log(`annotation ${annotation.id} was found in both ${earlier.relative} and ${copy.relative}; kept the copy modified ${kept.annotation.modified} from ${kept.relative}.`);
    }
  }
  return result;
}
