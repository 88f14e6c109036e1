/**
 * Splits a document's text into render blocks (paragraphs, and pieces of
 * very long paragraphs) that cover the text exactly: block i ends where
 * block i+1 starts, the first starts at 0 and the last ends at text.length.
 * Offsets are UTF-16 code units, the unit of every anchor in Diptych.
 */

/** One render block: content [start, contentEnd) followed by its separator [contentEnd, end). */
export interface TextBlock {
  start: number;
  /** End of the visible content; the rest up to `end` is the line-break run after it. */
  contentEnd: number;
  end: number;
  /** Line breaks in the separator (0 when the block is a piece of a longer paragraph). */
  breaks: number;
}

export interface SegmentOptions {
  /** Longest block content; longer paragraphs are cut at a space near this length. */
  maxBlockChars?: number;
}

const DEFAULT_MAX_BLOCK_CHARS = 2000;

/**
 * Texts that separate paragraphs by blank lines keep single line breaks
 * inside a paragraph (verse, addresses); texts without blank lines use one
 * paragraph per line, as in the second source text.
 */
function separatorPattern(text: string): RegExp {
  // Trailing newlines (the scenario ends with ten) say nothing about paragraph style.
  return /\n[ \t]*\r?\n/.test(text.trimEnd()) ? /\r?\n(?:[ \t]*\r?\n)+|(?:\r?\n[ \t]*)+$/g : /(?:\r?\n)+/g;
}

function countBreaks(separator: string): number {
  let breaks = 0;
  for (let i = 0; i < separator.length; i++) if (separator.charCodeAt(i) === 10) breaks++;
  return breaks;
}

/** Finds a cut point at or before `limit`, after a space if one is near, never inside a surrogate pair. */
function cutPoint(text: string, from: number, limit: number): number {
  const floor = from + Math.floor((limit - from) / 2);
  for (let i = limit; i > floor; i--) {
    const c = text.charCodeAt(i - 1);
    if (c === 32 || c === 9) return i;
  }
  const low = text.charCodeAt(limit);
  return low >= 0xdc00 && low <= 0xdfff ? limit - 1 : limit;
}

/** Segments `text` into contiguous blocks. An empty text gives no blocks. */
export function segmentText(text: string, options: SegmentOptions = {}): TextBlock[] {
  const maxChars = Math.max(16, options.maxBlockChars ?? DEFAULT_MAX_BLOCK_CHARS);
  const blocks: TextBlock[] = [];
  const pushContent = (start: number, contentEnd: number, end: number, breaks: number): void => {
    let from = start;
    while (contentEnd - from > maxChars) {
      const cut = cutPoint(text, from, from + maxChars);
      blocks.push({ start: from, contentEnd: cut, end: cut, breaks: 0 });
      from = cut;
    }
    blocks.push({ start: from, contentEnd, end, breaks });
  };

  const pattern = separatorPattern(text);
  let position = 0;
  for (const match of text.matchAll(pattern)) {
    const sepStart = match.index;
    const sepEnd = sepStart + match[0].length;
    if (sepEnd === sepStart) continue;
    pushContent(position, sepStart, sepEnd, countBreaks(match[0]));
    position = sepEnd;
  }
  if (position < text.length) pushContent(position, text.length, text.length, 0);
  return blocks;
}

/** Index of the block containing `offset` (the last block for offset === text length); -1 if none. */
export function findBlockIndex(blocks: readonly TextBlock[], offset: number): number {
  if (blocks.length === 0) return -1;
  let low = 0;
  let high = blocks.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (blocks[mid]!.start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Whether the code point at `i` is a letter or a digit; ASCII without a regular expression. */
function isWordCodePoint(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return LETTER_OR_DIGIT.test(String.fromCodePoint(code));
}

/**
 * Counts words the way a reader would: runs of letters or digits, apostrophes
 * inside words allowed (the words of /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)* /u).
 * A scan rather than that regular expression: it runs on every imported
 * text, and a match object per word was a quarter of an import's time.
 */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    if (isWordCodePoint(code)) {
      if (!inWord) count++;
      inWord = true;
    } else if (inWord && (code === 0x27 || code === 0x2019) && i + 1 < text.length && isWordCodePoint(text.codePointAt(i + 1)!)) {
      // "don't", "Stalin’s": the apostrophe joins the two runs into one word.
    } else {
      inWord = false;
    }
    i += width - 1;
  }
  return count;
}
