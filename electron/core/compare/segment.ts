/**
 * Cuts a text into the passages compare mode pairs: sentences, and long
 * sentences cut again into clauses. Offsets are UTF-16 code units into the
 * original text and every passage is trimmed of surrounding whitespace.
 *
 * Hand-written rather than taken from sentence-splitter or sbd: neither cuts
 * clauses, sbd gives no offsets, and sentence-splitter builds a syntax tree
 * per sentence that is slow on a megabyte and unbounded on text with no
 * punctuation; compare mode needs bounded passages in any case.
 */
import { isWordCode } from './normalise';
import type { PassageRange } from './types';

/** A passage longer than this is cut into clauses. */
const LONG_SENTENCE = 160;
/** No passage is longer than this (text without punctuation is cut at spaces). */
const MAX_PASSAGE = 400;
/** A clause cut never leaves a piece shorter than this. */
const MIN_CLAUSE = 45;
/** A fragment of fewer words is merged into its neighbour. */
const MIN_WORDS = 4;

/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof st gen col capt lt sgt maj adm cmdr rev hon sr jr mt ft fig figs no nos vol vols pp p ed eds ch sec vs cf etc al approx dept est inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e a.m p.m u.s u.k u.n viz ca op'.split(' '),
);
const CLOSERS = '"\'”’»)]}';
const OPENERS = '"\'“‘«([{';
const CONJUNCTION = /^,\s+(and|but|or|yet|so|while|whereas|although|though|because|since|which|who|where|when)\b/i;

/** The passages of a text, in order. */
export function segmentText(text: string): PassageRange[] {
  const passages: PassageRange[] = [];
  for (const [start, end] of paragraphs(text)) {
    for (const [s, e] of mergeShort(text, sentences(text, start, end))) {
      for (const [cs, ce] of clauses(text, s, e)) passages.push({ start: cs, end: ce, quote: text.slice(cs, ce) });
    }
  }
  return passages;
}

/** Paragraph spans, trimmed: blank lines separate paragraphs, and a heading-like line stands alone (and is then dropped). */
function paragraphs(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const lines = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let paragraphStart = -1;
  let paragraphEnd = -1;
  const close = () => {
    if (paragraphStart >= 0) spans.push([paragraphStart, paragraphEnd]);
    paragraphStart = -1;
  };
  for (let match = lines.exec(text); match && match[0].length > 0; match = lines.exec(text)) {
    const [start, end] = trimSpan(text, match.index, match.index + match[0].length);
    if (start >= end) {
      close();
      continue;
    }
    if (isHeading(text.slice(start, end))) {
      close();
      continue;
    }
    if (paragraphStart < 0) paragraphStart = start;
    paragraphEnd = end;
  }
  close();
  return spans;
}

/** A short line without sentence punctuation: a title or heading, not a passage. */
function isHeading(line: string): boolean {
  if (/[.!?…:;,"”)]$/.test(line)) return false;
  return line.split(/\s+/).length <= 8 && line.length <= 80;
}

/** Sentence spans within a paragraph. */
function sentences(text: string, start: number, end: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let sentenceStart = start;
  const terminal = /[.!?…]+/g;
  terminal.lastIndex = start;
  for (let match = terminal.exec(text); match && match.index < end; match = terminal.exec(text)) {
    let after = match.index + match[0].length;
    while (after < end && CLOSERS.includes(text[after]!)) after++;
    if (after < end && !/\s/.test(text[after]!)) continue;
    if (after < end && !startsSentence(text, after, end)) continue;
    if (match[0] === '.' && isAbbreviation(text, match.index, sentenceStart)) continue;
    spans.push([sentenceStart, after]);
    sentenceStart = after;
  }
  if (sentenceStart < end) spans.push([sentenceStart, end]);
  return spans.map(([s, e]) => trimSpan(text, s, e)).filter(([s, e]) => s < e);
}

/** Whether the text after whitespace at `at` begins a new sentence (a capital, a digit or an opening quote). */
function startsSentence(text: string, at: number, end: number): boolean {
  let i = at;
  while (i < end && /\s/.test(text[i]!)) i++;
  while (i < end && OPENERS.includes(text[i]!)) i++;
  return i < end && /[\p{Lu}\p{N}]/u.test(text[i]!);
}

/** Whether the full stop at `dot` closes an abbreviation or an initial ("Mr.", "J.", "e.g."). */
function isAbbreviation(text: string, dot: number, floor: number): boolean {
  let i = dot;
  while (i > floor && /[\p{L}.]/u.test(text[i - 1]!)) i--;
  const word = text.slice(i, dot);
  if (word.length === 1 && /\p{Lu}/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Merges fragments of fewer than MIN_WORDS words into the previous sentence (or the next, for the first). */
function mergeShort(text: string, spans: Array<[number, number]>): Array<[number, number]> {
  const merged: Array<{ span: [number, number]; words: number }> = [];
  for (const span of spans) {
    const words = wordCount(text, span[0], span[1]);
    const previous = merged[merged.length - 1];
    if (previous && (words < MIN_WORDS || previous.words < MIN_WORDS)) {
      previous.span[1] = span[1];
      previous.words += words;
    } else merged.push({ span: [span[0], span[1]], words });
  }
  // A lone fragment is no passage.
  return merged.filter((m) => m.words >= MIN_WORDS).map((m) => m.span);
}

/** Runs of letters and digits that start before `end` (a run may reach past it, as a regular expression's match would). */
function wordCount(text: string, start: number, end: number): number {
  let count = 0;
  let inWord = false;
  for (let i = start; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const word = isWordCode(code);
    if (word && !inWord) {
      if (i >= end) break;
      count++;
    }
    if (!word && i >= end) break;
    inWord = word;
    i += code > 0xffff ? 2 : 1;
  }
  return count;
}

/** Cuts a long sentence at semicolons, colons, dashes and commas before conjunctions, then at spaces if still too long. */
function clauses(text: string, start: number, end: number): Array<[number, number]> {
  if (end - start <= LONG_SENTENCE) return [[start, end]];
  const cuts: number[] = [];
  const marks = /[;:]\s|\s[—–]\s|\s--\s|—|,\s/g;
  marks.lastIndex = start;
  let last = start;
  for (let match = marks.exec(text); match && match.index < end; match = marks.exec(text)) {
    if (match[0].startsWith(',') && !CONJUNCTION.test(text.slice(match.index, Math.min(end, match.index + 16)))) continue;
    // Cut after a semicolon or colon, before a dash or a conjunction.
    const cut = /^[;:]/.test(match[0]) ? match.index + 1 : match[0].startsWith(',') ? match.index + 1 : match.index;
    if (cut - last >= MIN_CLAUSE && end - cut >= MIN_CLAUSE) {
      cuts.push(cut);
      last = cut;
    }
  }
  const pieces: Array<[number, number]> = [];
  let from = start;
  for (const cut of [...cuts, end]) {
    const [s, e] = trimSpan(text, from, cut);
    if (s < e) pieces.push(...boundLength(text, s, e));
    from = cut;
  }
  return pieces.map(([s, e]) => trimSpan(text, s, e)).filter(([s, e]) => s < e);
}

/** Cuts a span longer than MAX_PASSAGE at the last comma or space before each limit. */
function boundLength(text: string, start: number, end: number): Array<[number, number]> {
  const pieces: Array<[number, number]> = [];
  let from = start;
  while (end - from > MAX_PASSAGE) {
    const limit = from + MAX_PASSAGE;
    const window = text.slice(from + MAX_PASSAGE / 2, limit);
    const comma = window.lastIndexOf(', ');
    const space = window.search(/\s\S*$/);
    const at = comma >= 0 ? from + MAX_PASSAGE / 2 + comma + 1 : space >= 0 ? from + MAX_PASSAGE / 2 + space : limit;
    pieces.push([from, at]);
    from = at;
    while (from < end && /\s/.test(text[from]!)) from++;
  }
  if (from < end) pieces.push([from, end]);
  return pieces;
}

function trimSpan(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return [s, e];
}
