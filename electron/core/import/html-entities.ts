/**
 * Decodes HTML character references in text that Markdown left encoded.
 * marked keeps `&amp;`, `&copy;` and the like in its text tokens (its HTML
 * renderer passes them through); Diptych shows text, so it decodes them.
 */
import { Parser } from 'htmlparser2';

// CommonMark recognises only references closed by a semicolon; "&copy" stays as typed.
const CHARACTER_REFERENCE = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;

// Texts repeat the same few references, and each lookup runs a small parser.
const decoded = new Map<string, string>();
const MAX_CACHED = 4096;

function decodeReference(reference: string): string {
  const known = decoded.get(reference);
  if (known !== undefined) return known;
  let result = '';
  const parser = new Parser({ ontext: (text) => (result += text) }, { decodeEntities: true });
  parser.end(reference);
  // htmlparser2 also decodes a known prefix ("&copyx;" as "©x;"); CommonMark leaves such a reference alone.
  const value = result.endsWith(';') || Array.from(result).length > 2 ? reference : result;
  if (decoded.size < MAX_CACHED) decoded.set(reference, value);
  return value;
}

/** `text` with every complete character reference ("&amp;", "&#233;", "&#x20AC;") replaced by its character. */
export function decodeHtmlEntities(text: string): string {
  return text.includes('&') ? text.replace(CHARACTER_REFERENCE, decodeReference) : text;
}
