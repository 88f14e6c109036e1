// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../../renderer/src/annotations/markdown';

/** Renders into a detached element, as the note view does, and returns it. */
function rendered(markdown: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = renderMarkdown(markdown);
  return host;
}

/** Everything that could run or load: scripts, frames, styles, embedded media, handlers, unsafe URLs. */
function dangers(root: HTMLElement): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (['script', 'iframe', 'frame', 'object', 'embed', 'style', 'svg', 'math', 'img', 'video', 'audio', 'form', 'input', 'link', 'meta', 'base', 'template'].includes(tag)) found.push(`<${tag}>`);
    for (const attr of el.getAttributeNames()) {
      if (attr.startsWith('on')) found.push(`${tag}[${attr}]`);
      if (['style', 'srcset', 'formaction', 'action', 'xlink:href'].includes(attr)) found.push(`${tag}[${attr}]`);
      if (['href', 'src'].includes(attr) && !/^(?:https?:|mailto:)/i.test(el.getAttribute(attr)!.trim())) found.push(`${tag}[${attr}=${el.getAttribute(attr)}]`);
    }
  }
  return found;
}

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '[x](JaVaScRiPt:alert(1))',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<iframe src="https://example.com"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![x](data:image/svg+xml,<svg onload=alert(1)>)',
  '<style>body { display: none }</style>',
  '<div onclick="alert(1)" onmouseover="alert(2)">hover</div>',
  '<p style="background:url(javascript:alert(1))">x</p>',
  '[x](&#106;avascript:alert(1))',
  '[x](&#x6A;avascript&#x3A;alert(1))',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '[x](java\nscript:alert(1))',
  '[x](  javascript:alert(1))',
  '[x](vbscript:msgbox(1))',
  '<a href="file:///etc/passwd">x</a>',
  '<form action="https://evil.example"><button formaction="javascript:alert(1)">go</button></form>',
  '<details open ontoggle=alert(1)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '[[x" onmouseover="alert(1)]]',
  '<button onclick=alert(1)>click</button>',
];

describe('renderMarkdown', () => {
  it.each(PAYLOADS)('renders %s inert', (payload) => {
    const root = rendered(payload);
    expect(dangers(root)).toEqual([]);
    // Typed HTML may be shown as text (&lt;script&gt;), but never as a tag or an attribute.
    expect(root.innerHTML).not.toMatch(/<(?:script|iframe|img|svg|style|object|embed|math|form|base|meta)\b/i);
    expect(root.innerHTML).not.toMatch(/<[a-z][^>]*\s(?:href|src|action|data)\s*=\s*"\s*(?:javascript|data|vbscript):/i);
  });

  it('still renders ordinary Markdown: bold, lists, headings, quotes and code', () => {
    const root = rendered('# Title\n\nSome **bold** and *italic* words.\n\n- one\n- two\n\n1. first\n\n> quoted\n\n`code`');
    expect(root.querySelector('h1')?.textContent).toBe('Title');
    expect(root.querySelector('strong')?.textContent).toBe('bold');
    expect(root.querySelector('em')?.textContent).toBe('italic');
    expect([...root.querySelectorAll('ul li')].map((li) => li.textContent)).toEqual(['one', 'two']);
    expect(root.querySelector('ol li')?.textContent).toBe('first');
    expect(root.querySelector('blockquote')?.textContent?.trim()).toBe('quoted');
    expect(root.querySelector('code')?.textContent).toBe('code');
  });

  it('shows raw HTML as the text that was typed', () => {
    const root = rendered('Before <b>not bold</b> after');
    expect(root.querySelector('b')).toBeNull();
    expect(root.textContent).toContain('<b>not bold</b>');
  });

  it('opens web links outside the app, without a referrer, and keeps mailto', () => {
    const root = rendered('[site](https://example.com/a) and [mail](mailto:someone@example.com)');
    const [web, mail] = [...root.querySelectorAll('a')];
    expect(web!.getAttribute('href')).toBe('https://example.com/a');
    expect(web!.getAttribute('target')).toBe('_blank');
    expect(web!.getAttribute('rel')).toContain('noreferrer');
    expect(mail!.getAttribute('href')).toBe('mailto:someone@example.com');
    expect(mail!.hasAttribute('target')).toBe(false);
  });

  it('turns images into links, so a note never loads anything', () => {
    const root = rendered('![a map](https://example.com/map.png)');
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('a')?.textContent).toBe('a map');
  });

  it('drops relative and fragment links, which would navigate the app window', () => {
    const root = rendered('[here](#top) [there](../settings) [up](/etc)');
    for (const a of root.querySelectorAll('a')) expect(a.hasAttribute('href')).toBe(false);
  });

  it('renders [[Title]] mentions as buttons naming the note', () => {
    const root = rendered('See [[Chestnut speech]] and [[ Guarantee to Poland ]].');
    const buttons = [...root.querySelectorAll('button.mention')];
    expect(buttons.map((b) => b.textContent)).toEqual(['Chestnut speech', 'Guarantee to Poland']);
    expect(buttons[0]!.getAttribute('data-mention')).toBe('chestnut speech');
    expect(buttons[0]!.getAttribute('type')).toBe('button');
  });
});
