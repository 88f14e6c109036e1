/**
 * Notes are Markdown, and a note may come from an imported file: it is
 * rendered with marked and then sanitised with DOMPurify, so nothing in it
 * can run. Raw HTML is shown as the text it is; images become links (a
 * note never fetches anything); only http(s) and mailto links survive, and
 * web links open outside the app window.
 */
import DOMPurify, { type Config } from 'dompurify';
import { Marked, type Tokens } from 'marked';
import { titleKey } from './mentions';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML, attribute values included. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

interface MentionToken {
  type: 'mention';
  raw: string;
  title: string;
}

const markdown = new Marked({
  gfm: true,
  breaks: true,
  renderer: {
    // Raw HTML is shown, not interpreted: a note is text, and this keeps imported notes inert even before sanitising.
    html(token: Tokens.HTML | Tokens.Tag): string {
      return escapeHtml(token.text);
    },
    image(token: Tokens.Image): string {
      const label = escapeHtml(token.text || token.href);
      return `<a href="${escapeHtml(token.href)}">${label}</a>`;
    },
  },
  extensions: [
    {
      name: 'mention',
      level: 'inline',
      start(src: string) {
        const at = src.indexOf('[[');
        return at < 0 ? undefined : at;
      },
      tokenizer(src: string): MentionToken | undefined {
        const match = /^\[\[([^[\]\n]{1,200})\]\]/.exec(src);
        if (!match || !match[1]!.trim()) return undefined;
        return { type: 'mention', raw: match[0], title: match[1]!.trim() };
      },
      renderer(token) {
        const title = String((token as unknown as MentionToken).title);
        return `<button type="button" class="mention" data-mention="${escapeHtml(titleKey(title))}">${escapeHtml(title)}</button>`;
      },
    },
  ],
});

/** Only these schemes survive: javascript:, data:, vbscript:, file: and relative links are dropped. */
const SAFE_URL = /^(?:https?:|mailto:)/i;

// DOMPurify's own URI policy already drops script-capable schemes; the hook below narrows links to SAFE_URL.
const PURIFY_CONFIG: Config = {
  FORBID_TAGS: ['style', 'script', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'textarea', 'select', 'option', 'svg', 'math', 'img', 'picture', 'video', 'audio', 'source', 'track', 'link', 'meta', 'base', 'template', 'dialog'],
  FORBID_ATTR: ['style', 'srcset', 'action', 'formaction', 'xlink:href', 'target', 'rel', 'id', 'name', 'form', 'ping', 'background'],
  ALLOW_UNKNOWN_PROTOCOLS: false,
};

let purifier: ReturnType<typeof DOMPurify> | null = null;

/** A DOMPurify of our own, so its link hook does not leak into other users of the library. */
function getPurifier(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  const instance = DOMPurify(window);
  instance.addHook('afterSanitizeAttributes', (node) => {
    for (const attribute of ['href', 'src', 'cite', 'poster', 'background']) {
      const value = node.getAttribute(attribute);
      if (value !== null && !SAFE_URL.test(value.trim())) node.removeAttribute(attribute);
    }
    if (node.nodeName === 'A' && /^https?:/i.test(node.getAttribute('href')?.trim() ?? '')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noreferrer noopener');
    }
  });
  purifier = instance;
  return instance;
}

/** Renders a note's Markdown to HTML that is safe to insert into the page. */
export function renderMarkdown(source: string): string {
  const html = markdown.parse(source, { async: false });
  return getPurifier().sanitize(html, PURIFY_CONFIG);
}
