/**
 * What each HTML element means to an import. Anything not listed is
 * transparent: its tag is dropped and its text kept, as a browser shows the
 * text of an element it does not know.
 */
import type { InlineAttributes } from './document-builder';

export type ElementRole =
  /** Removed with everything inside it. */
  | { kind: 'drop' }
  | { kind: 'head' }
  | { kind: 'title' }
  | { kind: 'line-break' }
  | { kind: 'rule' }
  | { kind: 'image' }
  /** Has no content and means nothing here (`<meta>`, `<wbr>`). */
  | { kind: 'empty' }
  | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6 }
  | { kind: 'paragraph' }
  | { kind: 'list'; ordered: boolean }
  | { kind: 'list-item' }
  | { kind: 'blockquote' }
  | { kind: 'preformatted' }
  | { kind: 'table-row' }
  | { kind: 'table-cell' }
  /** Starts and ends a run of text, with no span of its own (`<div>`, `<section>`). */
  | { kind: 'boundary' }
  | { kind: 'inline'; attributes: InlineAttributes }
  | { kind: 'link' }
  | { kind: 'transparent' };

const DROP: ElementRole = { kind: 'drop' };
const EMPTY: ElementRole = { kind: 'empty' };
const BOUNDARY: ElementRole = { kind: 'boundary' };
const TRANSPARENT: ElementRole = { kind: 'transparent' };
const EMPHASIS: ElementRole = { kind: 'inline', attributes: { kind: 'emphasis' } };
const STRONG: ElementRole = { kind: 'inline', attributes: { kind: 'strong' } };
const CODE: ElementRole = { kind: 'inline', attributes: { kind: 'code' } };

const ROLES = new Map<string, ElementRole>([
  // Code, styling, embedded and remote content, and things a reader cannot read: gone with their contents.
  ...[
    'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'noscript', 'noembed', 'noframes',
    'template', 'svg', 'math', 'canvas', 'audio', 'video', 'map', 'xmp', 'plaintext', 'slot',
    'input', 'button', 'select', 'option', 'optgroup', 'textarea', 'datalist', 'output', 'progress', 'meter', 'keygen',
  ].map((name): [string, ElementRole] => [name, DROP]),
  ...['meta', 'link', 'base', 'param', 'source', 'track', 'col', 'colgroup', 'wbr', 'area'].map((name): [string, ElementRole] => [name, EMPTY]),
  ['head', { kind: 'head' }],
  ['title', { kind: 'title' }],
  ['br', { kind: 'line-break' }],
  ['hr', { kind: 'rule' }],
  ['img', { kind: 'image' }],
  ['h1', { kind: 'heading', level: 1 }],
  ['h2', { kind: 'heading', level: 2 }],
  ['h3', { kind: 'heading', level: 3 }],
  ['h4', { kind: 'heading', level: 4 }],
  ['h5', { kind: 'heading', level: 5 }],
  ['h6', { kind: 'heading', level: 6 }],
  ['p', { kind: 'paragraph' }],
  ['caption', { kind: 'paragraph' }],
  ['ul', { kind: 'list', ordered: false }],
  ['menu', { kind: 'list', ordered: false }],
  ['dir', { kind: 'list', ordered: false }],
  ['ol', { kind: 'list', ordered: true }],
  ['li', { kind: 'list-item' }],
  ['blockquote', { kind: 'blockquote' }],
  ['pre', { kind: 'preformatted' }],
  ['listing', { kind: 'preformatted' }],
  ['tr', { kind: 'table-row' }],
  ['td', { kind: 'table-cell' }],
  ['th', { kind: 'table-cell' }],
  ...[
    'html', 'body', 'address', 'article', 'aside', 'center', 'details', 'dialog', 'div', 'dl', 'dt', 'dd', 'fieldset',
    'figcaption', 'figure', 'footer', 'form', 'header', 'hgroup', 'legend', 'main', 'nav', 'search', 'section',
    'summary', 'table', 'thead', 'tbody', 'tfoot',
  ].map((name): [string, ElementRole] => [name, BOUNDARY]),
  ['em', EMPHASIS],
  ['i', EMPHASIS],
  ['strong', STRONG],
  ['b', STRONG],
  ['code', CODE],
  ['kbd', CODE],
  ['samp', CODE],
  ['tt', CODE],
  ['a', { kind: 'link' }],
]);

/** The role of an element, by its lower-case tag name. */
export function elementRole(name: string): ElementRole {
  return ROLES.get(name) ?? TRANSPARENT;
}

/** Elements that never have content or a closing tag. */
export const VOID_ELEMENTS: ReadonlySet<string> = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

/** Roles that raw HTML inside a Markdown paragraph may use; block-level tags there are ignored. */
export const INLINE_ROLES: ReadonlySet<ElementRole['kind']> = new Set([
  'drop', 'title', 'line-break', 'image', 'empty', 'inline', 'link', 'transparent',
]);

/** Elements a document's head may hold; anything else means the body has begun. */
export const HEAD_CONTENT: ReadonlySet<string> = new Set(['title', 'meta', 'link', 'base', 'style', 'script', 'noscript', 'template']);
