// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { matchShortcut, shortcutList } from '../../../../renderer/src/app/shortcuts';
import { commandsFor } from '../../../../renderer/src/palette/palette-commands';

const key = (k: string) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, isComposing: false, target: document.body });

describe('compare commands', () => {
  it('maps C, A, J, K and R, and lists them in the help', () => {
    expect(['c', 'A', 'j', 'k', 'r'].map((k) => matchShortcut(key(k), false))).toEqual(['toggle-compare', 'toggle-aligned-scroll', 'next-suggestion', 'previous-suggestion', 'related-passages']);
    const actions = shortcutList(false).map((s) => s.action).join('\n');
    expect(actions).toContain('Compare the two texts');
    expect(actions).toContain('Aligned scrolling');
    expect(actions).toContain('Passages related to the selection');
  });

  it('offers compare in the palette only when both panes show a document', () => {
    const base = { mod: 'Ctrl', theme: 'light' as const, canImport: true };
    expect(commandsFor('', { ...base, compare: { available: false, on: false, aligned: false } }).some((c) => c.id === 'toggle-compare')).toBe(false);
    const ids = commandsFor('', { ...base, compare: { available: true, on: true, aligned: false } }).map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['toggle-compare', 'related-passages', 'toggle-aligned-scroll']));
    expect(commandsFor('related', { ...base, compare: { available: true, on: false, aligned: false } })[0]!.label).toBe('Related in the other text');
  });
});
