/**
 * A generated library of any size, for the search tests and the library
 * benchmark: paragraphs of the two source texts in turn, each tagged with a
 * code word of its own ("d3p1207": document 3, paragraph 1207), so every
 * passage is distinct and each code is a word found exactly once.
 */
import { readSourceText, sourceTextFiles } from '../../support/paths';

const paragraphs: string[] = sourceTextFiles.flatMap((file) =>
  readSourceText(file)
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== ''),
);

/** The code word of paragraph `paragraph` of generated document `doc`. */
export function codeWord(doc: number, paragraph: number): string {
  return `d${doc}p${paragraph}`;
}

/** The text of generated document `doc`, about `chars` characters long. */
export function generatedText(doc: number, chars: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let n = 0; length < chars; n++) {
    // Each document starts elsewhere in the paragraphs, so documents differ too.
    const part = `${codeWord(doc, n)} ${paragraphs[(doc * 7 + n) % paragraphs.length]!}\n\n`;
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}

/** `count` generated documents of about `chars` characters each. */
export function generatedLibrary(count: number, chars: number): { id: string; title: string; text: string }[] {
  return Array.from({ length: count }, (_, doc) => ({ id: `gen-${doc}`, title: `Generated document ${doc}`, text: generatedText(doc, chars) }));
}
