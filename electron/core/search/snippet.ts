/**
 * Cuts the few lines a search result shows: a window of a passage around its
 * first matched word, cut at word boundaries, with every matched word marked.
 */
import { widenToWholeCharacters } from '../anchoring/surrogates';
import { wordSpans } from './search-terms';

/** About how many characters a snippet shows. */
export const SNIPPET_LENGTH = 160;
/** How much text before the first match a snippet keeps, when the passage is long enough to cut. */
const LEAD = 50;
const ELLIPSIS = '…';
const BLANK = /\s/;
// One character for one character, so offsets into the snippet still map back to the source.
const LINE_BREAKS = /[\t\n\v\f\r\u2028\u2029]/g;

/** A [start, end) range of UTF-16 offsets. */
export type Mark = [start: number, end: number];

/** A snippet of a passage and where it lies in its source text. */
export interface Snippet {
  /** The shown text: a leading and trailing `…` where the passage was cut, line breaks shown as spaces. */
  text: string;
  /** The matched words, as offsets into `text` (ellipsis included). */
  marks: Mark[];
  /** Offset in the source of the snippet's first character after any leading ellipsis. */
  sourceStart: number;
  /** Offset in the source just after the snippet's last character before any trailing ellipsis. */
  sourceEnd: number;
  /** The first matched word in the passage, as offsets in the source; null when only the title matched. */
  match: Mark | null;
}

function isBlank(text: string, index: number): boolean {
  return BLANK.test(text.charAt(index));
}

/** Whether [from, to) of `text` holds nothing but blanks, so cutting it hides nothing. */
function onlyBlanks(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isBlank(text, i)) return false;
  return true;
}

/** Moves a window start forward to the beginning of a word, not past `limit`. */
function startAtWord(text: string, from: number, floor: number, limit: number): number {
  if (from <= floor || isBlank(text, from - 1)) return from;
  for (let i = from; i < limit; i++) if (isBlank(text, i)) return i + 1;
  return from;
}

/** Moves a window end back to the end of a word, not before `limit`. */
function endAtWord(text: string, to: number, ceiling: number, limit: number): number {
  if (to >= ceiling || isBlank(text, to)) return to;
  for (let i = to - 1; i >= limit; i--) if (isBlank(text, i)) return i;
  return to;
}

/** Marks the words of `text` (from `from` to `to`) whose folded form is in `terms`, relative to `from` plus `shift`. */
function markWords(text: string, terms: ReadonlySet<string>, from: number, to: number, shift: number): Mark[] {
  const marks: Mark[] = [];
  for (const word of wordSpans(text, from, to)) {
    if (terms.has(word.term)) marks.push([word.start - from + shift, word.end - from + shift]);
  }
  return marks;
}

/** Marks every word of a short text (a title) whose folded form is in `terms`. */
export function markTerms(text: string, terms: ReadonlySet<string>): Mark[] {
  return markWords(text, terms, 0, text.length, 0);
}

/**
 * The snippet of `source`'s passage [passageStart, passageEnd) around the
 * first word whose folded form is in `terms` (the document terms a search
 * matched), or around the passage's beginning when no word of it matched.
 */
export function buildSnippet(
  source: string,
  passageStart: number,
  passageEnd: number,
  terms: ReadonlySet<string>,
  length = SNIPPET_LENGTH,
  preferred: ReadonlySet<string> = terms,
): Snippet {
  // A passage holds several paragraphs: the word typed ("Molotov") beats an earlier near miss ("Molotof").
  let match: Mark | null = null;
  for (const word of wordSpans(source, passageStart, passageEnd)) {
    if (!terms.has(word.term)) continue;
    match ??= [word.start, word.end];
    if (preferred.has(word.term)) {
      match = [word.start, word.end];
      break;
    }
  }

  let start = passageStart;
  let end = passageEnd;
  if (passageEnd - passageStart > length) {
    const anchor = match?.[0] ?? passageStart;
    start = Math.max(passageStart, Math.min(anchor - LEAD, passageEnd - length));
    end = Math.min(passageEnd, Math.max(start + length, match?.[1] ?? 0));
    start = startAtWord(source, start, passageStart, anchor);
    end = endAtWord(source, end, passageEnd, match?.[1] ?? start + 1);
  }
  while (start < end && isBlank(source, start)) start++;
  while (end > start && isBlank(source, end - 1)) end--;
  ({ start, end } = widenToWholeCharacters(source, start, end));

  const lead = onlyBlanks(source, passageStart, start) ? '' : ELLIPSIS;
  const trail = onlyBlanks(source, end, passageEnd) ? '' : ELLIPSIS;
  return {
    text: lead + source.slice(start, end).replace(LINE_BREAKS, ' ') + trail,
    marks: markWords(source, terms, start, end, lead.length),
    sourceStart: start,
    sourceEnd: end,
    match,
  };
}
