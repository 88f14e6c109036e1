// @vitest-environment node
/**
 * Compare mode through the library service, as the hosts serve it: what can
 * be compared, suggestion ids, rejections that survive a restart, related
 * passages, and the clear messages for the bad inputs of issue 6.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiOutput, CompareSuggestion } from '../../../electron/api/contract';
import { ApiError } from '../../../electron/api/errors';
import type { LibraryService } from '../../../electron/library/library-service';
import { tempDir } from '../../support/paths';
import { makePdf } from '../../support/pdf-fixtures';
import { openCompareLibrary } from '../../support/compare-engine';

const SOVIET = 'soviet-overtures-1939';
const LONDON = 'londons-dilemma-1939';

const open: LibraryService[] = [];

afterEach(async () => {
  while (open.length > 0) await open.pop()!.close();
});

async function library(dataDir?: string): Promise<LibraryService> {
  const service = await openCompareLibrary(dataDir ?? (await tempDir('diptych-compare-')));
  open.push(service);
  return service;
}

function ready(result: ApiOutput<'compareDocuments'>): Extract<ApiOutput<'compareDocuments'>, { status: 'ready' }> {
  if (result.status !== 'ready') throw new Error(`expected suggestions, got: ${result.message}`);
  return result;
}

describe('compareDocuments', () => {
  it('suggests passages of the two source texts, ranked, each quote the text at its offsets', async () => {
    const service = await library();
    const result = ready(await service.compareDocuments({ leftId: SOVIET, rightId: LONDON }));
    const left = (await service.getDocumentText({ id: SOVIET })).text;
    const right = (await service.getDocumentText({ id: LONDON })).text;
    expect(result.suggestions.length).toBeGreaterThan(2);
    expect(result.suggestions.map((s) => s.rank)).toEqual(result.suggestions.map((_, i) => i + 1));
    for (const s of result.suggestions) {
      expect(left.slice(s.left.start, s.left.end)).toBe(s.left.quote);
      expect(right.slice(s.right.start, s.right.end)).toBe(s.right.quote);
    }
    const scores = result.suggestions.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(new Set(result.suggestions.map((s) => s.id)).size).toBe(result.suggestions.length);
    expect(result.passages.left).toBeGreaterThan(result.passages.right);
    expect(result.rejected).toBe(0);
    expect(result.message).toBeNull();
  });

  it('gives a suggestion the same id whichever pane each document is in', async () => {
    const service = await library();
    const forward = ready(await service.compareDocuments({ leftId: SOVIET, rightId: LONDON }));
    const backward = ready(await service.compareDocuments({ leftId: LONDON, rightId: SOVIET }));
    const key = (s: CompareSuggestion, swap: boolean) => (swap ? `${s.right.start}-${s.left.start}` : `${s.left.start}-${s.right.start}`);
    const backwardIds = new Map(backward.suggestions.map((s) => [key(s, true), s.id]));
    const shared = forward.suggestions.filter((s) => backwardIds.has(key(s, false)));
    expect(shared.length).toBeGreaterThan(0);
    for (const s of shared) expect(backwardIds.get(key(s, false))).toBe(s.id);
  });

  it('says a document compared with itself corresponds everywhere, instead of comparing', async () => {
    const service = await library();
    const result = await service.compareDocuments({ leftId: SOVIET, rightId: SOVIET });
    expect(result).toEqual({ status: 'nothing', message: expect.stringContaining('Both panes show "The Soviet Overtures of 1939"') });
  });

  it('says an empty document has nothing to compare, on either side', async () => {
    const service = await library();
    const empty = await service.addTextDocument({ title: 'Blank page', text: '\n\n  \n' });
    for (const [leftId, rightId] of [
      [empty.id, LONDON],
      [SOVIET, empty.id],
    ] as const) {
      const result = await service.compareDocuments({ leftId, rightId });
      expect(result).toEqual({ status: 'nothing', message: expect.stringContaining('"Blank page" is empty') });
    }
  });

  it('says a PDF without a text layer has no text to compare', async () => {
    const service = await library();
    const bytes = await makePdf((doc) => {
      doc.rect(72, 72, 200, 100).fill('#888888');
    });
    const imported = await service.importDocument({ fileName: 'scan.pdf', bytes: new Uint8Array(bytes) });
    if (imported.status !== 'imported') throw new Error('the PDF was not imported');
    const result = await service.compareDocuments({ leftId: imported.document.id, rightId: LONDON });
    expect(result).toEqual({ status: 'nothing', message: expect.stringContaining('is a PDF without a text layer') });
  });

  it('compares documents of very different sizes and says so', async () => {
    const service = await library();
    const soviet = (await service.getDocumentText({ id: SOVIET })).text;
    const long = await service.addTextDocument({ title: 'The article, many times', text: Array.from({ length: 40 }, () => soviet).join('\n\n') });
    const result = ready(await service.compareDocuments({ leftId: long.id, rightId: LONDON }));
    expect(result.message).toMatch(/"The article, many times" is about \d+ times as long as "London's Dilemma, Summer 1939"/);
    expect(result.suggestions.length).toBeGreaterThan(0);
    expect(result.suggestions.length).toBeLessThanOrEqual(400);
  });

  it('refuses a document that is not in the library', async () => {
    const service = await library();
    await expect(service.compareDocuments({ leftId: SOVIET, rightId: 'no-such-document' })).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('rejecting a suggestion', () => {
  it('hides it for this pair of documents, after a restart too, until it is restored', async () => {
    const dataDir = await tempDir('diptych-compare-reject-');
    let service = await library(dataDir);
    const first = ready(await service.compareDocuments({ leftId: SOVIET, rightId: LONDON }));
    const victim = first.suggestions[0]!;
    await service.rejectSuggestion({ leftId: SOVIET, rightId: LONDON, suggestion: { id: victim.id, left: victim.left, right: victim.right } });
    const after = ready(await service.compareDocuments({ leftId: SOVIET, rightId: LONDON }));
    expect(after.suggestions.map((s) => s.id)).not.toContain(victim.id);
    expect(after.rejected).toBe(1);
    expect(after.suggestions.length).toBe(first.suggestions.length - 1);
    expect(after.suggestions[0]!.rank).toBe(1);

    await open.pop()!.close();
    service = await library(dataDir);
    const swapped = ready(await service.compareDocuments({ leftId: LONDON, rightId: SOVIET }));
    expect(swapped.suggestions.map((s) => s.id)).not.toContain(victim.id);
    expect(swapped.rejected).toBe(1);

    await service.restoreSuggestion({ leftId: LONDON, rightId: SOVIET, id: victim.id });
    const restored = ready(await service.compareDocuments({ leftId: SOVIET, rightId: LONDON }));
    expect(restored.suggestions.map((s) => s.id)).toContain(victim.id);
    expect(restored.rejected).toBe(0);
  });

  it('refuses a suggestion whose quotes no longer match the texts, and an id compare did not give', async () => {
    const service = await library();
    const { suggestions } = ready(await service.compareDocuments({ leftId: SOVIET, rightId: LONDON }));
    const s = suggestions[0]!;
    const stale = { id: s.id, left: { ...s.left, quote: `${s.left.quote} (edited)` }, right: s.right };
    await expect(service.rejectSuggestion({ leftId: SOVIET, rightId: LONDON, suggestion: stale })).rejects.toThrow(/no longer matches the text of "The Soviet Overtures of 1939"/);
    const forged = { id: 'abc', left: s.left, right: s.right };
    await expect(service.rejectSuggestion({ leftId: SOVIET, rightId: LONDON, suggestion: forged })).rejects.toBeInstanceOf(ApiError);
    expect(ready(await service.compareDocuments({ leftId: SOVIET, rightId: LONDON })).rejected).toBe(0);
  });
});

describe('relatedPassages', () => {
  it('finds where the other text speaks of the selection, each quote the text at its offsets', async () => {
    const service = await library();
    const soviet = (await service.getDocumentText({ id: SOVIET })).text;
    const london = (await service.getDocumentText({ id: LONDON })).text;
    const sentence = 'the British had sent a junior representative who had no powers to sign an agreement or even negotiate';
    const start = soviet.indexOf(sentence);
    const result = await service.relatedPassages({ documentId: SOVIET, start, end: start + sentence.length, otherId: LONDON });
    expect(result.message).toBeNull();
    expect(result.passages.length).toBeGreaterThan(0);
    for (const { passage } of result.passages) expect(london.slice(passage.start, passage.end)).toBe(passage.quote);
    expect(result.passages[0]!.passage.quote).toContain('second-rank diplomats');
  });

  it('explains an empty selection and an empty other document', async () => {
    const service = await library();
    const soviet = (await service.getDocumentText({ id: SOVIET })).text;
    const blank = soviet.indexOf('\n\n');
    expect(await service.relatedPassages({ documentId: SOVIET, start: blank, end: blank + 2, otherId: LONDON })).toEqual({ passages: [], message: expect.stringContaining('Select some words') });
    const empty = await service.addTextDocument({ title: 'Blank page', text: '' });
    const result = await service.relatedPassages({ documentId: SOVIET, start: 0, end: 40, otherId: empty.id });
    expect(result).toEqual({ passages: [], message: expect.stringContaining('"Blank page" is empty') });
  });

  it('refuses a selection past the end of the document', async () => {
    const service = await library();
    await expect(service.relatedPassages({ documentId: LONDON, start: 0, end: 10_000, otherId: SOVIET })).rejects.toMatchObject({ code: 'invalid-input' });
  });
});
