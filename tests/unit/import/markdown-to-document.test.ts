import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../electron/core/import/import-error';
import { markdownToDocument } from '../../../electron/core/import/markdown-to-document';
import { segmentText } from '../../../electron/core/text-blocks';
import { expectInert, expectWellFormed, spanTexts } from './document-assertions';

const ESSAY = `# The Pact of *1939*

In August 1939, an **announcement** of a pact between two nations stunned the world.
It was signed in Moscow &amp; published at once — see [the text](https://example.org/pact "Pact").

## What it said

1. Non-aggression
2. Neutrality
   - if attacked
   - by a *third* power

> The pact shocked the West.
>
> - Britain
> - France

---

    indented code

![a map of Poland](https://example.org/map.png) and \`code &amp; more\`.
`;

describe('markdownToDocument', () => {
  const doc = markdownToDocument(ESSAY);

  it('writes each block once, separated by blank lines, without Markdown syntax or list markers', () => {
    expect(doc.text).toBe(
      [
        'The Pact of 1939',
        'In August 1939, an announcement of a pact between two nations stunned the world. It was signed in Moscow & published at once — see the text.',
        'What it said',
        'Non-aggression',
        'Neutrality',
        'if attacked',
        'by a third power',
        'The pact shocked the West.',
        'Britain',
        'France',
        'indented code',
        'a map of Poland and code &amp; more.',
      ].join('\n\n'),
    );
    expectWellFormed(doc);
  });

  it('puts every block in its own render block', () => {
    const blocks = segmentText(doc.text).map((b) => doc.text.slice(b.start, b.contentEnd));
    expect(blocks).toHaveLength(12);
    expect(blocks[3]).toBe('Non-aggression');
  });

  it('marks headings with their levels and takes the first as the title', () => {
    expect(doc.title).toBe('The Pact of 1939');
    const headings = doc.structure.filter((s) => s.kind === 'heading');
    expect(headings.map((h) => [h.level, doc.text.slice(h.start, h.end)])).toEqual([
      [1, 'The Pact of 1939'],
      [2, 'What it said'],
    ]);
  });

  it('marks inline formatting over exactly the words it covers', () => {
    expect(spanTexts(doc, 'emphasis')).toEqual(['1939', 'third']);
    expect(spanTexts(doc, 'strong')).toEqual(['announcement']);
    expect(spanTexts(doc, 'code')).toEqual(['code &amp; more']);
    const links = doc.structure.filter((s) => s.kind === 'link');
    expect(links.map((l) => [l.href, doc.text.slice(l.start, l.end)])).toEqual([['https://example.org/pact', 'the text']]);
  });

  it('describes lists with depth, order and markers, keeping the markers out of the text', () => {
    const items = doc.structure.filter((s) => s.kind === 'list-item');
    expect(items.map((i) => [doc.text.slice(i.start, i.end).split('\n\n')[0], i.ordered, i.depth, i.marker])).toEqual([
      ['Non-aggression', true, 0, '1.'],
      ['Neutrality', true, 0, '2.'],
      ['if attacked', false, 1, '◦'],
      ['by a third power', false, 1, '◦'],
      ['Britain', false, 0, '•'],
      ['France', false, 0, '•'],
    ]);
    // A list item holds its nested list.
    expect(doc.text.slice(items[1]!.start, items[1]!.end)).toBe('Neutrality\n\nif attacked\n\nby a third power');
  });

  it('wraps a quotation around its paragraph and list', () => {
    expect(spanTexts(doc, 'blockquote')).toEqual(['The pact shocked the West.\n\nBritain\n\nFrance']);
  });

  it('places a rule as an empty span at the start of the block after it', () => {
    const rule = doc.structure.find((s) => s.kind === 'rule')!;
    expect(rule.start).toBe(rule.end);
    expect(doc.text.slice(rule.start).startsWith('indented code')).toBe(true);
    expect(spanTexts(doc, 'code-block')).toEqual(['indented code']);
  });

  it('decodes character references in text but not in code, and keeps an image as its alt text', () => {
    expect(doc.text).toContain('Moscow & published');
    expect(doc.text).toContain('a map of Poland and');
    const plain = markdownToDocument('&copy; 2024 &#x20AC;5 &#233;t&#233; &amp;amp; &copy without semicolon &bogus;');
    expect(plain.text).toBe('© 2024 €5 été &amp; &copy without semicolon &bogus;');
  });
});

describe('markdownToDocument: details', () => {
  it('turns soft line breaks into spaces and hard breaks into line breaks', () => {
    const doc = markdownToDocument('one\ntwo  \nthree\\\nfour');
    expect(doc.text).toBe('one two\nthree\nfour');
    expect(doc.structure).toEqual([{ kind: 'paragraph', start: 0, end: 18 }]);
  });

  it('keeps a fenced code block verbatim, indentation and blank lines included', () => {
    const doc = markdownToDocument('Before.\n\n```python\ndef f():\n    return 1\n\n\nprint(f())\n```\n\nAfter.');
    expect(spanTexts(doc, 'code-block')).toEqual(['def f():\n    return 1\n\n\nprint(f())']);
    expectWellFormed(doc);
  });

  it('draws task items with a checkbox marker', () => {
    const doc = markdownToDocument('- [ ] write\n- [x] read');
    expect(doc.text).toBe('write\n\nread');
    expect(doc.structure.map((s) => s.kind === 'list-item' && s.marker)).toEqual(['☐', '☑']);
  });

  it('numbers an ordered list from its first number', () => {
    const doc = markdownToDocument('7. seven\n8. eight');
    expect(doc.structure.map((s) => s.kind === 'list-item' && s.marker)).toEqual(['7.', '8.']);
  });

  it('writes a table as one paragraph per row, cells separated by tabs', () => {
    const doc = markdownToDocument('| Year | Event |\n|---|---|\n| 1939 | **Pact** |\n| 1941 |  |');
    expect(doc.text).toBe('Year\tEvent\n\n1939\tPact\n\n1941');
    expect(spanTexts(doc, 'paragraph')).toEqual(['Year\tEvent', '1939\tPact', '1941']);
    expect(spanTexts(doc, 'strong')).toEqual(['Pact']);
  });

  it('keeps an autolink literal, and links it only if it is a web or mail address', () => {
    const doc = markdownToDocument('See <https://example.org/?a=1&amp;b=2> or <mail@example.org>.');
    expect(doc.text).toBe('See https://example.org/?a=1&amp;b=2 or mail@example.org.');
    expect(doc.structure.filter((s) => s.kind === 'link').map((s) => s.kind === 'link' && s.href)).toEqual([
      'https://example.org/?a=1&amp;b=2',
      'mailto:mail@example.org',
    ]);
  });

  it('applies inline HTML formatting and links, even when tags interleave', () => {
    const doc = markdownToDocument('A <b>bold <i>and</b> italic</i> <a href="https://example.org/">link</a> and<br>break.');
    expect(doc.text).toBe('A bold and italic link and\nbreak.');
    expect(spanTexts(doc, 'strong')).toEqual(['bold and']);
    expect(spanTexts(doc, 'emphasis')).toEqual(['and']);
    expect(spanTexts(doc, 'link')).toEqual(['link']);
    expectWellFormed(doc);
  });

  it('turns an HTML block into blocks, as an HTML file would be', () => {
    const doc = markdownToDocument('Intro.\n\n<div class="note">\n<p>Inside <em>HTML</em>.</p>\n<ul><li>one</li></ul>\n</div>\n\nOutro.');
    expect(doc.text).toBe('Intro.\n\nInside HTML.\n\none\n\nOutro.');
    expect(spanTexts(doc, 'list-item')).toEqual(['one']);
    expectWellFormed(doc);
  });

  it('keeps YAML front matter as a code block and takes its title', () => {
    const doc = markdownToDocument('---\ntitle: "Notes on the Pact"\nauthor: A. Reader\n---\n# Heading\n\nBody.');
    expect(doc.title).toBe('Notes on the Pact');
    expect(spanTexts(doc, 'code-block')).toEqual(['title: "Notes on the Pact"\nauthor: A. Reader']);
    expect(spanTexts(doc, 'heading')).toEqual(['Heading']);
  });

  it('has no title when there is no heading', () => {
    expect(markdownToDocument('Just words.').title).toBeUndefined();
  });

  it('refuses thousands of nested quotations with a message instead of crashing', () => {
    try {
      markdownToDocument('>'.repeat(20_000) + ' deep', { fileName: 'deep.md' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).reason).toBe('too-complex');
      expect((error as ImportError).message).toMatch(/^“deep\.md” is nested too deeply/);
    }
  });

  it('reads a hundred nested quotations', () => {
    const doc = markdownToDocument('>'.repeat(100) + ' deep');
    expect(doc.text).toBe('deep');
    expect(doc.structure.filter((s) => s.kind === 'blockquote')).toHaveLength(100);
    expectWellFormed(doc);
    expectInert(doc);
  });
});
