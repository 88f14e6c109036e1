/**
 * Text folded for finding: lower case, accents and other combining marks
 * dropped, compatibility forms spelled out (the "ﬁ" ligature becomes "fi",
 * a full-width "Ａ" an "a"), every kind of space and line break one space,
 * letters such as "ł", "ø" and "ß" read as "l", "o" and "ss", and curly
 * quotes straight, so "cafe" finds "Café", "lodz" finds "Łódź" and "don't"
 * finds "don’t".
 *
 * The folded text may be shorter or longer than the original, so it keeps
 * a map from each folded code unit back to the original offset it came
 * from; most texts fold one to one and then need no map at all.
 *
 * Folding a 5 MB text takes tens of milliseconds, so it runs in slices that
 * yield to the event loop, and the result is kept for the document.
 */

/** A text folded for matching, with the way back to the original's offsets. */
export interface FoldedText {
  /** The original text's length. */
  readonly length: number;
  readonly folded: string;
  /** Original offset of each folded code unit; null when the fold is one to one. */
  readonly map: Uint32Array | null;
}

const SPACE = 32;
/** Matches every combining mark. */
const MARKS = /\p{M}/gu;
const SPACES = /^[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u;
/** Letters that read as a base letter with a stroke or as two letters, but have no decomposition to drop. */
const LETTERS: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ı: 'i', ŧ: 't', ŀ: 'l', ß: 'ss', ẞ: 'ss', æ: 'ae', œ: 'oe' };
const QUOTES: Record<string, string> = { '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'", '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"' };

/** Folds of characters outside ASCII, filled as they are met. */
const foldCache = new Map<number, string>();

/** The fold of one character (a code point), as a string of zero or more code units. */
export function foldChar(char: string): string {
  if (SPACES.test(char)) return ' ';
  const quote = QUOTES[char];
  if (quote) return quote;
  // Lower case first: "İ" lowers to "i" plus a combining dot, which the next step drops.
  const folded = char.toLowerCase().normalize('NFKD').replace(MARKS, '').toLowerCase();
  return LETTERS[folded] ?? folded;
}

function foldCode(code: number): string {
  let folded = foldCache.get(code);
  if (folded === undefined) {
    folded = foldChar(String.fromCharCode(code));
    foldCache.set(code, folded);
  }
  return folded;
}

/** Folds a query the same way as the text it looks in. */
export function foldQuery(query: string): string {
  let out = '';
  for (const char of query) out += char.length === 1 && char.charCodeAt(0) < 128 ? asciiFold(char.charCodeAt(0)) : foldChar(char);
  return out;
}

function asciiFold(code: number): string {
  return String.fromCharCode(foldAscii(code));
}

function foldAscii(code: number): number {
  if (code >= 65 && code <= 90) return code + 32;
  if (code === 9 || code === 10 || code === 11 || code === 12 || code === 13) return SPACE;
  return code;
}

/** Gives the event loop a turn, so typing and painting go on between slices. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Thrown (and swallowed by callers) when a search is abandoned for a newer one. */
export class SearchCancelled extends Error {
  constructor() {
    super('The search was replaced by a newer one.');
    this.name = 'SearchCancelled';
  }
}

/** Code units folded between two turns of the event loop. */
const SLICE = 1 << 18;

class Builder {
  out: Uint16Array;
  length = 0;
  map: Uint32Array | null = null;

  constructor(capacity: number) {
    this.out = new Uint16Array(Math.max(16, capacity));
  }

  #grow(extra: number): void {
    const need = this.length + extra;
    if (need <= this.out.length) return;
    const size = Math.max(need, Math.ceil(this.out.length * 1.5));
    const out = new Uint16Array(size);
    out.set(this.out.subarray(0, this.length));
    this.out = out;
    if (this.map) {
      const map = new Uint32Array(size);
      map.set(this.map.subarray(0, this.length));
      this.map = map;
    }
  }

  /** Starts keeping the map: everything so far folded one to one. */
  #startMap(): void {
    const map = new Uint32Array(this.out.length);
    for (let i = 0; i < this.length; i++) map[i] = i;
    this.map = map;
  }

  one(code: number, from: number): void {
    if (!this.map && this.length !== from) this.#startMap();
    if (this.length >= this.out.length) this.#grow(1);
    if (this.map) this.map[this.length] = from;
    this.out[this.length++] = code;
  }

  many(folded: string, from: number, width: number): void {
    if (folded.length === width && !this.map && this.length === from) {
      for (let i = 0; i < width; i++) this.one(folded.charCodeAt(i), from + i);
      return;
    }
    if (!this.map) this.#startMap();
    this.#grow(folded.length);
    for (let i = 0; i < folded.length; i++) {
      this.map![this.length] = from;
      this.out[this.length++] = folded.charCodeAt(i);
    }
  }

  finish(original: number): FoldedText {
    // One native decode instead of millions of string appends (a lone surrogate becomes U+FFFD, one unit for one).
    const folded = new TextDecoder('utf-16le').decode(this.out.subarray(0, this.length));
    return { length: original, folded, map: this.map ? this.map.slice(0, this.length) : null };
  }
}

/**
 * Folds `text` for finding, yielding to the event loop between slices.
 * Rejects with {@link SearchCancelled} once `signal` is aborted.
 */
export async function foldText(text: string, signal?: AbortSignal): Promise<FoldedText> {
  const builder = new Builder(text.length + 16);
  const n = text.length;
  for (let sliceStart = 0; sliceStart < n; sliceStart += SLICE) {
    if (sliceStart > 0) {
      await yieldToEventLoop();
      if (signal?.aborted) throw new SearchCancelled();
    }
    const sliceEnd = Math.min(n, sliceStart + SLICE);
    for (let i = sliceStart; i < sliceEnd; i++) {
      const code = text.charCodeAt(i);
      if (code < 128) {
        builder.one(foldAscii(code), i);
        continue;
      }
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          // Astral characters (emoji, historic scripts) are matched as they are.
          builder.one(code, i);
          builder.one(low, i + 1);
          i++;
          continue;
        }
      }
      const folded = foldCode(code);
      if (folded.length === 1) builder.one(folded.charCodeAt(0), i);
      else builder.many(folded, i, 1);
    }
  }
  return builder.finish(n);
}

/** Where a folded match [start, end) lies in the original text. */
export function originalRange(text: FoldedText, start: number, end: number): { start: number; end: number } {
  const { map } = text;
  if (!map) return { start, end };
  const from = map[start]!;
  // The end is where the next folded unit's character starts, past any combining marks the fold dropped;
  // a match ending inside a character that folded to several units covers all of that character.
  let after = end;
  const last = map[end - 1]!;
  while (after < map.length && map[after]! === last) after++;
  const to = after < map.length ? map[after]! : text.length;
  return { start: from, end: Math.max(to, from + 1) };
}
