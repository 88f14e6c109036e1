// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocumentSummary } from '../../../electron/api/contract';
import { LibrarySearch } from '../../../electron/core/search';
import { splitMarks } from '../../../renderer/src/palette/marked-text';
import { describeResults } from '../../../renderer/src/palette/palette-body';
import { commandsFor, documentEntries, nextTheme, paletteCommands, rankEntries } from '../../../renderer/src/palette/palette-commands';
import { SEARCH_DELAY_MS, useLibrarySearch, type SearchResults } from '../../../renderer/src/palette/use-library-search';
import { documentSummary, LONDON_TEXT, SOVIET_TEXT } from './fake-api';

function index(): LibrarySearch {
  const search = new LibrarySearch();
  search.addDocument('soviet', 'The Soviet Overtures of 1939', SOVIET_TEXT);
  search.addDocument('london', "London's Dilemma, Summer 1939", LONDON_TEXT);
  search.upsertNote('n1', 'On the negotiations', 'The negotiations were slow.', ['london']);
  return search;
}

function marked(text: string, marks: readonly (readonly [number, number])[]): string[] {
  return splitMarks(text, marks)
    .filter((run) => run.marked)
    .map((run) => run.text);
}

describe('marking matched words', () => {
  it('cuts a snippet into runs that put back together exactly, the marked words marked', () => {
    const runs = splitMarks('But the negotiations snag.', [[8, 20]]);
    expect(runs).toEqual([
      { text: 'But the ', marked: false },
      { text: 'negotiations', marked: true },
      { text: ' snag.', marked: false },
    ]);
  });

  it('takes marks in any order, merges overlapping ones and clips those past the end', () => {
    const text = 'alpha beta gamma';
    const runs = splitMarks(text, [
      [11, 99],
      [0, 5],
      [3, 8],
      [7, 7],
      [-4, 0],
    ]);
    expect(runs.map((r) => r.text).join('')).toBe(text);
    expect(runs.filter((r) => r.marked).map((r) => r.text)).toEqual(['alpha be', 'gamma']);
    expect(splitMarks('', [[0, 3]])).toEqual([{ text: '', marked: false }]);
  });

  it('marks what the host search matched, typo and prefix included', () => {
    const results = index().search('negotiatons');
    const london = results.groups.find((g) => g.kind === 'document' && g.documentId === 'london')!;
    const hit = london.hits[0]!;
    expect(marked(hit.snippet, hit.marks)).toEqual(['negotiations']);
    expect(hit.match && LONDON_TEXT.slice(hit.match[0], hit.match[1])).toBe('negotiations');
    const prefix = index().search('ideolog');
    const soviet = prefix.groups.find((g) => g.kind === 'document')!;
    expect(marked(soviet.hits[0]!.snippet, soviet.hits[0]!.marks)).toEqual(['ideologically']);
  });

  it('says what was found per kind, for the status line', () => {
    const results = index().search('negotiations');
    expect(describeResults(results)).toBe('1 passage in 1 document and 1 note');
    expect(describeResults({ query: 'x', combinedWith: 'AND', total: 0, groups: [] })).toBe('');
  });
});

describe('the palette commands', () => {
  const options = { mod: 'Ctrl', theme: 'light' as const, canImport: true };

  it('lists every command with its shortcut, before anything is typed', () => {
    const commands = paletteCommands(options);
    const byId = new Map(commands.map((c) => [c.id, c]));
    expect(rankEntries(commands, '  ')).toEqual(commands);
    expect(commandsFor('', options)).toEqual(commands.filter((c) => !c.typedOnly));
    expect(byId.get('swap')!.keys).toEqual(['S']);
    expect(byId.get('toggle-library')!.keys).toEqual(['Ctrl', 'B']);
    expect(byId.get('toggle-notes')!.keys).toEqual(['Ctrl', '.']);
    expect(byId.get('settings')!.keys).toEqual(['Ctrl', ',']);
    expect(byId.get('help')!.keys).toEqual(['?']);
    expect(byId.get('toggle-theme')!.detail).toBe('Light → Sepia');
    // The current theme is not offered as a theme to switch to; the others only once something is typed.
    expect(byId.has('theme-light')).toBe(false);
    expect(byId.has('theme-dark')).toBe(true);
    expect(commandsFor('', options).map((c) => c.id)).not.toContain('theme-dark');
    expect(commandsFor('dark theme', options)[0]!.id).toBe('theme-dark');
    expect(paletteCommands({ ...options, mod: '⌘' }).find((c) => c.id === 'toggle-library')!.keys).toEqual(['⌘', 'B']);
  });

  it('offers import only when the window can import', () => {
    expect(paletteCommands(options).some((c) => c.id === 'import')).toBe(true);
    expect(paletteCommands({ ...options, canImport: false }).some((c) => c.id === 'import')).toBe(false);
  });

  it('filters and ranks with cmdk’s scorer, by label and by keyword', () => {
    const commands = paletteCommands(options);
    expect(rankEntries(commands, 'swap')[0]!.id).toBe('swap');
    expect(rankEntries(commands, 'toggle theme')[0]!.id).toBe('toggle-theme');
    expect(rankEntries(commands, 'sidebar').map((c) => c.id)).toContain('toggle-library');
    expect(rankEntries(commands, 'export').map((c) => c.id).slice(0, 2)).toEqual(['export-w3c', 'export-markdown']);
    expect(rankEntries(commands, 'moscow')).toEqual([]);
    // A long search word does not "match" letters scattered over a label and its keywords.
    expect(rankEntries(commands, 'negotiatons')).toEqual([]);
    expect(rankEntries(commands, 'libary').map((c) => c.id)).toEqual(['toggle-library']);
  });

  it('cycles the theme light → sepia → dark → light', () => {
    expect(nextTheme('light')).toBe('sepia');
    expect(nextTheme('sepia')).toBe('dark');
    expect(nextTheme('dark')).toBe('light');
  });

  it('lists the documents not in the trash, saying where each is open', () => {
    const doc = (id: string, title: string, trashedAt: string | null = null): DocumentSummary => documentSummary(id, title, { author: 'Anon', tags: ['diplomacy'], trashedAt });
    const entries = documentEntries([doc('a', 'Alpha'), doc('b', 'Beta', '2024-02-01T00:00:00.000Z'), doc('c', 'Gamma')], { left: 'a', right: 'a' });
    expect(entries.map((e) => e.id)).toEqual(['a', 'c']);
    expect(entries[0]!.detail).toBe('Text · 2 words · open in both panes');
    expect(entries[1]!.detail).toBe('Text · 2 words');
    expect(rankEntries(entries, 'diplomacy').map((e) => e.id)).toEqual(['a', 'c']);
    expect(rankEntries(entries, 'gama').map((e) => e.id)).toEqual(['c']);
  });
});

describe('searching as the reader types', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const answer = (query: string): SearchResults => ({ query, combinedWith: 'AND', total: 0, groups: [] });

  it('asks the host once the typing pauses, for the last query only', async () => {
    vi.useFakeTimers();
    const search = vi.fn(async ({ query }: { query: string }) => answer(query));
    const options = { search };
    const { result, rerender } = renderHook(({ query }) => useLibrarySearch(query, options), { initialProps: { query: '' } });
    expect(result.current).toEqual({ status: 'idle' });
    rerender({ query: 'l' });
    rerender({ query: 'lo' });
    rerender({ query: 'lon' });
    expect(result.current).toEqual({ status: 'searching', query: 'lon', previous: null });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS - 10);
    });
    expect(search).not.toHaveBeenCalled();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10);
    });
    expect(search).toHaveBeenCalledTimes(1);
    expect(search).toHaveBeenCalledWith({ query: 'lon', limit: 40 });
    expect(result.current).toEqual({ status: 'done', query: 'lon', results: answer('lon') });
    // Clearing the field goes back to idle without asking.
    rerender({ query: '   ' });
    expect(result.current).toEqual({ status: 'idle' });
  });

  it('drops an answer that arrives after the query has changed, and keeps the last answer on screen meanwhile', async () => {
    const pending = new Map<string, (results: SearchResults) => void>();
    const search = vi.fn(({ query }: { query: string }) => new Promise<SearchResults>((resolve) => pending.set(query, resolve)));
    const options = { search, delay: 0 };
    const { result, rerender } = renderHook(({ query }) => useLibrarySearch(query, options), { initialProps: { query: 'mos' } });
    await vi.waitFor(() => expect(pending.has('mos')).toBe(true));
    rerender({ query: 'moscow' });
    await vi.waitFor(() => expect(pending.has('moscow')).toBe(true));
    await act(async () => pending.get('moscow')!(answer('moscow')));
    expect(result.current).toMatchObject({ status: 'done', query: 'moscow' });
    // The late answer to the old query changes nothing.
    await act(async () => pending.get('mos')!(answer('mos')));
    expect(result.current).toMatchObject({ status: 'done', query: 'moscow' });
    rerender({ query: 'moscow t' });
    expect(result.current).toEqual({ status: 'searching', query: 'moscow t', previous: answer('moscow') });
  });

  it('reports what the host said when the search fails', async () => {
    const search = vi.fn(async () => {
      throw new Error('the search index could not be read');
    });
    const options = { search, delay: 0 };
    const { result } = renderHook(() => useLibrarySearch('pact', options));
    await vi.waitFor(() => expect(result.current).toEqual({ status: 'error', query: 'pact', message: 'the search index could not be read' }));
  });
});
