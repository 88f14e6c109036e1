/** Helpers the anchoring tests share: a seeded generator, passage picking and text edits. */
import { expect } from 'vitest';
import { isOrphaned, type AnchorMethod, type PassageResolution } from '../../../../electron/core/anchoring';
import { seededRandom } from '../../../support/seeded-random';

export { seededRandom };


/** `count` passages of 1 to `maxWords` words, starting and ending on word boundaries, as a reader selects them. */
export function randomPassages(text: string, count: number, random: () => number, maxWords = 30): Array<[number, number]> {
  const words = [...text.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length] as const);
  const passages: Array<[number, number]> = [];
  while (passages.length < count) {
    const first = Math.floor(random() * words.length);
    const last = Math.min(words.length - 1, first + Math.floor(random() * maxWords));
    passages.push([words[first]![0], words[last]![1]]);
  }
  return passages;
}

/** The offset of the `occurrence`-th (0-based) `needle` in `text`; fails the test when there is none. */
export function offsetOf(text: string, needle: string, occurrence = 0): number {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`"${needle}" does not occur ${occurrence + 1} time(s)`);
  }
  return at;
}

/** Replaces the only occurrence of `find`; fails loudly if it occurs zero or several times, so an edit never lands by accident. */
export function replaceOnly(text: string, find: string, replacement: string): string {
  const at = text.indexOf(find);
  if (at === -1 || text.indexOf(find, at + 1) !== -1) throw new Error(`"${find}" must occur exactly once`);
  return text.slice(0, at) + replacement + text.slice(at + find.length);
}

/** Asserts that `result` anchors text[start, end) by `method`. */
export function expectAnchored(result: PassageResolution, start: number, end: number, method: AnchorMethod): void {
  expect(result).toEqual({ start, end, method });
}

/** Asserts that `result` is an orphan and returns its reason. */
export function expectOrphan(result: PassageResolution): string {
  if (!isOrphaned(result)) throw new Error(`expected an orphan, got ${JSON.stringify(result)}`);
  return result.reason;
}
