import type * as FsPromises from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { documentFileName } from '../../../electron/library/annotation-file';
import { AnnotationStore } from '../../../electron/library/annotation-store';
import { edited, highlight, link, LONDON, passage, SOVIET } from '../../fixtures/annotations/factory';
import { tempDir } from '../../support/paths';

// Every durable write ends with one rename of a temp file over the real one: counting renames counts writes.
const renamed = vi.hoisted(() => [] as string[]);
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  return {
    ...actual,
    rename: async (from: Parameters<typeof actual.rename>[0], to: Parameters<typeof actual.rename>[1]) => {
      renamed.push(String(to));
      return actual.rename(from, to);
    },
  };
});

const fileOf = (dir: string, documentId: string) => join(dir, 'annotations', 'documents', documentFileName(documentId));

afterEach(() => {
  renamed.length = 0;
});

describe('AnnotationStore writes', () => {
  it('writes exactly one file, the home file, for one change in a library of several documents', async () => {
    const dir = await tempDir();
    const { store } = await AnnotationStore.open(dir);
    const a = highlight(passage(SOVIET, 0, 5));
    await store.put(a);
    await store.put(highlight(passage(LONDON, 0, 5)));
    for (let i = 0; i < 20; i++) await store.put(highlight(passage(`doc-${i}`, 0, 5)));
    renamed.length = 0;
    await store.put(edited(a, 20));
    expect(renamed).toEqual([fileOf(dir, SOVIET)]);
  });

  it('coalesces overlapping changes to one document into fewer writes than changes', async () => {
    const dir = await tempDir();
    const { store } = await AnnotationStore.open(dir);
    await store.put(highlight(passage(SOVIET, 0, 5)));
    renamed.length = 0;
    await Promise.all(Array.from({ length: 30 }, (_, i) => store.put(highlight(passage(SOVIET, i, i + 2)))));
    expect(renamed.length).toBeGreaterThan(0);
    expect(renamed.length).toBeLessThan(30);
    expect(new Set(renamed)).toEqual(new Set([fileOf(dir, SOVIET)]));
  });

  it('writes the new home before removing a moved annotation from the old one', async () => {
    const dir = await tempDir();
    const { store } = await AnnotationStore.open(dir);
    const l = link([passage(SOVIET, 0, 4), passage(LONDON, 8, 12)]);
    await store.put(l);
    renamed.length = 0;
    await store.put(edited(l, 30, { target: [passage(LONDON, 8, 12), passage(SOVIET, 0, 4)] }));
    expect(renamed.map((p) => basename(p))).toEqual([documentFileName(LONDON), documentFileName(SOVIET)]);
    expect(dirname(renamed[0]!)).toBe(join(dir, 'annotations', 'documents'));
  });
});
