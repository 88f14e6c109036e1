import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describePassage, resolvePassage, resolvePassages, type PassageResolution, type PassageSelectors } from '../../../../electron/core/anchoring';
import { readSourceText, repoRoot, sourceTextFiles } from '../../../support/paths';

type Edit = { insertAt: number; text: string } | { find: string; replace: string; all?: boolean };

interface GoldenCase {
  name: string;
  document: (typeof sourceTextFiles)[number];
  passage: { start: number; end: number };
  selectors: PassageSelectors;
  edits: Edit[];
  expected: (PassageResolution & { text?: string }) | { orphaned: true; reason: string };
}

const { cases } = JSON.parse(readFileSync(join(repoRoot, 'tests/fixtures/anchoring/anchoring-cases.json'), 'utf8')) as { cases: GoldenCase[] };

/** Applies the fixture's edits in order; a find/replace without `all` must match exactly once, so a fixture cannot drift silently. */
function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const edit of edits) {
    if ('insertAt' in edit) {
      out = out.slice(0, edit.insertAt) + edit.text + out.slice(edit.insertAt);
    } else if (edit.all) {
      out = out.split(edit.find).join(edit.replace);
    } else {
      const at = out.indexOf(edit.find);
      expect(at, `edit "${edit.find}" must occur`).toBeGreaterThanOrEqual(0);
      expect(out.indexOf(edit.find, at + 1), `edit "${edit.find}" must occur once`).toBe(-1);
      out = out.slice(0, at) + edit.replace + out.slice(at + edit.find.length);
    }
  }
  return out;
}

describe('golden anchoring cases', () => {
  it('covers every method and orphans', () => {
    const kinds = new Set(cases.map((c) => ('orphaned' in c.expected ? 'orphaned' : c.expected.method)));
    expect(kinds).toEqual(new Set(['position', 'exact', 'fuzzy', 'orphaned']));
    expect(new Set(cases.map((c) => c.document))).toEqual(new Set(sourceTextFiles));
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, golden) => {
    const original = readSourceText(golden.document);
    expect(describePassage(original, golden.passage.start, golden.passage.end)).toEqual(golden.selectors);
    const edited = applyEdits(original, golden.edits);
    const result = resolvePassage(edited, golden.selectors);
    if ('orphaned' in golden.expected) {
      expect(result).toEqual(golden.expected);
    } else {
      const { text, ...range } = golden.expected;
      expect(result).toEqual(range);
      expect(edited.slice(golden.expected.start, golden.expected.end)).toBe(text);
    }
  });

  it('gives the same answers when the cases of one edited text are resolved together', () => {
    const groups = new Map<string, GoldenCase[]>();
    for (const c of cases) groups.set(JSON.stringify([c.document, c.edits]), [...(groups.get(JSON.stringify([c.document, c.edits])) ?? []), c]);
    for (const group of groups.values()) {
      const edited = applyEdits(readSourceText(group[0]!.document), group[0]!.edits);
      const results = resolvePassages(edited, group.map((c) => c.selectors));
      results.forEach((result, i) => expect(result).toMatchObject(Object.fromEntries(Object.entries(group[i]!.expected).filter(([k]) => k !== 'text'))));
    }
  });
});
