import { describe, expect, it } from 'vitest';
import { LibrarySearch, type DocumentHit } from '../../../electron/core/search';
import { readSourceText } from '../../support/paths';
import { allHits } from './search-corpus';

const article = readSourceText('000_f1b498f6176dc71c.txt');
const scenario = readSourceText('001_50dbc8cc9f109cf8.txt');
const search = new LibrarySearch();
search.addDocument('soviet-overtures-1939', 'The Soviet Overtures of 1939', article);
search.addDocument('londons-dilemma-1939', "London's Dilemma, Summer 1939", scenario);
const texts: Record<string, string> = { 'soviet-overtures-1939': article, 'londons-dilemma-1939': scenario };

function documentHits(query: string): DocumentHit[] {
  return allHits(search.search(query)).filter((h): h is DocumentHit => h.kind === 'document');
}

describe('search over the two source texts', () => {
  it('points at a distinctive phrase in the article', () => {
    const [hit] = documentHits('Vyacheslav Molotov');
    expect(hit!.documentId).toBe('soviet-overtures-1939');
    expect(hit!.match![0]).toBe(article.indexOf('Vyacheslav Molotov'));
    expect(article.slice(...hit!.match!)).toBe('Vyacheslav');
    expect(article.slice(hit!.start, hit!.end)).toContain('Vyacheslav Molotov');
  });

  it('finds the article’s misspelt “Ribbontrop” from the right spelling', () => {
    const [hit] = documentHits('Ribbentrop ');
    expect(article.slice(...hit!.match!)).toBe('Ribbontrop');
    expect(hit!.snippet.slice(...hit!.marks[0]!)).toBe('Ribbontrop');
  });

  it('points at a phrase in the scenario, a text with one paragraph per line, from a passage of whole lines', () => {
    const hits = documentHits('indirect aggression');
    expect(hits[0]!.documentId).toBe('londons-dilemma-1939');
    expect(hits[0]!.match![0]).toBe(scenario.indexOf('indirect'));
    // The passage is whole lines of the scenario, joined until long enough that common words search fast.
    const { start, end } = hits[0]!;
    const passage = scenario.slice(start, end);
    expect(start === 0 || scenario[start - 1] === '\n').toBe(true);
    expect(end === scenario.trimEnd().length || scenario[end] === '\n').toBe(true);
    expect(passage).toContain("'indirect aggression'");
    expect(hits[0]!.snippet).toContain("'indirect aggression'");
  });

  it('gives every hit a match and marks that agree with the document text', () => {
    for (const query of ['Stalin', 'negotiations', 'Soviet Union', 'Poland', 'collective secu']) {
      for (const hit of documentHits(query)) {
        const text = texts[hit.documentId]!;
        const shown = hit.snippet.replace(/^…|…$/g, '');
        expect(shown).toBe(text.slice(hit.snippetStart, hit.snippetEnd).replace(/[\r\n]/g, ' '));
        const lead = hit.snippet.startsWith('…') ? 1 : 0;
        for (const [start, end] of hit.marks) {
          expect(text.slice(hit.snippetStart + start - lead, hit.snippetStart + end - lead)).toBe(hit.snippet.slice(start, end));
        }
        if (hit.match !== null) {
          expect(hit.match[0]).toBeGreaterThanOrEqual(hit.start);
          expect(hit.match[1]).toBeLessThanOrEqual(hit.end);
        }
      }
    }
  });
});
