import { describe, expect, it } from 'vitest';
import { selectingMove } from '../../../renderer/src/reader/keyboard-selection';

const key = (k: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean }> = {}) => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});

describe('selectingMove', () => {
  it('leaves plain arrows to scrolling', () => {
    expect(selectingMove(key('ArrowDown'))).toBeNull();
    expect(selectingMove(key('ArrowRight', { ctrlKey: true }))).toBeNull();
  });

  it('extends by characters, words, lines and to the ends of a line', () => {
    expect(selectingMove(key('ArrowRight', { shiftKey: true }))).toEqual({ direction: 'forward', granularity: 'character' });
    expect(selectingMove(key('ArrowLeft', { shiftKey: true, ctrlKey: true }))).toEqual({ direction: 'backward', granularity: 'word' });
    expect(selectingMove(key('ArrowLeft', { shiftKey: true, altKey: true }))).toEqual({ direction: 'backward', granularity: 'word' });
    expect(selectingMove(key('ArrowDown', { shiftKey: true }))).toEqual({ direction: 'forward', granularity: 'line' });
    expect(selectingMove(key('Home', { shiftKey: true }))).toEqual({ direction: 'backward', granularity: 'lineboundary' });
  });

  it('does not take other keys or the system modifier', () => {
    expect(selectingMove(key('a', { shiftKey: true }))).toBeNull();
    expect(selectingMove(key('ArrowRight', { shiftKey: true, metaKey: true }))).toBeNull();
  });
});
