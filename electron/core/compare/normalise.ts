/**
 * Turns passage text into the terms compare mode weighs: lowercase,
 * accents folded, punctuation dropped, English stop words removed, and each
 * word reduced to its Porter stem ("negotiations" and "negotiate" → "negoti").
 */
import { stemmer } from 'stemmer';
import { STOP_WORDS } from '../stop-words';

/** One content word of a passage. */
export interface Token {
  /** The folded word as written ("diplomats"); what word vectors are looked up by. */
  word: string;
  /** Its stem ("diplomat"); what lexical overlap counts. */
  stem: string;
  /** The word as it appears in the text, for explanations. */
  surface: string;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;

/** Whether a code point is a letter or a digit (`[\p{L}\p{N}]`); ASCII without a regular expression. */
export function isWordCode(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return LETTER_OR_DIGIT.test(String.fromCodePoint(code));
}

function isLetterCode(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return LETTER.test(String.fromCodePoint(code));
}

/** The end of the run of code points from `at` that pass `test`. */
function runEnd(text: string, at: number, test: (code: number) => boolean): number {
  let i = at;
  while (i < text.length) {
    const code = text.codePointAt(i)!;
    if (!test(code)) break;
    i += code > 0xffff ? 2 : 1;
  }
  return i;
}

/**
 * Calls `visit` with the start and end of each word, as the pattern
 * `[\p{L}\p{N}]+(?:['’]\p{L}+)*` would find them ("Stalin’s", "1939"):
 * scanned by hand because a match object per word is most of the garbage a
 * megabyte makes.
 */
export function forEachWord(text: string, visit: (start: number, end: number) => void): void {
  let i = 0;
  while (i < text.length) {
    const code = text.codePointAt(i)!;
    if (!isWordCode(code)) {
      i += code > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    i = runEnd(text, i, isWordCode);
    for (;;) {
      const mark = text.charCodeAt(i);
      if ((mark !== 39 && mark !== 0x2019) || i + 1 >= text.length || !isLetterCode(text.codePointAt(i + 1)!)) break;
      i = runEnd(text, i + 1, isLetterCode);
    }
    visit(start, i);
  }
}

/** Lowercases and strips accents ("Détente" → "detente"). */
export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  // Most words are plain ASCII already; skip the Unicode decomposition for them.
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize('NFD').replace(/\p{M}+/gu, '');
}

/**
 * What a written word normalises to: its token, or null for a stop word or
 * a lone letter. The same surface always gives the same answer, so callers
 * that tokenise a whole book pass a cache (a book repeats its words).
 */
export type TokenCache = Map<string, Token | null>;

/** The content words of a piece of text, in order. */
export function contentTokens(text: string, cache?: TokenCache): Token[] {
  const tokens: Token[] = [];
  forEachWord(text, (start, end) => {
    const surface = text.slice(start, end);
    let token = cache?.get(surface);
    if (token === undefined) {
      token = normaliseWord(surface);
      cache?.set(surface, token);
    }
    if (token) tokens.push(token);
  });
  return tokens;
}

function normaliseWord(surface: string): Token | null {
  // A possessive or contraction ending adds nothing: "Soviets’" and "Stalin's" are the names.
  const word = foldWord(surface).replace(/['’](s|t|d|ll|re|ve|m)$/, '').replace(/’/g, "'");
  const numeric = /\d/.test(word);
  if (word.length < 2 && !numeric) return null;
  if (STOP_WORDS.has(word)) return null;
  return { word, stem: numeric ? word : stemmer(word), surface };
}
