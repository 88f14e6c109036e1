import { describe, expect, it } from 'vitest';
import { segmentText } from '../../../electron/core/text-blocks';
import { joinPageText, joinPdfPages, PDF_PAGE_SEPARATOR } from '../../../electron/core/pdf-text-join';
import { pdfTitle } from '../../../electron/library/pdf';

const item = (str: string, hasEOL = false) => ({ str, hasEOL });

describe('joinPageText', () => {
  it('concatenates the items in the order given, adding nothing between them', () => {
    expect(joinPageText([item('Left side'), item(' '), item('Right side')])).toEqual({ text: 'Left side Right side', itemStarts: [0, 9, 10] });
  });

  it('puts one line break after an item that ends a line, and not after the last item unless it ends one', () => {
    expect(joinPageText([item('first line', true), item('second line')]).text).toBe('first line\nsecond line');
    expect(joinPageText([item('only line', true)]).text).toBe('only line\n');
  });

  it('gives an empty item that ends a line its line break and its own start', () => {
    expect(joinPageText([item('a', true), item('', true), item('b')])).toEqual({ text: 'a\n\nb', itemStarts: [0, 2, 3] });
  });

  it('gives a marked-content item no text and the start of whatever follows it', () => {
    const joined = joinPageText([{ type: 'beginMarkedContent' }, item('inside', true), { type: 'endMarkedContent' }, item('after')]);
    expect(joined).toEqual({ text: 'inside\nafter', itemStarts: [0, 0, 7, 7] });
  });

  it('maps every item back to its own string, emoji and non-Latin text included', () => {
    const items = [item('Пакт ', false), item('😀 Ελλάδα', true), item('中文')];
    const { text, itemStarts } = joinPageText(items);
    items.forEach((it, i) => expect(text.slice(itemStarts[i], itemStarts[i]! + it.str.length)).toBe(it.str));
  });

  it('keeps blanks exactly as pdf.js gives them', () => {
    expect(joinPageText([item('  two  spaces  ', true), item('\ttab')]).text).toBe('  two  spaces  \n\ttab');
  });

  it('gives an empty page an empty text', () => {
    expect(joinPageText([])).toEqual({ text: '', itemStarts: [] });
  });
});

describe('joinPdfPages', () => {
  it('joins pages with a blank line and records each page span', () => {
    const { text, pages } = joinPdfPages(['one\ntwo', 'three', '']);
    expect(text).toBe('one\ntwo\n\nthree\n\n');
    expect(pages).toEqual([
      { start: 0, end: 7 },
      { start: 9, end: 14 },
      { start: 16, end: 16 },
    ]);
    pages.forEach((span, i) => expect(text.slice(span.start, span.end)).toBe(['one\ntwo', 'three', ''][i]));
  });

  it('makes each page break a paragraph break for segmentText', () => {
    const { text, pages } = joinPdfPages(['page one line one\npage one line two', 'page two']);
    const blocks = segmentText(text);
    expect(blocks.map((b) => text.slice(b.start, b.contentEnd))).toEqual(['page one line one\npage one line two', 'page two']);
    expect(blocks[1]!.start).toBe(pages[1]!.start);
    expect(text.slice(pages[0]!.end, pages[1]!.start)).toBe(PDF_PAGE_SEPARATOR);
  });

  it('gives no text and no pages for no pages', () => {
    expect(joinPdfPages([])).toEqual({ text: '', pages: [] });
  });
});

describe('pdfTitle', () => {
  const xmp = (title: unknown) => ({ get: (name: string) => (name === 'dc:title' ? title : null) });

  it('prefers the XMP title, then the Info title, trimmed and with blanks collapsed', () => {
    expect(pdfTitle({ info: { Title: 'Info title' }, metadata: xmp('  XMP\n title ') })).toBe('XMP title');
    expect(pdfTitle({ info: { Title: ' Info \t title ' }, metadata: null })).toBe('Info title');
  });

  it('passes over an XMP title of "Untitled" or one with Unicode specials', () => {
    expect(pdfTitle({ info: { Title: 'Info title' }, metadata: xmp('Untitled') })).toBe('Info title');
    expect(pdfTitle({ info: { Title: 'Info title' }, metadata: xmp('Bad \uFFFD title') })).toBe('Info title');
  });

  it('gives undefined for a missing, blank or non-text title', () => {
    expect(pdfTitle(undefined)).toBeUndefined();
    expect(pdfTitle({ info: {} })).toBeUndefined();
    expect(pdfTitle({ info: { Title: '   ' } })).toBeUndefined();
    expect(pdfTitle({ info: { Title: { name: 'Title' } } })).toBeUndefined();
  });
});
