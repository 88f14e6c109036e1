// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { markdownToDocument } from '../../../electron/core/import/markdown-to-document';
import { segmentText } from '../../../electron/core/text-blocks';
import { matchFindShortcut, shortcutList } from '../../../renderer/src/app/shortcuts';
import { findCountText } from '../../../renderer/src/find/find-bar';
import { clearFoldedTexts, MAX_MATCHES, searchFolded, searchText } from '../../../renderer/src/find/find-search';
import { FindableTextView } from '../../../renderer/src/find/findable-text';
import { foldQuery, foldText } from '../../../renderer/src/find/fold-text';
import { wrapIndex } from '../../../renderer/src/find/use-find';
import { buildStructure, type DocumentStructure } from '../../../renderer/src/reader/document-structure';
import type { TextViewHandle } from '../../../renderer/src/reader/text-view';
import { repoRoot } from '../../support/paths';

afterEach(() => {
  cleanup();
  clearFoldedTexts();
});

/** The matched passages, as the original text spells them. */
async function found(text: string, query: string): Promise<string[]> {
  const matches = await searchText(text, query);
  const out: string[] = [];
  for (let i = 0; i < matches.size; i++) out.push(text.slice(matches.starts[i], matches.ends[i]));
  return out;
}

describe('folding', () => {
  it('ignores case and accents, in the query and in the text', async () => {
    expect(foldQuery('CAFÉ Déjà')).toBe('cafe deja');
    expect(await found('Café, CAFE and cafe; caff', 'cafe')).toEqual(['Café', 'CAFE', 'cafe']);
    expect(await found('Café, CAFE and cafe', 'CAFÉ')).toEqual(['Café', 'CAFE', 'cafe']);
    const text = 'Łódź, Ångström, naïve, Straße, Œuvre, Søren';
    expect(await found(text, 'lodz')).toEqual(['Łódź']);
    expect(await found(text, 'angstrom')).toEqual(['Ångström']);
    expect(await found(text, 'NAIVE')).toEqual(['naïve']);
    expect(await found(text, 'strasse')).toEqual(['Straße']);
    expect(await found(text, 'oeuvre')).toEqual(['Œuvre']);
    expect(await found(text, 'soren')).toEqual(['Søren']);
  });

  it('finds decomposed accents and covers the marks in the match', async () => {
    const text = 'une cafe\u0301 cre\u0300me, un café';
    expect(await found(text, 'café')).toEqual(['cafe\u0301', 'café']);
    expect(await found(text, 'creme')).toEqual(['cre\u0300me']);
  });

  it('spells out ligatures and full-width forms, and maps matches back to whole characters', async () => {
    expect(await found('the ﬁrst ﬁeld', 'fi')).toEqual(['ﬁ', 'ﬁ']);
    expect(await found('the ﬁrst ﬁeld', 'first')).toEqual(['ﬁrst']);
    expect(await found('ＡＢＣ and abc', 'abc')).toEqual(['ＡＢＣ', 'abc']);
    expect(await found('İstanbul and istanbul', 'istanbul')).toEqual(['İstanbul', 'istanbul']);
  });

  it('treats line breaks and odd spaces as spaces, and curly quotes as straight', async () => {
    expect(await found('the Soviet\nUnion and the Soviet\u00a0Union', 'soviet union')).toEqual(['Soviet\nUnion', 'Soviet\u00a0Union']);
    expect(await found('don’t and don\'t, “quoted”', "don't")).toEqual(['don’t', "don't"]);
    expect(await found('“quoted”', '"quoted"')).toEqual(['“quoted”']);
  });

  it('keeps astral characters and counts offsets in UTF-16 units', async () => {
    const text = '𝔸 emoji 😀 then word 😀 word';
    const matches = await searchText(text, 'word');
    expect([...matches.starts]).toEqual([text.indexOf('word'), text.lastIndexOf('word')]);
    expect(await found(text, '😀')).toEqual(['😀', '😀']);
  });

  it('finds nothing for an empty or blank query', async () => {
    expect(await found('some text', '')).toEqual([]);
    expect(await found('some  text', '  ')).toEqual([]);
  });

  it('folds a text without marks one to one, with no map', async () => {
    const folded = await foldText('Plain ASCII Text\nwith “quotes”');
    expect(folded.map).toBeNull();
    expect(folded.folded).toBe('plain ascii text with "quotes"');
  });
});

describe('matching', () => {
  it('lists matches in order without overlaps, and knows the first from a position', async () => {
    const matches = await searchText('aaaa aa', 'aa');
    expect([...matches.starts]).toEqual([0, 2, 5]);
    expect(matches.firstFrom(0)).toBe(0);
    expect(matches.firstFrom(1)).toBe(1);
    expect(matches.firstFrom(3)).toBe(2);
    expect(matches.firstFrom(6)).toBe(-1);
    expect(matches.overlapping(1, 3).map((m) => m.index)).toEqual([0, 1]);
    // The same question gets the same answer object, so a row does not re-render.
    expect(matches.overlapping(1, 3)).toBe(matches.overlapping(1, 3));
  });

  it('stops at its limit and says there are more', async () => {
    const folded = await foldText('ab '.repeat(50));
    const matches = await searchFolded(folded, 'ab', undefined, 10);
    expect(matches.size).toBe(10);
    expect(matches.truncated).toBe(true);
    expect(findCountText({ query: 'ab', searchedQuery: 'ab', matches, current: 0, pending: false })).toBe('1 of 10+');
    expect(MAX_MATCHES).toBeGreaterThanOrEqual(10_000);
  });

  it('searches five megabytes quickly, in slices that let the event loop run', async () => {
    const paragraph = 'The negotiations snag, and the dilemma is clear for London; time is pressing, and Berlin is watching. ';
    const text = `${paragraph.repeat(50_000)}Détente at the very end.`;
    expect(text.length).toBeGreaterThan(5_000_000);
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 0);
    const started = performance.now();
    const matches = await searchText(text, 'detente');
    const elapsed = performance.now() - started;
    clearInterval(ticker);
    expect(matches.size).toBe(1);
    expect(text.slice(matches.starts[0], matches.ends[0])).toBe('Détente');
    expect(ticks).toBeGreaterThan(0);
    expect(elapsed).toBeLessThan(3000);
    // Once folded, the next query does not fold again.
    const again = performance.now();
    expect((await searchText(text, 'berlin')).size).toBe(50_000);
    expect(performance.now() - again).toBeLessThan(1000);
  });

  it('steps to the next and previous match, wrapping at both ends', () => {
    expect(wrapIndex(0, 1, 3)).toBe(1);
    expect(wrapIndex(2, 1, 3)).toBe(0);
    expect(wrapIndex(0, -1, 3)).toBe(2);
    expect(wrapIndex(-1, 1, 3)).toBe(0);
    expect(wrapIndex(-1, -1, 3)).toBe(2);
    expect(wrapIndex(0, 1, 0)).toBe(-1);
  });
});

describe('the shortcut', () => {
  const key = (init: Partial<KeyboardEvent>) => ({ key: 'f', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, isComposing: false, ...init });
  it('is Ctrl+F or ⌘F, and listed in the help', () => {
    expect(matchFindShortcut(key({ ctrlKey: true }))).toBe(true);
    expect(matchFindShortcut(key({ metaKey: true, key: 'F' }))).toBe(true);
    expect(matchFindShortcut(key({}))).toBe(false);
    expect(matchFindShortcut(key({ ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(matchFindShortcut(key({ ctrlKey: true, altKey: true }))).toBe(false);
    expect(matchFindShortcut(key({ ctrlKey: true, isComposing: true }))).toBe(false);
    expect(shortcutList(false).some((s) => s.keys.join('+') === 'Ctrl+F' && /find/i.test(s.action))).toBe(true);
    expect(shortcutList(true).some((s) => s.keys.join('+') === '⌘+F')).toBe(true);
  });
});

const TEXT = 'The treaty was signed. A treaty is a promise.\n\nNo TREATY lasts for ever; every traité ends.\n\nThe end.\n';

function renderFindable(options: { text?: string; structure?: DocumentStructure | null; focused?: boolean; position?: number } = {}) {
  const text = options.text ?? TEXT;
  const jumps: number[] = [];
  const handle: { current: TextViewHandle | null } = { current: null };
  const view = (focused: boolean) => (
    <FindableTextView
      side="left"
      title="Treaties"
      text={text}
      blocks={segmentText(text)}
      initialPosition={0}
      position={options.position ?? 0}
      focused={focused}
      fontSize={18}
      lineWidth={66}
      fontFamily="serif"
      onPosition={(offset) => jumps.push(offset)}
      onReady={() => {}}
      structure={options.structure ?? null}
      handleRef={handle}
    />
  );
  const result = render(view(options.focused ?? true));
  return { ...result, handle, rerenderFocused: (focused: boolean) => result.rerender(view(focused)) };
}

function pressFind() {
  fireEvent.keyDown(window, { key: 'f', ctrlKey: true });
}

describe('the find bar', () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  async function typeQuery(query: string) {
    fireEvent.change(screen.getByRole('textbox', { name: 'Find in text' }), { target: { value: query } });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(300);
    });
  }

  it('opens with Ctrl+F in the focused pane, counts matches, and steps with Enter and Shift+Enter', async () => {
    renderFindable();
    expect(screen.queryByRole('search')).toBeNull();
    pressFind();
    const input = screen.getByRole('textbox', { name: 'Find in text' });
    expect(document.activeElement).toBe(input);
    expect(screen.getByRole('search', { name: 'Find in Treaties' })).toBeTruthy();
    await typeQuery('treaty');
    const count = screen.getByTestId('find-count-left');
    await waitFor(() => expect(count.textContent).toBe('1 of 3'));
    const root = screen.getByTestId('pane-text-left');
    expect([...root.querySelectorAll('mark.find-match')].map((m) => m.textContent)).toEqual(['treaty', 'treaty', 'TREATY']);
    expect(root.querySelector('mark.find-match[data-find="current"]')!.textContent).toBe('treaty');
    expect(root.textContent).toBe(TEXT);

    fireEvent.keyDown(input, { key: 'Enter' });
    expect(count.textContent).toBe('2 of 3');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(count.textContent).toBe('3 of 3');
    expect(root.querySelector('mark.find-match[data-find="current"]')!.textContent).toBe('TREATY');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(count.textContent).toBe('1 of 3');
    fireEvent.keyDown(input, { key: 'Enter', shiftKey: true });
    expect(count.textContent).toBe('3 of 3');
    fireEvent.click(screen.getByRole('button', { name: 'Previous match' }));
    expect(count.textContent).toBe('2 of 3');
    fireEvent.click(screen.getByRole('button', { name: 'Next match' }));
    expect(count.textContent).toBe('3 of 3');
  });

  it('folds accents, says when nothing matches, and closes with Esc, giving focus back', async () => {
    const { handle } = renderFindable();
    const scroller = screen.getByTestId('pane-scroll-left');
    scroller.focus();
    pressFind();
    await typeQuery('traite');
    await waitFor(() => expect(screen.getByTestId('find-count-left').textContent).toBe('1 of 1'));
    expect(screen.getByTestId('pane-text-left').querySelector('mark.find-match')!.textContent).toBe('traité');
    await typeQuery('armistice');
    await waitFor(() => expect(screen.getByTestId('find-count-left').textContent).toBe('No matches'));
    expect(screen.getByRole('button', { name: 'Next match' })).toHaveProperty('disabled', true);
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Find in text' }), { key: 'Escape' });
    expect(screen.queryByRole('search')).toBeNull();
    expect(document.activeElement).toBe(scroller);
    expect(screen.getByTestId('pane-text-left').querySelector('mark.find-match')).toBeNull();
    expect(handle.current).not.toBeNull();
  });

  it('starts from the reading position and brings the current match into view', async () => {
    const { handle } = renderFindable({ position: TEXT.indexOf('No TREATY') });
    const reveal = vi.spyOn(handle.current!, 'revealRange');
    pressFind();
    await typeQuery('treaty');
    await waitFor(() => expect(screen.getByTestId('find-count-left').textContent).toBe('3 of 3'));
    expect(reveal).toHaveBeenLastCalledWith(TEXT.indexOf('TREATY'), TEXT.indexOf('TREATY') + 6);
  });

  it('takes a short selection in the text as the query', async () => {
    renderFindable();
    const root = screen.getByTestId('pane-text-left');
    const node = root.querySelector('.block-content')!.firstChild!;
    const range = document.createRange();
    range.setStart(node, 4);
    range.setEnd(node, 10);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    pressFind();
    expect((screen.getByRole('textbox', { name: 'Find in text' }) as HTMLInputElement).value).toBe('treaty');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(300);
    });
    await waitFor(() => expect(screen.getByTestId('find-count-left').textContent).toBe('1 of 3'));
    document.getSelection()!.removeAllRanges();
  });

  it('ignores Ctrl+F when its pane is not the focused one, or a dialog is open', () => {
    const { rerenderFocused } = renderFindable({ focused: false });
    pressFind();
    expect(screen.queryByRole('search')).toBeNull();
    rerenderFocused(true);
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    document.body.append(dialog);
    pressFind();
    expect(screen.queryByRole('search')).toBeNull();
    dialog.remove();
    pressFind();
    expect(screen.getByRole('search')).toBeTruthy();
  });

  it('draws matches across formatting in a structured document, text unchanged', async () => {
    const doc = markdownToDocument('# Treaty\n\nThe **tre**aty and a [treaty](https://example.org/) and *a tr*eaty.\n');
    renderFindable({ text: doc.text, structure: buildStructure(doc.structure, doc.text.length) });
    pressFind();
    await typeQuery('treaty');
    await waitFor(() => expect(screen.getByTestId('find-count-left').textContent).toBe('1 of 4'));
    const root = screen.getByTestId('pane-text-left');
    expect(root.textContent).toBe(doc.text);
    const marks = [...root.querySelectorAll('mark.find-match')];
    expect(marks.map((m) => m.textContent).join('|')).toBe('Treaty|tre|aty|treaty|tr|eaty');
    expect(marks[1]!.parentElement!.tagName).toBe('STRONG');
    expect(marks[3]!.closest('a')).not.toBeNull();
  });
});

describe('find colours', () => {
  /** The custom properties of each theme block in a style sheet. */
  function themes(file: string): Record<string, Record<string, string>> {
    const css = readFileSync(join(repoRoot, file), 'utf8');
    const found: Record<string, Record<string, string>> = {};
    for (const match of css.matchAll(/:root\[data-theme='(\w+)'\]\s*\{([^}]*)\}/g)) {
      const properties: Record<string, string> = {};
      for (const [, name, value] of match[2]!.matchAll(/(--[\w-]+):\s*([^;]+);/g)) properties[name!] = value!.trim();
      found[match[1]!] = properties;
    }
    return found;
  }
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const contrast = (a: string, b: string) => {
    const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (high! + 0.05) / (low! + 0.05);
  };

  for (const theme of ['light', 'sepia', 'dark']) {
    it(`keep ink over matches at 4.5:1, the current match's ring at 3:1, and differ from every highlight in the ${theme} theme`, () => {
      const base = themes('renderer/src/styles/themes.css')[theme]!;
      const find = themes('renderer/src/styles/find.css')[theme]!;
      for (const fill of [find['--find-match']!, find['--find-current']!]) {
        expect(fill).toMatch(/^#[0-9a-f]{6}$/i);
        expect(contrast(base['--ink']!, fill), `${theme} ink over ${fill}`).toBeGreaterThanOrEqual(4.5);
        for (const colour of ['yellow', 'green', 'blue', 'pink', 'purple']) expect(fill.toLowerCase()).not.toBe(base[`--hl-${colour}`]!.toLowerCase());
      }
      expect(contrast(base['--surface-pane']!, find['--find-ring']!), `${theme} ring`).toBeGreaterThanOrEqual(3);
      // Links are drawn in the accent colour, which must read as text on the page.
      expect(contrast(base['--surface-pane']!, base['--accent']!), `${theme} link`).toBeGreaterThanOrEqual(4.5);
    });
  }
});
