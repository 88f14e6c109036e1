/**
 * The five highlight colours as the reader meets them: a name, the key
 * that applies it, and the CSS custom properties that paint it (tuned per
 * theme in themes.css, so text over a highlight keeps 4.5:1 contrast).
 */
import { HIGHLIGHT_COLOURS, type HighlightColour } from '../../../electron/api/annotation-schema';

export { HIGHLIGHT_COLOURS, type HighlightColour };

const LABELS: Record<HighlightColour, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
};

/** "Yellow", "Green"… */
export function colourLabel(colour: HighlightColour): string {
  return LABELS[colour];
}

/** The digit key (1–5) that applies `colour` to the selection. */
export function colourKey(colour: HighlightColour): string {
  return String(HIGHLIGHT_COLOURS.indexOf(colour) + 1);
}

/** The colour a digit key applies, or null for any other key. */
export function colourForKey(key: string): HighlightColour | null {
  const index = Number(key) - 1;
  return Number.isInteger(index) && index >= 0 && index < HIGHLIGHT_COLOURS.length ? HIGHLIGHT_COLOURS[index]! : null;
}

/** The custom property holding a colour's highlight background in the current theme. */
export function colourFill(colour: HighlightColour): string {
  return `var(--hl-${colour})`;
}

/** The custom property holding a colour's stronger tone (underline stripes, swatches' edge). */
export function colourLine(colour: HighlightColour): string {
  return `var(--hl-${colour}-line)`;
}
