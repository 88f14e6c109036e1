import { describe, expect, it } from 'vitest';
import { segmentText } from '../../../electron/core/compare/segment';

const quotes = (text: string) => segmentText(text).map((p) => p.quote);

describe('segmentText', () => {
  it('gives exact UTF-16 offsets of trimmed passages', () => {
    const text = '  The talks began in April. Emoji 🙂 take two code units here, which offsets must count.  \n';
    for (const p of segmentText(text)) {
      expect(text.slice(p.start, p.end)).toBe(p.quote);
      expect(p.quote).toBe(p.quote.trim());
    }
    expect(quotes(text)).toEqual(['The talks began in April.', 'Emoji 🙂 take two code units here, which offsets must count.']);
  });

  it('does not end sentences at abbreviations and initials', () => {
    expect(quotes('Mr. Chamberlain met Dr. Maisky on Monday. Teddy J. Uldricks wrote about it, e.g. in his essay. The end came soon.')).toEqual([
      'Mr. Chamberlain met Dr. Maisky on Monday.',
      'Teddy J. Uldricks wrote about it, e.g. in his essay.',
      'The end came soon.',
    ]);
  });

  it('keeps closing curly quotes and brackets with their sentence', () => {
    expect(quotes('He wrote of “simple, concrete decisions made quickly.” The Allies hesitated all the same. (They always did so in those years.) Then the talks ended without a word')).toEqual([
      'He wrote of “simple, concrete decisions made quickly.”',
      'The Allies hesitated all the same.',
      '(They always did so in those years.)',
      'Then the talks ended without a word',
    ]);
  });

  it('never joins across a blank line, with Windows newlines too, and drops headings', () => {
    const text = 'Soviet Ice Thaws\r\n\r\nThe first paragraph of this little text has no final stop\r\n\r\nThe second paragraph starts here and ends here.\r\n';
    expect(quotes(text)).toEqual(['The first paragraph of this little text has no final stop', 'The second paragraph starts here and ends here.']);
  });

  it('merges very short fragments into their neighbour', () => {
    expect(quotes('The negotiations went on all summer without result. Time ran out. Nothing came of it in August.')).toEqual([
      'The negotiations went on all summer without result. Time ran out.',
      'Nothing came of it in August.',
    ]);
  });

  it('cuts long sentences into clauses at semicolons and before conjunctions', () => {
    const text =
      'The military value of the Red Army, weakened by the purges, was in doubt in London; communism inspired a long-standing wariness in part of the ruling class, and the Soviets wanted guarantees for the Baltic States that nobody in Paris would give.';
    const passages = quotes(text);
    expect(passages.length).toBeGreaterThanOrEqual(2);
    expect(passages[0]).toBe('The military value of the Red Army, weakened by the purges, was in doubt in London;');
  });

  it('cuts a megabyte without punctuation into bounded passages covering the text', () => {
    const words = ['alliance', 'talks', 'summer', 'Moscow', 'delegation', 'guarantees', 'slowness'];
    const text = Array.from({ length: 150_000 }, (_, i) => words[i % words.length]).join(' ');
    const passages = segmentText(text);
    expect(passages.length).toBeGreaterThan(2000);
    expect(Math.max(...passages.map((p) => p.end - p.start))).toBeLessThanOrEqual(400);
    expect(passages[0]!.start).toBe(0);
    expect(passages[passages.length - 1]!.end).toBe(text.length);
    for (let k = 1; k < passages.length; k++) expect(passages[k]!.start).toBeGreaterThan(passages[k - 1]!.end);
  });

  it('returns nothing for empty or blank text', () => {
    expect(segmentText('')).toEqual([]);
    expect(segmentText(' \n\r\n\t ')).toEqual([]);
  });

  it('counts words in any script when merging short fragments', () => {
    // Three words in Cyrillic, and three with an astral letter, are short fragments like any other.
    expect(quotes('The negotiations went on all summer without result. Время вышло там. Nothing came of it in August.')).toEqual([
      'The negotiations went on all summer without result. Время вышло там.',
      'Nothing came of it in August.',
    ]);
    expect(quotes('The negotiations went on all summer without result. 𝐀lpha and omega. Nothing came of it in August.')).toEqual([
      'The negotiations went on all summer without result. 𝐀lpha and omega.',
      'Nothing came of it in August.',
    ]);
  });
});
