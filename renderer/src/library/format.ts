/**
 * How documents are described to the reader: kind names and lengths.
 */
import type { DocumentKind, PaneSide } from '../../../electron/api/contract';

const KIND_LABELS: Record<DocumentKind, string> = { text: 'Text', markdown: 'Markdown', html: 'Web page', pdf: 'PDF' };

const numberFormat = new Intl.NumberFormat('en');

/** "Text", "PDF"… */
export function kindLabel(kind: DocumentKind): string {
  return KIND_LABELS[kind];
}

/** "1,081 words", "1 word". */
export function formatWords(words: number): string {
  return `${numberFormat.format(words)} ${words === 1 ? 'word' : 'words'}`;
}

/** "Left", "Right". */
export function sideLabel(side: PaneSide): string {
  return side === 'left' ? 'Left' : 'Right';
}

/** The percentage of a text before `position`; 100 once scrolled to the end. */
export function positionPercent(position: number, length: number, atEnd: boolean): number {
  if (atEnd) return 100;
  if (length <= 0) return 0;
  return Math.min(100, Math.floor((position / length) * 100));
}
