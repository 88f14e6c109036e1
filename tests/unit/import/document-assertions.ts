/**
 * Checks every imported document must pass, whatever its source: the
 * schema accepts it, its spans nest and lie on visible characters, and its
 * blocks line up with the render blocks `segmentText` makes.
 */
import { expect } from 'vitest';
import { ImportError } from '../../../electron/core/import/import-error';
import { importedDocument, isInlineSpan, type ImportedDocument, type StructureKind } from '../../../electron/core/import/document-model';
import { segmentText } from '../../../electron/core/text-blocks';

const BLANK = /[ \t\n\r\f]/;

/** The text each span of `kind` covers, in order. */
export function spanTexts(doc: ImportedDocument, kind: StructureKind): string[] {
  return doc.structure.filter((s) => s.kind === kind).map((s) => doc.text.slice(s.start, s.end));
}

/** Blocks that hold no other block: the ones that become render blocks. */
function leafBlocks(doc: ImportedDocument) {
  const blocks = doc.structure.filter((s) => !isInlineSpan(s) && s.kind !== 'rule');
  return blocks.filter((outer) => !blocks.some((inner) => inner !== outer && inner.start >= outer.start && inner.end <= outer.end && (inner.start > outer.start || inner.end < outer.end)));
}

export function expectWellFormed(doc: ImportedDocument): void {
  const parsed = importedDocument.safeParse(doc);
  expect(parsed.success, parsed.error?.message).toBe(true);
  const { text, structure } = doc;

  for (let i = 0; i < structure.length; i++) {
    const span = structure[i]!;
    if (i > 0) {
      const before = structure[i - 1]!;
      expect(before.start, `spans sorted by start at ${i}`).toBeLessThanOrEqual(span.start);
    }
    if (span.kind === 'rule') continue;
    // Spans lie on visible characters: none starts or ends on whitespace (a code block may start indented).
    if (span.kind !== 'code-block') expect(text[span.start], `${span.kind} at ${span.start} starts on a visible character`).not.toMatch(BLANK);
    expect(text[span.end - 1], `${span.kind} at ${span.start} ends on a visible character`).not.toMatch(BLANK);
    if (isInlineSpan(span) || span.kind === 'heading') {
      expect(text.slice(span.start, span.end), `${span.kind} stays inside one block`).not.toContain('\n\n');
    }
    // Proper nesting: any two spans are disjoint or one holds the other.
    for (let j = i + 1; j < structure.length && structure[j]!.start < span.end; j++) {
      const other = structure[j]!;
      expect(other.end <= span.end || other.start >= span.end, `${other.kind} at ${other.start} nests inside ${span.kind} at ${span.start}`).toBe(true);
    }
  }

  // Each leaf block is exactly one render block (or several, when it holds a blank line itself).
  const renderBlocks = segmentText(text, { maxBlockChars: Number.MAX_SAFE_INTEGER });
  const starts = new Set(renderBlocks.map((b) => b.start));
  const ends = new Set(renderBlocks.map((b) => b.contentEnd));
  for (const block of leafBlocks(doc)) {
    expect(starts.has(block.start), `${block.kind} at ${block.start} starts a render block`).toBe(true);
    expect(ends.has(block.end), `${block.kind} ending at ${block.end} ends a render block`).toBe(true);
  }
}

/** Asserts nothing that looks like markup or a script address reached the text, and every link is safe. */
export function expectInert(doc: ImportedDocument): void {
  expect(doc.text).not.toMatch(/<\s*[a-z!/?]/i);
  expect(doc.text).not.toMatch(/javascript\s*:|vbscript\s*:|data\s*:\s*text/i);
  expect(doc.text).not.toMatch(/\bon[a-z]+\s*=/i);
  for (const span of doc.structure) {
    if (span.kind === 'link') expect(span.href).toMatch(/^(?:https?:\/\/|mailto:)/);
  }
}

/** The ImportError `run` throws (failing the test if it throws anything else, or nothing). */
export function refusal(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error('expected an ImportError');
}
