/**
 * The one gate a link address passes before it is kept. Only web pages and
 * e-mail survive; `javascript:`, `data:`, `vbscript:`, `file:` and relative
 * addresses (which would resolve against the app itself) are dropped, and
 * the link's words stay as plain text.
 */
import { MAX_HREF_LENGTH } from './document-model';

const SAFE_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);

/**
 * The address to keep for a link, or undefined to drop the link. Parsing
 * with the WHATWG URL parser, as a browser would, sees through the tricks
 * that fool a prefix check: tabs and newlines inside the scheme
 * ("jav&#x09;ascript:"), leading spaces and control characters, mixed case.
 * `raw` must already have its HTML entities decoded.
 */
export function safeLinkHref(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (!SAFE_PROTOCOLS.has(url.protocol)) return undefined;
  // The serialised form, not `raw`: it is what the parser understood, with anything odd percent-encoded.
  const href = url.href;
  return href.length <= MAX_HREF_LENGTH ? href : undefined;
}
