import { describe, expect, it } from 'vitest';
import type { DocumentGroup } from '../../../electron/core/search';
import { allHits, corpusSearch, corpusText, documentOrder, expectMarksOnMatchedTerms, markedWords } from './search-corpus';

const search = corpusSearch();

describe('LibrarySearch ranking', () => {
  it('ranks an exact word above a word one typo away', () => {
    // A trailing space: the word is complete, so no prefix matching muddies the comparison.
    const results = search.search('treaty ');
    const hits = allHits(results);
    expect(hits.map((h) => h.terms)).toEqual([['treaty'], ['treats']]);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    expect(documentOrder(results)).toEqual(['pact', 'historians']);
  });

  it('finds a word through a typo', () => {
    const results = search.search('Molotof ');
    const hits = allHits(results);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.terms.includes('molotov'))).toBe(true);
    expect(markedWords(hits[0]!)).toContain('molotov');
  });

  it('does not forgive typos in short words', () => {
    // "war" is not a word of the corpus; one edit would reach "was" and "way".
    expect(search.search('wax ').total).toBe(0);
  });

  it('matches the last word as a prefix while it is being typed, and exactly once it is complete', () => {
    const typing = search.search('negot');
    expect(allHits(typing).map((h) => h.terms)).toEqual([['negotiations']]);
    expect(typing.groups[0]).toMatchObject({ kind: 'document', documentId: 'talks' });
    expect(search.search('negot ').total).toBe(0);
    // Only the last word is a prefix: "negot" is a complete word here.
    expect(search.search('negot moscow').combinedWith).toBe('OR');
  });

  it('keeps only passages holding every word when there are some', () => {
    const results = search.search('Litvinov dismissed');
    expect(results.combinedWith).toBe('AND');
    const hits = allHits(results);
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.terms).toEqual(expect.arrayContaining(['litvinov', 'dismissed']));
    expectMarksOnMatchedTerms(results);
  });

  it('leaves function words out of a query that has other words, but searches them when they are all there is', () => {
    const phrase = search.search('the dismissed of Litvinov ');
    const telling = search.search('dismissed Litvinov ');
    expect(telling.total).toBeGreaterThan(0);
    expect(allHits(phrase).map((h) => h.id)).toEqual(allHits(telling).map((h) => h.id));
    expect(phrase.total).toBe(telling.total);
    for (const hit of allHits(phrase)) expect(hit.terms).not.toContain('the');
    // Only function words: searched as they are, not dropped to nothing.
    expect(search.search('the of ').total).toBeGreaterThan(0);
    // A function word being typed may be the start of a longer word ("the" → "theory"): it stays a prefix.
    expect(search.search('Litvinov the').total).toBeGreaterThan(0);
  });

  it('falls back to passages holding any word when none holds them all', () => {
    const results = search.search('Voroshilov Ribbentrop');
    expect(results.combinedWith).toBe('OR');
    expect(documentOrder(results).sort()).toEqual(['long', 'pact']);
  });

  it('folds case and accents on both sides', () => {
    const naive = allHits(search.search('NAIVE '));
    expect(naive).toHaveLength(1);
    expect(naive[0]!.snippet.slice(...naive[0]!.marks[0]!)).toBe('naïve');
    expect(allHits(search.search('détente ')).map((h) => h.id)).toEqual(allHits(search.search('detente ')).map((h) => h.id));
    // "Mólotov" in the text is found by a plain "molotov" and marked as written.
    const pact = search.search('molotov ', { documentIds: ['pact'] });
    const hit = allHits(pact)[0]!;
    expect(hit.snippet.slice(...hit.marks[0]!)).toBe('Mólotov');
  });

  it('groups hits by document, best group first, and puts notes in one group', () => {
    const results = search.search('Molotov');
    const scores = results.groups.map((g) => g.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const group of results.groups) {
      expect(group.score).toBe(group.hits[0]!.score);
      const hitScores = group.hits.map((h) => h.score);
      expect(hitScores).toEqual([...hitScores].sort((a, b) => b - a));
      expect(group.total).toBe(group.hits.length);
    }
    const noteGroups = results.groups.filter((g) => g.kind === 'note');
    expect(noteGroups).toHaveLength(1);
    expect(noteGroups[0]!.title).toBe('Notes');
    expect(noteGroups[0]!.hits.map((h) => h.kind === 'note' && h.noteId)).toEqual(['n-molotov']);
    expect(results.total).toBe(results.groups.reduce((sum, g) => sum + g.total, 0));
  });

  it('ranks a document whose title holds the word first, and folds its title-only passages into one hit', () => {
    const results = search.search('Litvinov ', { kinds: ['document'] });
    const top = results.groups[0] as DocumentGroup;
    expect(top.documentId).toBe('litvinov');
    expect(top.titleMarks).toEqual([[12, 20]]);
    expect(top.title.slice(12, 20)).toBe('Litvinov');
    const titleOnly = top.hits.filter((h) => h.match === null);
    expect(titleOnly).toHaveLength(1);
    expect(titleOnly[0]!.start).toBe(0);
    expect(titleOnly[0]!.marks).toEqual([]);
    expect(top.hits).toHaveLength(3);
  });

  it('limits the hits it builds but counts them all', () => {
    const results = search.search('the', { limit: 3, perGroup: 1 });
    expect(allHits(results)).toHaveLength(3);
    expect(results.groups.every((g) => g.hits.length === 1)).toBe(true);
    expect(results.total).toBeGreaterThan(3);
  });

  it('filters by document, notes following the documents they target', () => {
    const results = search.search('Molotov', { documentIds: ['litvinov'] });
    expect(results.groups.map((g) => g.kind)).toEqual(expect.arrayContaining(['document', 'note']));
    for (const hit of allHits(results)) {
      if (hit.kind === 'document') expect(hit.documentId).toBe('litvinov');
      else expect(hit.documentIds).toContain('litvinov');
    }
    expect(search.search('Molotov', { documentIds: [] }).total).toBe(0);
    expect(search.search('Molotov', { documentIds: ['poland'] }).total).toBe(0);
  });

  it('filters by kind', () => {
    expect(search.search('Molotov', { kinds: ['note'] }).groups.map((g) => g.kind)).toEqual(['note']);
    expect(search.search('Molotov', { kinds: ['document'] }).groups.every((g) => g.kind === 'document')).toBe(true);
    expect(search.search('Overy', { kinds: [] }).total).toBe(0);
  });

  it('answers an empty or punctuation-only query with nothing', () => {
    for (const query of ['', '   ', '?!—', '…']) expect(search.search(query)).toMatchObject({ total: 0, groups: [] });
  });

  it('searches a pasted paragraph by its first words', () => {
    const paragraph = `${corpusText('long')} `.repeat(3);
    const results = search.search(paragraph);
    expect(results.query).toBe(paragraph);
    // Only the long paragraph holds all of its first twelve words.
    expect(results.combinedWith).toBe('AND');
    expect(documentOrder(results)).toEqual(['long']);
  });

  it('gives offsets that point at the matched word in the document', () => {
    for (const hit of allHits(search.search('Voroshilov'))) {
      if (hit.kind !== 'document' || hit.match === null) throw new Error('expected a document hit with a match');
      expect(corpusText(hit.documentId).slice(...hit.match)).toBe('Voroshilov');
    }
  });
});
