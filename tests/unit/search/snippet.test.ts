import { describe, expect, it } from 'vitest';
import { foldTerm } from '../../../electron/core/search';
import { buildSnippet, markTerms, SNIPPET_LENGTH } from '../../../electron/core/search/snippet';
import { allHits, corpusSearch, corpusText, expectMarksOnMatchedTerms } from './search-corpus';

const search = corpusSearch();

/** Where snippet offset `at` lies in the source, given the snippet's source start. */
function toSource(snippet: string, sourceStart: number, at: number): number {
  return sourceStart + at - (snippet.startsWith('…') ? 1 : 0);
}

describe('search snippets', () => {
  it('marks exactly the matched words, wherever they sit in the snippet', () => {
    for (const query of ['Molotov', 'Litvinov dismissed', 'negot', 'Molotof ', 'the guarantee', 'Polish passage']) {
      const results = search.search(query);
      expect(results.total).toBeGreaterThan(0);
      expectMarksOnMatchedTerms(results);
      for (const hit of allHits(results)) {
        for (const [start, end] of hit.marks) {
          expect(hit.terms).toContain(foldTerm(hit.snippet.slice(start, end)));
          // Whole words only: no letter just before or after a mark.
          expect(hit.snippet.slice(start - 1, start)).not.toMatch(/\p{L}/u);
          expect(hit.snippet.slice(end, end + 1)).not.toMatch(/\p{L}/u);
        }
      }
    }
  });

  it('cuts a long passage around the first match at word boundaries, with ellipses', () => {
    const [hit] = allHits(search.search('Voroshilov'));
    const text = corpusText('long');
    expect(hit!.snippet.startsWith('…')).toBe(true);
    expect(hit!.snippet.endsWith('…')).toBe(true);
    expect(hit!.snippet.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 2);
    expect(hit!.snippet.slice(1, -1)).toBe(text.slice(hit!.snippetStart, hit!.snippetEnd));
    // Cut between words: a blank before the start and after the end.
    expect(text[hit!.snippetStart - 1]).toBe(' ');
    expect(text[hit!.snippetEnd]).toBe(' ');
    const [markStart, markEnd] = hit!.marks[0]!;
    expect(hit!.snippet.slice(markStart, markEnd)).toBe('Voroshilov');
    expect(toSource(hit!.snippet, hit!.snippetStart, markStart)).toBe(hit!.match![0]);
    expect(text.slice(...hit!.match!)).toBe('Voroshilov');
  });

  it('shows a short passage whole, without ellipses', () => {
    const [hit] = allHits(search.search('Warsaw'));
    const text = corpusText('poland');
    expect(hit!.snippet).toBe(text.slice(hit!.start, hit!.end));
    expect(hit!.snippet.startsWith('Warsaw')).toBe(true);
    expect(hit!.marks).toEqual([[0, 6]]);
  });

  it('keeps the match when it is the last word of a long passage', () => {
    const source = `${'word '.repeat(100)}Danzig`;
    const snippet = buildSnippet(source, 0, source.length, new Set(['danzig']));
    expect(snippet.text.endsWith('Danzig')).toBe(true);
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.slice(...snippet.marks[0]!)).toBe('Danzig');
    expect(snippet.match).toEqual([source.length - 6, source.length]);
    expect(snippet.text.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 1);
  });

  it('shows line breaks as spaces without moving any offset', () => {
    const source = 'A line\nthen Danzig\r\nand more';
    const snippet = buildSnippet(source, 0, source.length, new Set(['danzig']));
    expect(snippet.text).toBe('A line then Danzig  and more');
    expect(snippet.text.slice(...snippet.marks[0]!)).toBe('Danzig');
    expect(source.slice(...snippet.match!)).toBe('Danzig');
  });

  it('cuts a text without blanks without splitting a character', () => {
    // The leading letter puts a pair's halves astride offset 160.
    const source = `a${'😀'.repeat(200)}`;
    const snippet = buildSnippet(source, 0, source.length, new Set());
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.sourceEnd).toBe(SNIPPET_LENGTH + 1);
    expect(snippet.text.slice(0, -1)).toBe(source.slice(0, snippet.sourceEnd));
    expect(snippet.match).toBeNull();
  });

  it('marks the words of a title case- and accent-blind', () => {
    expect(markTerms('Mólotov and MOLOTOV, not Molotovs', new Set(['molotov']))).toEqual([
      [0, 7],
      [12, 19],
    ]);
  });
});
