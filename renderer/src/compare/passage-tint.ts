/**
 * The faint tint on a suggestion's two passages while its band is hovered
 * or focused, drawn with the CSS Custom Highlight API: no element is added
 * to the text, so nothing re-renders and selection is untouched. Where the
 * API is missing (jsdom), there is simply no tint.
 */
import { rangeFromOffsets } from '../reader/text-offsets';
import type { Span } from './cross-links';

const NAME = 'diptych-compare';

interface HighlightRegistry {
  set(name: string, highlight: unknown): void;
  delete(name: string): void;
}

function registry(): { highlights: HighlightRegistry; Highlight: new (...ranges: Range[]) => unknown } | null {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  const Highlight = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
  return css?.highlights && Highlight ? { highlights: css.highlights, Highlight } : null;
}

/** Tints the passages (those rendered) of a suggestion; null clears the tint. */
export function tintPassages(passages: { left: Span; right: Span } | null, doc: Document = document): void {
  const api = registry();
  if (!api) return;
  if (!passages) {
    api.highlights.delete(NAME);
    return;
  }
  const ranges: Range[] = [];
  for (const side of ['left', 'right'] as const) {
    const root = doc.querySelector(`[data-testid="pane-text-${side}"]`);
    const range = root ? rangeFromOffsets(root, passages[side].start, passages[side].end) : null;
    if (range) ranges.push(range);
  }
  api.highlights.set(NAME, new api.Highlight(...ranges));
}
