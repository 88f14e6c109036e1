import { describe, expect, it } from 'vitest';
import { contentTokens, foldWord, forEachWord, type TokenCache } from '../../../electron/core/compare/normalise';

describe('normalisation', () => {
  it('lowercases and folds accents', () => {
    expect(foldWord('Détente')).toBe('detente');
    expect(foldWord('Paul-Émile')).toBe('paul-emile');
  });

  it('drops stop words, punctuation and possessives, and stems the rest', () => {
    const tokens = contentTokens('The Soviets’ negotiations, and Stalin’s “guarantees” for the Baltic States!');
    expect(tokens.map((t) => t.word)).toEqual(['soviets', 'negotiations', 'stalin', 'guarantees', 'baltic', 'states']);
    expect(tokens.map((t) => t.stem)).toEqual(['soviet', 'negoti', 'stalin', 'guarante', 'baltic', 'state']);
    expect(tokens[0]!.surface).toBe('Soviets');
  });

  it('gives inflected forms one stem', () => {
    const stems = (text: string) => contentTokens(text).map((t) => t.stem);
    expect(stems('distrusted distrust distrusts')).toEqual(['distrust', 'distrust', 'distrust']);
    expect(stems('negotiate negotiations')).toEqual(['negoti', 'negoti']);
  });

  it('keeps numbers as terms', () => {
    expect(contentTokens('In August 1939 it ended').map((t) => t.stem)).toEqual(['august', '1939', 'end']);
  });

  it('finds the words a regular expression would, without one', () => {
    const pattern = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
    const text = "Stalin’s 1939 don't l'état rock'n'roll 'quoted' 3'4 𝐀𝐁c ١٢ naïve— x’ ’y e.g. end";
    const words: string[] = [];
    forEachWord(text, (start, end) => words.push(text.slice(start, end)));
    expect(words).toEqual([...text.matchAll(pattern)].map((m) => m[0]));
  });

  it('gives the same tokens with a cache, and fills it', () => {
    const text = 'The Soviets’ negotiations and the Soviets’ guarantees; the negotiations stalled.';
    const cache: TokenCache = new Map();
    expect(contentTokens(text, cache)).toEqual(contentTokens(text));
    expect(contentTokens(text, cache)).toEqual(contentTokens(text));
    expect(cache.get('the')).toBeNull();
    expect(cache.get('negotiations')?.stem).toBe('negoti');
  });
});
