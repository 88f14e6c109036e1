/**
 * Hostile HTML and Markdown: whatever a page tries, the document holds only
 * text and safe links, and the reader's words around the attack survive.
 */
import { describe, expect, it } from 'vitest';
import { htmlToDocument } from '../../../electron/core/import/html-to-document';
import { markdownToDocument } from '../../../electron/core/import/markdown-to-document';
import { expectInert, expectWellFormed } from './document-assertions';

interface HostileCase {
  name: string;
  html: string;
  /** Words a browser would show, which must survive. */
  keep?: string[];
  /** The attack leaves an element open that, as in a browser, takes the rest of the page with it. */
  swallowsRest?: boolean;
}

const HOSTILE_HTML: HostileCase[] = [
  { name: 'inline script', html: '<script>alert(1)</script>' },
  { name: 'upper-case script with a remote source', html: '<SCRIPT SRC=//evil.example/x.js></SCRIPT>' },
  { name: 'script whose text holds a closing tag in a string', html: '<script>document.write("</p>")</script>' },
  { name: 'img onerror', html: '<img src=x onerror=alert(1)>' },
  { name: 'img onerror with alt text', html: '<img src="x" onerror="alert(1)" alt="a harbour at dusk">', keep: ['a harbour at dusk'] },
  { name: 'svg onload', html: '<svg onload=alert(1)><circle r="10"/></svg>' },
  { name: 'script inside svg', html: '<svg><script>alert(1)</script></svg>' },
  { name: 'svg CDATA breakout', html: '<svg><![CDATA[><image xlink:href="]]><img src=x onerror=alert(1)//"></svg>' },
  { name: 'math mglyph style breakout', html: '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>' },
  { name: 'javascript: link', html: '<a href="javascript:alert(1)">click me</a>', keep: ['click me'] },
  { name: 'mixed-case javascript: link', html: '<a href="JaVaScRiPt:alert(1)">click me</a>', keep: ['click me'] },
  { name: 'whitespace-prefixed javascript: link', html: '<a href=" \n\tjavascript:alert(1)">click me</a>', keep: ['click me'] },
  { name: 'control-character-prefixed javascript: link', html: '<a href="&#x01;javascript:alert(1)">click me</a>', keep: ['click me'] },
  {
    name: 'entity-encoded javascript: link',
    html: '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">click me</a>',
    keep: ['click me'],
  },
  { name: 'tab inside the scheme', html: '<a href="jav&#x09;ascript:alert(1)">click me</a>', keep: ['click me'] },
  { name: 'newline inside the scheme', html: '<a href="jav&#x0A;ascript:alert(1)">click me</a>', keep: ['click me'] },
  { name: 'named-entity colon', html: '<a href="&#x6A;avascript&colon;alert(1)">click me</a>', keep: ['click me'] },
  { name: 'comment inside the scheme', html: '<a href="java<!-- -->script:alert(1)">click me</a>', keep: ['click me'] },
  { name: 'data: URI link', html: '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click me</a>', keep: ['click me'] },
  { name: 'vbscript: link', html: '<a href="vbscript:msgbox(1)">click me</a>', keep: ['click me'] },
  { name: 'file: link', html: '<a href="file:///etc/passwd">click me</a>', keep: ['click me'] },
  { name: 'protocol-relative link', html: '<a href="//evil.example/">click me</a>', keep: ['click me'] },
  { name: 'base href with a relative link', html: '<base href="javascript:alert(1)//"><a href="/relative">click me</a>', keep: ['click me'] },
  { name: 'safe link with an onclick', html: '<a href="https://example.org/" onclick="alert(1)">a safe link</a>', keep: ['a safe link'] },
  { name: 'iframe srcdoc', html: '<iframe srcdoc="<script>alert(1)</script>">fallback</iframe>' },
  { name: 'iframe javascript: src', html: '<iframe src="javascript:alert(1)"></iframe>' },
  { name: 'frameset', html: '<frameset><frame src="javascript:alert(1)"></frameset>' },
  { name: 'style with expression()', html: '<div style="width: expression(alert(1))">styled words</div>', keep: ['styled words'] },
  { name: 'style element with a javascript: url', html: '<style>body { background: url("javascript:alert(1)") }</style>' },
  { name: 'style breakout', html: '<style><img src="</style><img src=x onerror=alert(1)//">' },
  { name: 'link stylesheet', html: '<link rel="stylesheet" href="javascript:alert(1)">' },
  { name: 'meta refresh', html: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">' },
  {
    name: 'form with script actions',
    html: '<form action="javascript:alert(1)"><input type="submit" value="send"><button formaction="javascript:alert(1)">press</button>a label</form>',
    keep: ['a label'],
  },
  { name: 'textarea holding markup', html: '<textarea><script>alert(1)</script></textarea>' },
  { name: 'object and embed', html: '<object data="javascript:alert(1)">object text</object><embed src="javascript:alert(1)">' },
  { name: 'template', html: '<template><script>alert(1)</script>template text</template>' },
  { name: 'noscript breakout', html: '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>' },
  { name: 'xmp holding a script', html: '<xmp><script>alert(1)</script></xmp>' },
  { name: 'conditional comment', html: '<!--[if IE]><script>alert(1)</script><![endif]-->' },
  { name: 'CDATA in HTML', html: '<![CDATA[<script>alert(1)</script>]]>' },
  { name: 'event handler on a paragraph', html: '<p onmouseover="alert(1)">hover words</p>', keep: ['hover words'] },
  { name: 'details ontoggle', html: '<details open ontoggle=alert(1)><summary>summary words</summary></details>', keep: ['summary words'] },
  { name: 'video with a source onerror', html: '<video><source onerror="alert(1)"></video>' },
  { name: 'nested links', html: '<a href="https://example.org/"><a href="javascript:alert(1)">inner words</a></a>', keep: ['inner words'] },
  { name: 'hidden element', html: '<div hidden><script>alert(1)</script>hidden words</div>' },
  { name: 'unclosed attribute quote', html: '<img src="x onerror=alert(1)//', swallowsRest: true },
  { name: 'unclosed script', html: '<script>alert(1)', swallowsRest: true },
];

describe('HTML sanitising', () => {
  it('tries at least 25 hostile inputs', () => {
    expect(HOSTILE_HTML.length).toBeGreaterThanOrEqual(25);
  });

  it.each(HOSTILE_HTML)('neutralises $name', ({ html, keep = [], swallowsRest }) => {
    const doc = htmlToDocument(`<p>before words</p>${html}<p>after words</p>`);
    expectInert(doc);
    expectWellFormed(doc);
    expect(doc.text.startsWith('before words')).toBe(true);
    if (!swallowsRest) expect(doc.text.endsWith('after words')).toBe(true);
    for (const words of keep) expect(doc.text).toContain(words);
    expect(doc.text).not.toMatch(/alert|evil\.example/);
  });

  it('keeps the address of a safe link and nothing else of it', () => {
    const doc = htmlToDocument('<a href="https://example.org/" onclick="alert(1)" style="x">a safe link</a> <a href="mailto:reader@example.org">write</a>');
    expect(doc.structure).toEqual([
      { kind: 'link', href: 'https://example.org/', start: 0, end: 11 },
      { kind: 'link', href: 'mailto:reader@example.org', start: 12, end: 17 },
    ]);
  });

  it('does not take a title from inside dropped content', () => {
    expect(htmlToDocument('<svg><title>svg title</title></svg><h1>Real</h1>').title).toBe('Real');
  });
});

const HOSTILE_MARKDOWN: { name: string; markdown: string; keep?: string[] }[] = [
  { name: 'script block', markdown: '<script>\nalert(1)\n</script>' },
  { name: 'inline script', markdown: 'inline <script>alert(1)</script> words', keep: ['inline', 'words'] },
  { name: 'inline img onerror', markdown: 'an <img src=x onerror=alert(1)> image', keep: ['an', 'image'] },
  { name: 'javascript: link', markdown: '[click me](javascript:alert(1))', keep: ['click me'] },
  { name: 'entity-encoded javascript: link', markdown: '[click me](jav&#x61;script:alert(1))', keep: ['click me'] },
  { name: 'reference-style javascript: link', markdown: '[click me][x]\n\n[x]: javascript:alert(1)', keep: ['click me'] },
  { name: 'data: image', markdown: '![a picture](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)', keep: ['a picture'] },
  { name: 'raw HTML link', markdown: 'a <a href="javascript:alert(1)">click me</a>', keep: ['click me'] },
  { name: 'iframe block', markdown: '<iframe src="https://evil.example/"></iframe>' },
  { name: 'style block', markdown: '<style>\n* { background: url(javascript:alert(1)) }\n</style>' },
  { name: 'HTML block with an event handler', markdown: '<div onclick="alert(1)">div words</div>', keep: ['div words'] },
  { name: 'comment', markdown: 'before <!-- <script>alert(1)</script> --> after', keep: ['before', 'after'] },
  { name: 'unclosed inline script', markdown: 'words <script>alert(1)\n\nnext paragraph', keep: ['words', 'next paragraph'] },
];

describe('Markdown sanitising', () => {
  it.each(HOSTILE_MARKDOWN)('neutralises $name', ({ markdown, keep = [] }) => {
    const doc = markdownToDocument(`before words\n\n${markdown}\n\nafter words`);
    expectInert(doc);
    expectWellFormed(doc);
    expect(doc.text.startsWith('before words')).toBe(true);
    expect(doc.text.endsWith('after words')).toBe(true);
    for (const words of keep) expect(doc.text).toContain(words);
    expect(doc.text).not.toMatch(/alert|evil\.example/);
  });

  it('shows a javascript: autolink as the plain text it is, not as a link', () => {
    const doc = markdownToDocument('<javascript:alert(1)>');
    expect(doc.text).toBe('javascript:alert(1)');
    expect(doc.structure).toEqual([{ kind: 'paragraph', start: 0, end: 19 }]);
  });
});
