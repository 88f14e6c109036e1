/**
 * Turns passage text into the terms compare mode weighs: lowercase,
 * accents folded, punctuation dropped, English stop words removed, and each
 * word reduced to its Porter stem ("negotiations" and "negotiate" → "negoti").
 */
import { stemmer } from 'stemmer';

/** One content word of a passage. */
export interface Token {
  /** The folded word as written ("diplomats"); what word vectors are looked up by. */
  word: string;
  /** Its stem ("diplomat"); what lexical overlap counts. */
  stem: string;
  /** The word as it appears in the text, for explanations. */
  surface: string;
}

/**
 * Function words that say nothing about what a passage is about. Written for
 * compare mode: pronouns, articles, auxiliaries, prepositions, conjunctions
 * and the commonest adverbs of degree.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by
  can could did do does doing down during each either else even ever every few for from further had has have having he her here
  hers herself him himself his how however i if in into is it its itself just least less let like many may me might more most
  much must my myself neither no nor not now of off on once one only or other others otherwise our ours ourselves out over own
  per quite rather same shall she should since so some still such than that the their theirs them themselves then there these
  they this those though through thus to too under until up upon us very was we were what whatever when where whether which
  while who whom whose why will with within without would yet you your yours yourself yourselves s t d ll m re ve`.split(/\s+/),
);

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Lowercases and strips accents ("Détente" → "detente"). */
export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  // Most words are plain ASCII already; skip the Unicode decomposition for them.
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize('NFD').replace(/\p{M}+/gu, '');
}

/** The content words of a piece of text, in order. */
export function contentTokens(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const surface = match[0];
    // A possessive or contraction ending adds nothing: "Soviets’" and "Stalin's" are the names.
    const word = foldWord(surface).replace(/['’](s|t|d|ll|re|ve|m)$/, '').replace(/’/g, "'");
    if (word.length < 2 && !/\d/.test(word)) continue;
    if (STOP_WORDS.has(word)) continue;
    tokens.push({ word, stem: /\d/.test(word) ? word : stemmer(word), surface });
  }
  return tokens;
}
