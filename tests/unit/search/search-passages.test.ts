/**
 * How documents are cut for search: paragraphs joined into passages of at
 * least MIN_PASSAGE_CHARS, so a common word is scored in fewer, longer
 * passages, while a hit still points at its matched word.
 */
import { describe, expect, it } from 'vitest';
import { LibrarySearch, TimeSlices } from '../../../electron/core/search';
import { MIN_PASSAGE_CHARS } from '../../../electron/core/search/search-index';
import { segmentText } from '../../../electron/core/text-blocks';
import { allHits } from './search-corpus';
import { codeWord, generatedText } from './generated-library';

const text = generatedText(5, 40_000);

function passagesOf(search: LibrarySearch, id: string): Array<[number, number]> {
  const flat = search.toJSON().documents.find((d) => d.id === id)!.passages;
  return Array.from({ length: flat.length / 2 }, (_, i) => [flat[2 * i]!, flat[2 * i + 1]!]);
}

describe('search passages', () => {
  it('joins whole paragraphs, in order, into passages of at least MIN_PASSAGE_CHARS (the last may be shorter)', () => {
    const search = new LibrarySearch();
    search.addDocument('gen', 'Generated', text);
    const passages = passagesOf(search, 'gen');
    const blocks = segmentText(text);
    const starts = new Set(blocks.map((b) => b.start));
    const ends = new Set(blocks.map((b) => b.contentEnd));
    expect(passages.length).toBeLessThan(blocks.length / 3);
    passages.forEach(([start, end], i) => {
      expect(starts.has(start)).toBe(true);
      expect(ends.has(end)).toBe(true);
      if (i < passages.length - 1) {
        expect(end - start).toBeGreaterThanOrEqual(MIN_PASSAGE_CHARS);
        // Nothing skipped: the next passage starts at the next paragraph.
        expect(blocks.find((b) => b.start >= end)!.start).toBe(passages[i + 1]![0]);
      }
    });
  });

  it('points a hit at its word even deep inside a passage, and marks it in the snippet', () => {
    const search = new LibrarySearch();
    search.addDocument('gen', 'Generated', text);
    const code = codeWord(5, 9);
    // A code word also finds its neighbours ("d5p8") by typo: take the hit on the word itself.
    const hit = allHits(search.search(`${code} `)).find((h) => h.match !== null && text.slice(...h.match) === code);
    expect(hit).toBeDefined();
    expect(hit!.match![0]).toBe(text.indexOf(`${code} `));
    expect(hit!.match![0]).toBeGreaterThan(hit!.start);
    expect(text.slice(...hit!.match!)).toBe(code);
    expect(hit!.marks.map((m) => hit!.snippet.slice(...m))).toContain(code);
  });

  it('builds the same passages in slices as at once', async () => {
    const once = new LibrarySearch();
    once.addDocument('gen', 'Generated', text);
    const sliced = new LibrarySearch();
    await sliced.addDocumentAsync('gen', 'Generated', text, new TimeSlices(async () => {}, 0));
    expect(JSON.stringify(sliced)).toBe(JSON.stringify(once));
  });

  it('indexes paragraph by paragraph when asked to (minPassageChars 0)', () => {
    const search = new LibrarySearch({ minPassageChars: 0 });
    search.addDocument('gen', 'Generated', text);
    expect(passagesOf(search, 'gen').length).toBe(segmentText(text).filter((b) => /\w/.test(text.slice(b.start, b.contentEnd))).length);
  });
});
