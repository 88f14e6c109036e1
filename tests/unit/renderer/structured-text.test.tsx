// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { htmlToDocument } from '../../../electron/core/import/html-to-document';
import { markdownToDocument } from '../../../electron/core/import/markdown-to-document';
import { DecorationIndex, type DecorationRange } from '../../../renderer/src/annotations/decorations';
import { buildStructure, type DocumentStructure } from '../../../renderer/src/reader/document-structure';
import { linkClickAction } from '../../../renderer/src/reader/link-confirm';
import { offsetFromPoint, rangeFromOffsets, selectionToOffsets, textNodesOf } from '../../../renderer/src/reader/text-offsets';
import { renderText, seededRandom } from './render-text';

afterEach(cleanup);

/** A Markdown document with every kind of span the importer makes. */
const MARKDOWN = `# The Pact of 1939

A paragraph with *emphasis*, **strong words**, \`inline code\`, a [treaty link](https://example.org/treaty) and <mailto:archive@example.org>.

## Lists

- First item
- Second item with **bold** and a [link](http://example.org/a)
  - Nested item
  - Another *nested* one
- Third

3. Three
4. Four

> A quoted paragraph
> over two lines.
>
> > A quote inside the quote.

\`\`\`
function hello() {

  return 42;
}
\`\`\`

### A smaller heading

Some **bold across [a link](https://example.org/b) inside** it.

---

Final paragraph after a rule.

***
`;

function renderDocument(text: string, structure: DocumentStructure | null, decorations?: DecorationRange[], onAnnotationClick?: (ids: string[]) => void): HTMLElement {
  return renderText(text, { title: 'Structured', structure, decorations: decorations ? new DecorationIndex(decorations) : undefined, onAnnotationClick });
}

function markdown(source = MARKDOWN) {
  const doc = markdownToDocument(source);
  return { text: doc.text, structure: buildStructure(doc.structure, doc.text.length) };
}

function expectRoundTrip(root: HTMLElement, text: string, start: number, end: number): void {
  const range = rangeFromOffsets(root, start, end);
  expect(range, `range ${start}–${end}`).not.toBeNull();
  expect(range!.toString()).toBe(text.slice(start, end));
  expect(offsetFromPoint(root, range!.startContainer, range!.startOffset)).toBe(start);
  expect(offsetFromPoint(root, range!.endContainer, range!.endOffset)).toBe(end);
}

describe('a Markdown document with every kind of span', () => {
  it('renders exactly its text: markers and rules add no characters', () => {
    const { text, structure } = markdown();
    const root = renderDocument(text, structure);
    expect(root.textContent).toBe(text);
    expect(root.textContent).not.toContain('•');
    for (const block of root.querySelectorAll('[data-block-start]')) {
      const start = Number(block.getAttribute('data-block-start'));
      const end = Number(block.getAttribute('data-block-end'));
      expect(textNodesOf(block).map((t) => t.data).join('')).toBe(text.slice(start, end));
    }
  });

  it('maps every character to its offset and back, across every element', () => {
    const { text, structure } = markdown();
    const root = renderDocument(text, structure);
    for (let i = 0; i < text.length; i++) expectRoundTrip(root, text, i, i + 1);
    const random = seededRandom(7);
    for (let i = 0; i < 300; i++) {
      const a = Math.floor(random() * (text.length + 1));
      const b = Math.floor(random() * (text.length + 1));
      expectRoundTrip(root, text, Math.min(a, b), Math.max(a, b));
    }
    expectRoundTrip(root, text, 0, text.length);
  });

  it('gives headings their level, in the accessibility tree', () => {
    const { text, structure } = markdown();
    renderDocument(text, structure);
    const headings = screen.getAllByRole('heading');
    expect(headings.map((h) => [h.getAttribute('aria-level'), h.textContent?.trim()])).toEqual([
      ['1', 'The Pact of 1939'],
      ['2', 'Lists'],
      ['3', 'A smaller heading'],
    ]);
    expect(screen.getByRole('heading', { level: 2, name: 'Lists' })).toBeTruthy();
  });

  it('draws list markers from attributes, indented by depth', () => {
    const { text, structure } = markdown();
    const root = renderDocument(text, structure);
    const items = [...root.querySelectorAll('.row-body[data-marker]')];
    expect(items.map((item) => [item.getAttribute('data-marker'), item.textContent?.trim()])).toEqual([
      ['•', 'First item'],
      ['•', 'Second item with bold and a link'],
      ['◦', 'Nested item'],
      ['◦', 'Another nested one'],
      ['•', 'Third'],
      ['3.', 'Three'],
      ['4.', 'Four'],
    ]);
    const level = (body: Element) => (body as HTMLElement).style.getPropertyValue('--list-level');
    expect(items.map(level)).toEqual(['1', '1', '2', '2', '1', '1', '1']);
    expect(items[5]!.getAttribute('data-ordered')).toBe('true');
    // Items of a tight list sit close together.
    expect(items[0]!.closest('.text-row')!.getAttribute('data-gap')).toBe('list');
  });

  it('draws quotes with their depth, code blocks in one box, and rules outside the text', () => {
    const { text, structure } = markdown();
    const root = renderDocument(text, structure);
    const quoted = [...root.querySelectorAll('.row-body[data-quote]')];
    expect(quoted.map((q) => [q.getAttribute('data-quote'), q.textContent?.trim()])).toEqual([
      ['1', 'A quoted paragraph over two lines.'],
      ['2', 'A quote inside the quote.'],
    ]);
    expect(quoted[0]!.getAttribute('data-quote-continues')).toBe('true');
    const code = [...root.querySelectorAll('.row-body[data-kind="code-block"]')];
    expect(code).toHaveLength(2);
    expect(code[0]!.getAttribute('data-code-start')).toBe('true');
    expect(code[0]!.getAttribute('data-code-end')).toBeNull();
    expect((code[0] as HTMLElement).style.getPropertyValue('--code-blank-lines')).toBe('1');
    expect(code[1]!.getAttribute('data-code-end')).toBe('true');
    expect(code.map((c) => c.textContent).join('\n\n')).toContain('  return 42;\n}');
    const rules = root.querySelectorAll('[role="separator"]');
    expect(rules).toHaveLength(2);
    for (const rule of rules) expect(rule.hasAttribute('data-offset-ignore')).toBe(true);
    // The second rule ends the text, so it is drawn after the last row.
    expect(rules[1]!.previousElementSibling?.classList.contains('row-body')).toBe(true);
  });

  it('formats words inline, links included, each only as far as it goes', () => {
    const { text, structure } = markdown();
    const root = renderDocument(text, structure);
    expect([...root.querySelectorAll('em')].map((e) => e.textContent)).toEqual(['emphasis', 'nested']);
    expect([...root.querySelectorAll('strong')].map((e) => e.textContent)).toEqual(['strong words', 'bold', 'bold across a link inside']);
    expect([...root.querySelectorAll('code')].map((e) => e.textContent)).toEqual(['inline code']);
    const links = [...root.querySelectorAll('a')];
    expect(links.map((a) => [a.textContent, a.getAttribute('data-document-link')])).toEqual([
      ['treaty link', 'https://example.org/treaty'],
      ['mailto:archive@example.org', 'mailto:archive@example.org'],
      ['link', 'http://example.org/a'],
      ['a link', 'https://example.org/b'],
    ]);
    for (const link of links) {
      // No href: the browser can never follow, drag or middle-click-open it; Diptych asks first.
      expect(link.hasAttribute('href')).toBe(false);
      expect(link.getAttribute('role')).toBe('link');
      expect(link.tabIndex).toBe(0);
    }
    expect(screen.getByRole('link', { name: 'treaty link' })).toBe(links[0]);
    // Nested inline spans nest as elements.
    expect(links[3]!.parentElement!.tagName).toBe('STRONG');
  });
});

describe('highlights over formatted words', () => {
  const { text, structure } = markdown();
  const from = text.indexOf('strong words') + 7;
  const to = text.indexOf('treaty link') + 6;
  const highlight: DecorationRange = { id: 'h1', start: from, end: to, kind: 'highlight', colour: 'green', order: 0 };
  const note: DecorationRange = { id: 'n1', start: text.indexOf('a link inside'), end: text.indexOf('link inside') + 4, kind: 'note', order: 0, label: 'Note' };

  it('splits a highlight at every formatting boundary, and the pieces spell the passage', () => {
    const root = renderDocument(text, structure, [highlight, note]);
    expect(root.textContent).toBe(text);
    const marks = [...root.querySelectorAll('mark.anno[data-annotation-ids="h1"]')];
    expect(marks.map((m) => m.textContent).join('')).toBe(text.slice(from, to));
    expect(marks.length).toBeGreaterThanOrEqual(4);
    // Marks sit inside the formatting, never around it.
    expect(marks.some((m) => m.parentElement!.tagName === 'STRONG')).toBe(true);
    expect(marks.some((m) => m.parentElement!.tagName === 'CODE')).toBe(true);
    expect(marks.some((m) => m.parentElement!.tagName === 'A')).toBe(true);
    expect(root.querySelector('strong mark, code mark, a mark')).not.toBeNull();
    expect(root.querySelector('mark strong, mark code, mark a, mark em')).toBeNull();
  });

  it('keeps offsets exact through highlights inside formatting', () => {
    const root = renderDocument(text, structure, [highlight, note]);
    for (let i = from - 3; i < to + 3; i++) expectRoundTrip(root, text, i, i + 1);
    expectRoundTrip(root, text, from, to);
    const range = rangeFromOffsets(root, from, to)!;
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    expect(selectionToOffsets(root, selection)).toEqual({ start: from, end: to });
    selection.removeAllRanges();
  });

  it('puts a note marker after the link its passage ends with, not inside it', () => {
    const root = renderDocument(text, structure, [note]);
    const marker = root.querySelector('[data-marker-for="n1"]')!;
    expect(marker).not.toBeNull();
    expect(marker.closest('a')).toBeNull();
    expect(marker.previousElementSibling?.tagName).toBe('A');
  });

  it('reports a click on highlighted plain words, but a link click goes to the link', () => {
    const clicks: string[][] = [];
    const root = renderDocument(text, structure, [highlight], (ids) => clicks.push(ids));
    const inStrong = root.querySelector('strong mark[data-annotation-ids="h1"]')!;
    fireEvent.click(inStrong);
    expect(clicks).toEqual([['h1']]);
    const inLink = root.querySelector('a mark[data-annotation-ids="h1"]')!;
    fireEvent.click(inLink);
    expect(clicks).toHaveLength(1);
    expect(screen.getByRole('dialog', { name: 'Open link?' })).toBeTruthy();
    expect(screen.getByTestId('link-confirm-address').textContent).toBe('https://example.org/treaty');
  });
});

describe('links', () => {
  beforeEach(() => {
    vi.spyOn(window, 'open').mockImplementation(() => null);
  });
  afterEach(() => vi.restoreAllMocks());

  it('asks before opening, and opens in a new, unconnected tab only when told to', () => {
    const { text, structure } = markdown();
    const root = renderDocument(text, structure);
    const link = [...root.querySelectorAll('a')].find((a) => a.textContent === 'treaty link')!;
    fireEvent.click(link);
    expect(window.open).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(window.open).not.toHaveBeenCalled();
    fireEvent.click(link);
    fireEvent.click(screen.getByRole('button', { name: 'Open in browser' }));
    expect(window.open).toHaveBeenCalledWith('https://example.org/treaty', '_blank', 'noopener,noreferrer');
    expect(window.location.href).not.toContain('example.org');
  });

  it('asks on Enter too, when a link has the keyboard', () => {
    const { text, structure } = markdown();
    const root = renderDocument(text, structure);
    const link = [...root.querySelectorAll<HTMLElement>('a')].find((a) => a.textContent === 'link')!;
    link.focus();
    fireEvent.keyDown(link, { key: 'Enter' });
    expect(screen.getByTestId('link-confirm-address').textContent).toBe('http://example.org/a');
    fireEvent.click(screen.getByRole('button', { name: 'Open in browser' }));
    expect(window.open).toHaveBeenCalledWith('http://example.org/a', '_blank', 'noopener,noreferrer');
  });

  it('in the desktop app, hands a web link to the app’s own guard (which asks) and offers to copy an e-mail address', () => {
    window.diptych = { invoke: vi.fn() } as unknown as typeof window.diptych;
    try {
      const { text, structure } = markdown();
      const root = renderDocument(text, structure);
      const links = [...root.querySelectorAll('a')];
      fireEvent.click(links.find((a) => a.textContent === 'treaty link')!);
      expect(screen.queryByRole('dialog')).toBeNull();
      expect(window.open).toHaveBeenCalledWith('https://example.org/treaty', '_blank', 'noopener,noreferrer');
      fireEvent.click(links.find((a) => a.textContent?.startsWith('mailto:'))!);
      expect(screen.getByRole('dialog', { name: 'Write an e-mail?' })).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Copy address' })).toBeTruthy();
      expect(window.open).toHaveBeenCalledTimes(1);
    } finally {
      delete window.diptych;
    }
  });

  it('decides per click: nothing after a drag, the app guard in the desktop app, a question elsewhere', () => {
    const collapsed = { isCollapsed: true, toString: () => '' } as unknown as Selection;
    const dragged = { isCollapsed: false, toString: () => 'some words' } as unknown as Selection;
    expect(linkClickAction('https://example.org/', dragged, false)).toEqual({ kind: 'ignore' });
    expect(linkClickAction('https://example.org/', collapsed, true)).toEqual({ kind: 'default', href: 'https://example.org/' });
    expect(linkClickAction('mailto:a@example.org', collapsed, true)).toEqual({ kind: 'ask', href: 'mailto:a@example.org' });
    expect(linkClickAction('https://example.org/', collapsed, false)).toEqual({ kind: 'ask', href: 'https://example.org/' });
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', 'file:///etc/passwd', '/relative', 'https://exa mple.org', null]) {
      expect(linkClickAction(bad, collapsed, false)).toEqual({ kind: 'ignore' });
    }
  });
});

describe('the structure the renderer accepts', () => {
  it('drops spans it cannot trust: unknown kinds, bad offsets, unsafe links', () => {
    const text = 'Heading\n\nclick here now\n\nend';
    const structure = buildStructure(
      [
        { kind: 'heading', level: 2, start: 0, end: 7 },
        { kind: 'script', start: 9, end: 14 },
        { kind: 'link', href: 'javascript:alert(1)', start: 9, end: 14 },
        { kind: 'link', href: ' https://ok.example/ ', start: 15, end: 19 },
        { kind: 'link', href: 'https://bad.example/', start: 20, end: 999 },
        { kind: 'emphasis', start: -1, end: 3 },
        { kind: 'strong', start: 3.5, end: 5 },
        { kind: 'heading', level: 9, start: 25, end: 28 },
        'not a span',
        null,
      ],
      text.length,
    )!;
    expect(structure.blocks).toEqual([
      { kind: 'heading', level: 2, start: 0, end: 7 },
      { kind: 'paragraph', start: 25, end: 28 },
    ]);
    expect(structure.inline.spans).toEqual([{ kind: 'link', href: 'https://ok.example/', start: 15, end: 19 }]);
    const root = renderDocument(text, structure);
    expect(root.textContent).toBe(text);
    expect([...root.querySelectorAll('a')].map((a) => a.getAttribute('data-document-link'))).toEqual(['https://ok.example/']);
  });

  it('leaves a plain text without structure drawn exactly as plain text', () => {
    expect(buildStructure(undefined, 10)).toBeNull();
    expect(buildStructure([], 10)).toBeNull();
    const text = 'One paragraph.\n\nAnother *one*, not Markdown.\n';
    const root = renderDocument(text, null);
    expect(root.textContent).toBe(text);
    expect(root.querySelector('.row-body, .text-row-structured, em, a, [role="heading"]')).toBeNull();
    expect(root.hasAttribute('data-structured')).toBe(false);
    // Rows hold their blocks directly, as they always have.
    for (const row of root.querySelectorAll('.text-row')) for (const child of row.children) expect(child.className).toBe('text-block');
  });

  it('draws HTML the same way: headings, lists and links, and nothing that runs', () => {
    const doc = htmlToDocument(
      '<h2>Title</h2><p onclick="alert(1)">Hello <a href="javascript:alert(1)">bad</a> and <a href="https://example.org/">good</a>.</p><ul><li>one</li><li>two</li></ul><script>alert(1)</script><img src=x onerror=alert(1)>',
    );
    const root = renderDocument(doc.text, buildStructure(doc.structure, doc.text.length));
    expect(root.textContent).toBe(doc.text);
    expect(screen.getByRole('heading', { level: 2 }).textContent?.trim()).toBe('Title');
    expect([...root.querySelectorAll('a')].map((a) => a.getAttribute('data-document-link'))).toEqual(['https://example.org/']);
    expect(root.querySelector('[href]')).toBeNull();
    expect(root.querySelectorAll('.row-body[data-marker]')).toHaveLength(2);
    expect(root.querySelector('script, img, [onclick], [onerror]')).toBeNull();
  });
});

describe('a long structured document', () => {
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(900);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(700);
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
      // The virtual list measures its chunks of rows: 120 px a row.
      return this.classList.contains('text-chunk') ? 120 * this.querySelectorAll('.text-row').length : this.classList.contains('text-row') ? 120 : 0;
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('virtualises, and the rendered rows keep their structure and offsets', () => {
    const sections: string[] = [];
    for (let i = 0; i < 2500; i++) sections.push(`## Section ${i}\n\nSome *words* in section ${i}, with a [link](https://example.org/${i}).\n\n- item ${i}\n- **bold** item\n`);
    const { text, structure } = markdown(sections.join('\n'));
    const root = renderDocument(text, structure);
    expect(root.getAttribute('data-virtual')).toBe('true');
    const blocks = root.querySelectorAll('[data-block-start]');
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.length).toBeLessThan(200);
    for (const block of blocks) {
      const start = Number(block.getAttribute('data-block-start'));
      const end = Number(block.getAttribute('data-block-end'));
      expect(block.textContent).toBe(text.slice(start, end));
      expectRoundTrip(root, text, start, end);
    }
    expect(root.querySelectorAll('[role="heading"]').length).toBeGreaterThan(0);
    expect(root.querySelectorAll('.row-body[data-marker]').length).toBeGreaterThan(0);
    expect(root.querySelectorAll('a.doc-link').length).toBeGreaterThan(0);
  });
});
