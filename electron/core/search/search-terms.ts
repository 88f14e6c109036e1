/**
 * What the search calls a word, and how two spellings of a word are made
 * equal. The index, the query and the snippet marker all go through these
 * functions, so a word marked in a snippet is exactly a word the index matched.
 *
 * Changing either function changes the terms stored in a persisted index:
 * bump SEARCH_FORMAT_VERSION (search-snapshot.ts) when you do.
 */

/**
 * A word: a run of letters, digits and combining marks. Punctuation, including
 * apostrophes and hyphens, separates words, so "Stalin’s" holds "stalin" and
 * "Non-Aggression" holds "non" and "aggression".
 */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const HAS_WORD = /[\p{L}\p{N}]/u;
const COMBINING_MARKS = /\p{M}+/gu;
// Printable ASCII is space to tilde; anything else (control characters included) takes the slow path, harmlessly.
const NON_ASCII = /[^ -~]/;

/** Letters that Unicode does not decompose but a reader of English treats as their plain spelling. */
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const FOLDED_LETTERS = /[ßæœøłđðþı]/g;

/**
 * Folds a word to the form the index stores: lower case, accents removed
 * ("Mólotov" → "molotov", "naïve" → "naive"), compatibility forms spelled
 * plainly ("ﬁ" → "fi") and a few letters spelled in ASCII ("ß" → "ss").
 */
export function foldTerm(word: string): string {
  // Most words of an English library are ASCII; skipping normalisation for them keeps indexing fast.
  if (!NON_ASCII.test(word)) return word.toLowerCase();
  return word
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(FOLDED_LETTERS, (letter) => LETTER_FOLDS[letter] ?? letter)
    .normalize('NFC');
}

/** The words of `text`, unfolded, in order (MiniSearch's tokenizer). */
export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Whether `text` holds at least one word; passages without one are not indexed. */
export function hasWord(text: string): boolean {
  return HAS_WORD.test(text);
}

/** A word of a text with its UTF-16 offsets. */
export interface WordSpan {
  start: number;
  end: number;
  /** The word folded with foldTerm. */
  term: string;
}

/** The words of `text` between `from` and `to`, with their offsets in `text`. */
export function* wordSpans(text: string, from = 0, to = text.length): Generator<WordSpan> {
  const pattern = new RegExp(WORD.source, WORD.flags);
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match !== null && match.index < to; match = pattern.exec(text)) {
    const end = match.index + match[0].length;
    if (end > to) return;
    yield { start: match.index, end, term: foldTerm(match[0]) };
  }
}
