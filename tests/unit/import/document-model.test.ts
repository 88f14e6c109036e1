import { describe, expect, it } from 'vitest';
import { DocumentBuilder } from '../../../electron/core/import/document-builder';
import { importedDocument, isInlineSpan } from '../../../electron/core/import/document-model';
import { expectWellFormed, spanTexts } from './document-assertions';

describe('importedDocument schema', () => {
  const valid = {
    text: 'Title\n\nSee here.',
    title: 'Title',
    structure: [
      { kind: 'heading', level: 1, start: 0, end: 5 },
      { kind: 'rule', start: 7, end: 7 },
      { kind: 'paragraph', start: 7, end: 16 },
      { kind: 'link', href: 'https://example.org/', start: 11, end: 15 },
    ],
  };

  it('accepts a well-formed document', () => {
    expect(importedDocument.safeParse(valid).success).toBe(true);
  });

  it.each([
    ['a javascript: link', { kind: 'link', href: 'javascript:alert(1)', start: 0, end: 1 }],
    ['a relative link', { kind: 'link', href: '/etc/passwd', start: 0, end: 1 }],
    ['a span past the end of the text', { kind: 'paragraph', start: 0, end: 99 }],
    ['an empty paragraph', { kind: 'paragraph', start: 3, end: 3 }],
    ['a rule with text', { kind: 'rule', start: 0, end: 2 }],
    ['a heading level 7', { kind: 'heading', level: 7, start: 0, end: 1 }],
    ['an unknown kind', { kind: 'script', start: 0, end: 1 }],
    ['an extra property', { kind: 'paragraph', start: 0, end: 1, onclick: 'x' }],
    ['a negative offset', { kind: 'emphasis', start: -1, end: 1 }],
  ])('rejects %s', (_name, span) => {
    expect(importedDocument.safeParse({ ...valid, structure: [...valid.structure, span] }).success).toBe(false);
  });

  it('tells inline spans from blocks', () => {
    expect(valid.structure.map((s) => isInlineSpan(s as never))).toEqual([false, false, false, true]);
  });
});

describe('DocumentBuilder', () => {
  it('collapses whitespace and trims it at block edges, without ever taking text back', () => {
    const b = new DocumentBuilder();
    b.openBlock({ kind: 'paragraph' });
    b.text('  \n one  ');
    const em = b.openInline({ kind: 'emphasis' });
    b.text('  two\t');
    b.closeInline(em);
    b.text('\nthree  ');
    b.closeBlock();
    const doc = b.finish();
    expect(doc.text).toBe('one two three');
    expect(doc.structure).toEqual([
      { kind: 'paragraph', start: 0, end: 13 },
      { kind: 'emphasis', start: 4, end: 7 },
    ]);
  });

  it('makes no span and no separator for a block without content', () => {
    const b = new DocumentBuilder();
    b.openBlock({ kind: 'paragraph' });
    b.text('a');
    b.closeBlock();
    b.openBlock({ kind: 'heading', level: 2 });
    b.text('   ');
    b.closeBlock();
    b.openBlock({ kind: 'paragraph' });
    b.text('b');
    b.closeBlock();
    expect(b.finish()).toEqual({
      text: 'a\n\nb',
      structure: [
        { kind: 'paragraph', start: 0, end: 1 },
        { kind: 'paragraph', start: 3, end: 4 },
      ],
    });
  });

  it('writes line breaks only between content, at most a blank line', () => {
    const b = new DocumentBuilder();
    b.openBlock({ kind: 'paragraph' });
    b.lineBreak();
    b.text('a');
    b.lineBreak();
    b.lineBreak();
    b.lineBreak();
    b.text(' b');
    b.lineBreak();
    b.closeBlock();
    expect(b.finish().text).toBe('a\n\nb');
  });

  it('keeps a code block verbatim but drops its leading blank lines and trailing whitespace', () => {
    const b = new DocumentBuilder();
    b.text('before');
    b.openBlock({ kind: 'code-block' });
    b.text('\n  \n    indented\r\n');
    b.text('\tnext  \n\n');
    b.closeBlock();
    const doc = b.finish();
    expect(doc.text).toBe('before\n\n    indented\n\tnext');
    expect(spanTexts(doc, 'code-block')).toEqual(['    indented\n\tnext']);
  });

  it('keeps spans nested when inline formatting closes out of order', () => {
    const b = new DocumentBuilder();
    b.openBlock({ kind: 'paragraph' });
    const strong = b.openInline({ kind: 'strong' });
    b.text('one ');
    const em = b.openInline({ kind: 'emphasis' });
    b.text('two');
    b.closeInline(strong);
    b.text(' three');
    b.closeInline(em);
    b.closeBlock();
    const doc = b.finish();
    expect(doc.text).toBe('one two three');
    expect(spanTexts(doc, 'strong')).toEqual(['one two']);
    expect(spanTexts(doc, 'emphasis')).toEqual(['two', 'three']);
    expectWellFormed(doc);
  });

  it('never nests a link in a link', () => {
    const b = new DocumentBuilder();
    const outer = b.openInline({ kind: 'link', href: 'https://a.example/' });
    const inner = b.openInline({ kind: 'link', href: 'https://b.example/' });
    b.text('words');
    b.closeInline(inner);
    b.closeInline(outer);
    expect(b.finish().structure).toEqual([{ kind: 'link', href: 'https://a.example/', start: 0, end: 5 }]);
  });

  it('places rules before the next block, or at the end of the text', () => {
    const b = new DocumentBuilder();
    b.rule();
    b.text('a');
    b.rule();
    b.rule();
    b.openBlock({ kind: 'blockquote' });
    b.text('b');
    b.closeBlock();
    b.rule();
    const doc = b.finish();
    expect(doc.text).toBe('a\n\nb');
    expect(doc.structure).toEqual([
      { kind: 'rule', start: 0, end: 0 },
      { kind: 'rule', start: 3, end: 3 },
      { kind: 'rule', start: 3, end: 3 },
      { kind: 'blockquote', start: 3, end: 4 },
      { kind: 'rule', start: 4, end: 4 },
    ]);
  });

  it('orders spans with equal ranges outer first', () => {
    const b = new DocumentBuilder();
    b.openBlock({ kind: 'blockquote' });
    b.openBlock({ kind: 'list-item', ordered: false, depth: 0, marker: '•' });
    b.openBlock({ kind: 'paragraph' });
    const strong = b.openInline({ kind: 'strong' });
    b.text('x');
    b.closeInline(strong);
    b.closeBlock();
    b.closeBlock();
    b.closeBlock();
    expect(b.finish().structure.map((s) => s.kind)).toEqual(['blockquote', 'list-item', 'paragraph', 'strong']);
  });
});
