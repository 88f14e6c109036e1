/**
 * The shapes compare mode passes between its matching (core), the host that
 * runs it in a worker thread, and the API. Offsets are UTF-16 code units in
 * the document's text, like every other offset in Diptych.
 */

/** A passage of one document: a sentence, or a clause of a long sentence. */
export interface PassageRange {
  start: number;
  end: number;
  /** The passage's text, exactly `text.slice(start, end)`. */
  quote: string;
}

/** Two words, one from each side, that the word vectors judge close ("junior" ~ "second-rank"). */
export interface RelatedTermPair {
  left: string;
  right: string;
  /** Cosine of the two word vectors, 0..1. */
  similarity: number;
}

/** Why two passages were paired, for the reader. */
export interface MatchExplanation {
  /** Words both passages use (as they appear on the left), most telling first. */
  sharedTerms: string[];
  /** Different words with close meanings, most similar first. */
  relatedTerms: RelatedTermPair[];
  /** Weighted word overlap, 0..1. */
  lexical: number;
  /** Meaning similarity from the word vectors, 0..1. */
  semantic: number;
}

/** A suggested correspondence between a passage of the left text and one of the right text. */
export interface PassageMatch extends MatchExplanation {
  left: PassageRange;
  right: PassageRange;
  /** Calibrated strength, 0..1: the same default threshold means the same thing for any two documents. */
  score: number;
}

export interface CompareOptions {
  /** Only matches scoring at least this; the core's calibrated default when omitted. */
  threshold?: number;
  /** At most this many matches, strongest first. */
  limit?: number;
}

export interface CompareOutcome {
  /** Strongest first. */
  matches: PassageMatch[];
  leftPassages: number;
  rightPassages: number;
  /** The threshold that was applied. */
  threshold: number;
}

/** A passage of the other document that speaks of what the reader selected. */
export interface RelatedPassage extends MatchExplanation {
  passage: PassageRange;
  score: number;
}
