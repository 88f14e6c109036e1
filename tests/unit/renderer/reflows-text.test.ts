import { describe, expect, it } from 'vitest';
import { reflowsText } from '../../../renderer/src/reader/use-reading-position';

describe('reflowsText', () => {
  it('answers a font load that includes a face of the text’s family, not the interface’s fonts alone', () => {
    const face = (family: string) => ({ family }) as FontFace;
    expect(reflowsText([face('Inter'), face('"Literata"')], 'Literata')).toBe(true);
    expect(reflowsText([face('Inter')], 'Literata')).toBe(false);
    // A browser that does not say what loaded: assume the text reflowed.
    expect(reflowsText(undefined, 'Literata')).toBe(true);
    expect(reflowsText([], 'Literata')).toBe(true);
  });
});
