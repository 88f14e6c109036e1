import { describe, expect, it } from 'vitest';
import { blockquote, demoteHeadings, escapeInline, toMarkdownFiles } from '../../../../electron/core/export/to-markdown';
import { slugOf, uniqueFileName } from '../../../../electron/core/export/export-file';
import { closeReadingSet, highlight, LONDON, note, passage, SOVIET } from '../../../fixtures/annotations/factory';

const library = [
  { id: SOVIET, title: 'The Soviet Overtures of 1939' },
  { id: LONDON, title: "London's Dilemma, Summer 1939" },
];

function exportAll() {
  return toMarkdownFiles({ annotations: closeReadingSet(), documents: library, library, includeNotebook: true });
}

/** The entries of a document file: the blocks between the separators, after the title block. */
const entriesOf = (content: string) => content.split('\n---\n').slice(1).map((e) => e.trim());

describe('toMarkdownFiles', () => {
  it('writes one file per document and a notebook, named after their titles', () => {
    expect(exportAll().map((f) => [f.name, f.mediaType])).toEqual([
      ['the-soviet-overtures-of-1939.md', 'text/markdown'],
      ['londons-dilemma-summer-1939.md', 'text/markdown'],
      ['notebook.md', 'text/markdown'],
    ]);
  });

  it('opens each file with the title and a count, then lists the marks in the order of the text', () => {
    const soviet = exportAll()[0]!.content;
    expect(soviet.startsWith('# The Soviet Overtures of 1939\n\n7 annotations, in the order of the text.')).toBe(true);
    const quotes = entriesOf(soviet).map((e) => e.split('\n')[0]);
    expect(quotes).toEqual([
      '> Stalin gave his famed “Chestnut” speech',
      '> Stalin removed Soviet Foreign Minister Maxim Litvinov',
      '> replaced him with Vyacheslav Molotov',
      '> an iron-clad military alliance with the British and French that would give Germany pause',
      '> all the territories from the Baltic States to the Black Sea were to be given guarantees of direct military assistance by all three powers',
      '> The Soviets feared that if there was war, they would be left to bear the brunt of fighting in the east.',
      '> the British squandered',
    ]);
  });

  it('gives a highlight its colour and tags under its quote', () => {
    const first = entriesOf(exportAll()[0]!.content)[0]!;
    expect(first).toBe('> Stalin gave his famed “Chestnut” speech\n\n**Highlight** · yellow · Tags: Stalin, speeches');
  });

  it('gives a note its Markdown body, its headings moved below the file title, and names the other passage it is on', () => {
    const entry = entriesOf(exportAll()[1]!.content).find((e) => e.includes('**Note**'))!;
    expect(entry).toContain('**Note** · Tags: compare');
    expect(entry).toContain('#### Who wanted a guarantee?');
    expect(entry).toContain('Both texts put the **Baltic guarantee** at the centre');
    expect(entry).toContain('→ Also on *The Soviet Overtures of 1939*:\n\n> all the territories from the Baltic States');
  });

  it('shows a link as a reference to the other document’s quote and title, with or without an explanation', () => {
    const london = entriesOf(exportAll()[1]!.content);
    const withBody = london.find((e) => e.includes('The same suspicion'))!;
    expect(withBody).toBe(
      [
        '> Stalin, for his part, suspects the Western powers of wanting to push him alone into combat against Germany.',
        '**Link**',
        'The same suspicion, seen from each side.',
        '→ Linked to *The Soviet Overtures of 1939*:',
        '> The Soviets feared that if there was war, they would be left to bear the brunt of fighting in the east.',
      ].join('\n\n'),
    );
    const soviet = entriesOf(exportAll()[0]!.content);
    expect(soviet[2]).toBe("> replaced him with Vyacheslav Molotov\n\n**Link**\n\n→ Linked to *London's Dilemma, Summer 1939*:\n\n> Molotov keeps the other door open, the one to Berlin");
  });

  it('puts notes with no passage in the notebook file only', () => {
    const files = exportAll();
    const notebook = files[2]!.content;
    expect(notebook.startsWith('# Notebook\n\n1 note not tied to a passage.')).toBe(true);
    expect(notebook).toContain('## Questions for the seminar\n\n1. Was the pact inevitable after Munich?');
    expect(files[0]!.content).not.toContain('Questions for the seminar');
    const single = toMarkdownFiles({ annotations: closeReadingSet(), documents: [library[0]!], library, includeNotebook: false });
    expect(single.map((f) => f.name)).toEqual(['the-soviet-overtures-of-1939.md']);
  });

  it('writes a document with no annotations as a title and a zero count', () => {
    const [file] = toMarkdownFiles({ annotations: [], documents: [library[1]!], library, includeNotebook: true });
    expect(file!.content).toBe("# London's Dilemma, Summer 1939\n\n0 annotations, in the order of the text. Exported from Diptych.\n");
  });

  it('keeps a multi-line quote inside one blockquote and block syntax in it as text', () => {
    const a = highlight(passage(SOVIET, 0, 30, '1. First point\n\n# not a heading\n- not a list'));
    const [file] = toMarkdownFiles({ annotations: [a], documents: [library[0]!], library, includeNotebook: false });
    expect(file!.content).toContain('> 1\\. First point\n>\n> \\# not a heading\n> \\- not a list');
  });

  it('names a linked document that left the library instead of failing', () => {
    const a = note('see there', [passage(SOVIET, 0, 5), passage('gone', 0, 5)]);
    const [file] = toMarkdownFiles({ annotations: [a], documents: [library[0]!], library, includeNotebook: false });
    expect(file!.content).toContain('→ Also on *a document that is no longer in the library (urn:diptych:document:gone)*:');
  });
});

describe('Markdown helpers', () => {
  it('escapes emphasis, code and link characters in titles and tags', () => {
    expect(escapeInline('a*b_c`d[e]')).toBe('a\\*b\\_c\\`d\\[e\\]');
  });

  it('moves headings down but leaves fenced code alone', () => {
    expect(demoteHeadings('# A\n```\n# code\n```\n##### B\n###### C', 2)).toBe('### A\n```\n# code\n```\n###### B\n###### C');
  });

  it('quotes blank lines inside a quote', () => {
    expect(blockquote('  one\n\ntwo  ')).toBe('> one\n>\n> two');
  });

  it('makes readable, unique file names from titles', () => {
    expect(slugOf("London's Dilemma, Summer 1939")).toBe('londons-dilemma-summer-1939');
    expect(slugOf('Été à Zürich')).toBe('ete-a-zurich');
    expect(slugOf('!!!')).toBe('untitled');
    const taken = new Set<string>();
    expect([uniqueFileName('notes', '.md', taken), uniqueFileName('notes', '.md', taken), uniqueFileName('notes', '.md', taken)]).toEqual(['notes.md', 'notes-2.md', 'notes-3.md']);
  });
});
