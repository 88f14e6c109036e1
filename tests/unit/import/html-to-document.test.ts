import { describe, expect, it } from 'vitest';
import { htmlToDocument } from '../../../electron/core/import/html-to-document';
import { segmentText } from '../../../electron/core/text-blocks';
import { expectWellFormed, spanTexts } from './document-assertions';

const PAGE = `<!DOCTYPE html>
<html>
<head>
  <meta charset="utf-8">
  <title>  The Pact &amp; Its   Critics </title>
  <style>h1 { color: red }</style>
</head>
<body>
  <h1>The   <em>Pact</em></h1>
  <p>In August 1939,
     an <strong>announcement</strong> of a pact
     stunned&nbsp;the world.</p>
  <ol start="3">
    <li>Non-aggression</li>
    <li>Neutrality
      <ul><li>if attacked</li></ul>
    </li>
  </ol>
  <blockquote><p>The pact shocked the West.</p></blockquote>
  <pre>
  def f():
      return 1
</pre>
  <hr>
  <p>See <a href="https://example.org/pact">the text</a> and <code>code</code>.</p>
</body>
</html>`;

describe('htmlToDocument', () => {
  const doc = htmlToDocument(PAGE);

  it('keeps the readable text, one block per element, whitespace collapsed as a browser does', () => {
    expect(doc.text).toBe(
      [
        'The Pact',
        'In August 1939, an announcement of a pact stunned\u00a0the world.',
        'Non-aggression',
        'Neutrality',
        'if attacked',
        'The pact shocked the West.',
        '  def f():\n      return 1',
        'See the text and code.',
      ].join('\n\n'),
    );
    expectWellFormed(doc);
    expect(segmentText(doc.text)).toHaveLength(8);
  });

  it('takes the title from <title>, collapsed', () => {
    expect(doc.title).toBe('The Pact & Its Critics');
  });

  it('falls back to the first heading for the title', () => {
    expect(htmlToDocument('<h2>Second-level</h2><h1>First</h1>').title).toBe('Second-level');
    expect(htmlToDocument('<p>none</p>').title).toBeUndefined();
  });

  it('marks headings, lists, quotations, code and rules', () => {
    expect(spanTexts(doc, 'heading')).toEqual(['The Pact']);
    expect(spanTexts(doc, 'emphasis')).toEqual(['Pact']);
    expect(spanTexts(doc, 'strong')).toEqual(['announcement']);
    expect(spanTexts(doc, 'blockquote')).toEqual(['The pact shocked the West.']);
    expect(spanTexts(doc, 'code-block')).toEqual(['  def f():\n      return 1']);
    expect(spanTexts(doc, 'code')).toEqual(['code']);
    const items = doc.structure.filter((s) => s.kind === 'list-item');
    expect(items.map((i) => [i.ordered, i.depth, i.marker])).toEqual([
      [true, 0, '3.'],
      [true, 0, '4.'],
      [false, 1, '◦'],
    ]);
    const rule = doc.structure.find((s) => s.kind === 'rule')!;
    expect(doc.text.slice(rule.start)).toMatch(/^See the text/);
    const link = doc.structure.find((s) => s.kind === 'link');
    expect(link).toMatchObject({ href: 'https://example.org/pact' });
    expect(doc.text.slice(link!.start, link!.end)).toBe('the text');
  });

  it('turns <br> into a line break inside the paragraph, and two into a blank line', () => {
    const doc = htmlToDocument('<p>Roses are red,<br>\n  violets are blue.<br><br>Second stanza.<br></p>');
    expect(doc.text).toBe('Roses are red,\nviolets are blue.\n\nSecond stanza.');
    expect(spanTexts(doc, 'paragraph')).toEqual([doc.text]);
    expectWellFormed(doc);
  });

  it('writes a table as one paragraph per row, cells separated by tabs', () => {
    const doc = htmlToDocument('<table><caption>Dates</caption><tr><th>Year<th>Event<tr><td>1939<td><b>Pact</b><tr><td>1941<td><td>War</table>');
    expect(doc.text).toBe('Dates\n\nYear\tEvent\n\n1939\tPact\n\n1941\t\tWar');
    expect(spanTexts(doc, 'paragraph')).toEqual(['Dates', 'Year\tEvent', '1939\tPact', '1941\t\tWar']);
    expectWellFormed(doc);
  });

  it('ends an open paragraph or item where a browser would', () => {
    const doc = htmlToDocument('<p><b>one<p>two</p><ul><li>A<li><p>B<li>C</ul>');
    expect(doc.text).toBe('one\n\ntwo\n\nA\n\nB\n\nC');
    expect(spanTexts(doc, 'paragraph')).toEqual(['one', 'two', 'B']);
    expect(spanTexts(doc, 'list-item')).toEqual(['A', 'B', 'C']);
    expectWellFormed(doc);
  });

  it('keeps text outside any element as a plain block', () => {
    const doc = htmlToDocument('loose text <i>here</i><div>in a div</div>tail');
    expect(doc.text).toBe('loose text here\n\nin a div\n\ntail');
    expect(doc.structure).toEqual([{ kind: 'emphasis', start: 11, end: 15 }]);
  });

  it('splits formatting that runs across blocks into one span per block', () => {
    const doc = htmlToDocument('<em><p>one</p><p>two</p></em>');
    expect(spanTexts(doc, 'emphasis')).toEqual(['one', 'two']);
    expectWellFormed(doc);
  });

  it('reads body text that a page without </head> leaves in its head', () => {
    const doc = htmlToDocument('<head><title>T</title><p>Body text');
    expect(doc.text).toBe('Body text');
    expect(doc.title).toBe('T');
  });

  it('drops hidden elements and numbers items by their value attribute', () => {
    const doc = htmlToDocument('<p hidden>secret</p><ol><li value="10">ten<li>eleven</ol>');
    expect(doc.text).toBe('ten\n\neleven');
    expect(doc.structure.map((s) => s.kind === 'list-item' && s.marker)).toEqual(['10.', '11.']);
  });

  it('handles ten thousand nested elements without recursion', () => {
    const doc = htmlToDocument('<div>'.repeat(10_000) + 'deep' + '<blockquote>'.repeat(2_000) + 'deeper');
    expect(doc.text).toBe('deep\n\ndeeper');
    expect(doc.structure).toHaveLength(2_000);
  });
});
