// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { matchShortcut, shortcutList } from '../../../renderer/src/app/shortcuts';
import { formatWords, positionPercent } from '../../../renderer/src/library/format';
import { parsePercent } from '../../../renderer/src/panes/position-input';

function key(key: string, init: Partial<KeyboardEvent> & { target?: EventTarget | null } = {}) {
  return { key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, isComposing: false, target: document.body, ...init };
}

describe('matchShortcut', () => {
  it('maps the single keys and the chords', () => {
    expect(matchShortcut(key('['), false)).toBe('focus-left');
    expect(matchShortcut(key(']'), false)).toBe('focus-right');
    expect(matchShortcut(key('m'), false)).toBe('toggle-maximise');
    expect(matchShortcut(key('S', { shiftKey: true }), false)).toBe('swap');
    expect(matchShortcut(key('?', { shiftKey: true }), false)).toBe('help');
    expect(matchShortcut(key('b', { ctrlKey: true }), false)).toBe('toggle-library');
    expect(matchShortcut(key('b', { metaKey: true }), false)).toBe('toggle-library');
    expect(matchShortcut(key(',', { ctrlKey: true }), false)).toBe('settings');
  });

  it('ignores single keys typed into fields', () => {
    for (const tag of ['input', 'select', 'textarea']) {
      const field = document.createElement(tag);
      expect(matchShortcut(key('s', { target: field }), false)).toBeNull();
      expect(matchShortcut(key('[', { target: field }), false)).toBeNull();
    }
    const editable = document.createElement('div');
    editable.setAttribute('contenteditable', 'true');
    document.body.appendChild(editable);
    expect(matchShortcut(key('m', { target: editable }), false)).toBeNull();
    editable.remove();
  });

  it('leaves browser chords and composition alone', () => {
    expect(matchShortcut(key('s', { ctrlKey: true }), false)).toBeNull();
    expect(matchShortcut(key('m', { altKey: true }), false)).toBeNull();
    expect(matchShortcut(key('m', { isComposing: true }), false)).toBeNull();
  });

  it('lets only the settings toggle through while a dialog is open', () => {
    expect(matchShortcut(key('s'), true)).toBeNull();
    expect(matchShortcut(key('b', { ctrlKey: true }), true)).toBeNull();
    expect(matchShortcut(key(',', { ctrlKey: true }), true)).toBe('settings');
  });

  it('maps the annotation keys: colours, note, link, undo and redo', () => {
    expect(['1', '2', '3', '4', '5'].map((k) => matchShortcut(key(k), false))).toEqual(['highlight-yellow', 'highlight-green', 'highlight-blue', 'highlight-pink', 'highlight-purple']);
    expect(matchShortcut(key('6'), false)).toBeNull();
    expect(matchShortcut(key('n'), false)).toBe('note');
    expect(matchShortcut(key('L', { shiftKey: true }), false)).toBe('link');
    expect(matchShortcut(key('z', { ctrlKey: true }), false)).toBe('undo');
    expect(matchShortcut(key('Z', { ctrlKey: true, shiftKey: true }), false)).toBe('redo');
    expect(matchShortcut(key('y', { ctrlKey: true }), false)).toBe('redo');
    expect(matchShortcut(key('z', { metaKey: true }), false)).toBe('undo');
    expect(matchShortcut(key('.', { ctrlKey: true }), false)).toBe('toggle-notes');
  });

  it('leaves Ctrl+Z to a field being typed in, and to an open dialog', () => {
    const field = document.createElement('textarea');
    expect(matchShortcut(key('z', { ctrlKey: true, target: field }), false)).toBeNull();
    expect(matchShortcut(key('y', { ctrlKey: true, target: field }), false)).toBeNull();
    expect(matchShortcut(key('1', { target: field }), false)).toBeNull();
    expect(matchShortcut(key('z', { ctrlKey: true }), true)).toBeNull();
  });

  it('lists every shortcut for the help overlay', () => {
    const actions = shortcutList(false).map((shortcut) => shortcut.keys.join('+'));
    expect(actions).toEqual(expect.arrayContaining(['[', ']', 'M', 'S', 'Ctrl+B', 'Ctrl+,', '?', 'Esc', '1+2+3+4+5', 'N', 'L', 'Ctrl+Z', 'Ctrl+Shift+Z', 'Ctrl+.']));
    expect(shortcutList(true).some((shortcut) => shortcut.keys[0] === '⌘')).toBe(true);
  });
});

describe('formatting', () => {
  it('writes word counts the way a reader expects', () => {
    expect(formatWords(1081)).toBe('1,081 words');
    expect(formatWords(1)).toBe('1 word');
  });

  it('turns a position into a percentage, 100 at the very end', () => {
    expect(positionPercent(0, 1000, false)).toBe(0);
    expect(positionPercent(999, 1000, false)).toBe(99);
    expect(positionPercent(10, 1000, true)).toBe(100);
    expect(positionPercent(0, 0, false)).toBe(0);
  });

  it('parses what is typed into the position field', () => {
    expect(parsePercent('42')).toBe(42);
    expect(parsePercent(' 42 % ')).toBe(42);
    expect(parsePercent('140')).toBe(100);
    expect(parsePercent('-3')).toBe(0);
    expect(parsePercent('')).toBeNull();
    expect(parsePercent('abc')).toBeNull();
  });
});
