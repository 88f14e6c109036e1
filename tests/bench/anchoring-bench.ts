// Anchoring speed: 10,000 passages over a 5 MB text, resolved after a
// paragraph is inserted at the top (which moves every one of them).
// Run with `node --import tsx tests/bench/anchoring-bench.ts`; prints one
// line of JSON ({"rows":[{what, value, unit, target}]}) for scripts/bench.mjs.
import { describePassage, isOrphaned, resolvePassages, type PassageSelectors } from '../../electron/core/anchoring';
import { readSourceText, sourceTextFiles } from '../support/paths';
import { seededRandom } from '../support/seeded-random';

const ANCHORS = 10_000;
const TEXT_LENGTH = 5 * 1024 * 1024;


/** About 5 MB of prose: the two source texts in turn, each copy numbered like the main bench's. */
function buildText(): string {
  const sources = sourceTextFiles.map((file) => readSourceText(file).trim());
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < TEXT_LENGTH; i++) {
    const chunk = `§${i} ${sources[i % sources.length]}\n\n`;
    parts.push(chunk);
    length += chunk.length;
  }
  return parts.join('');
}

/** Passages of 1 to 40 words, starting and ending on word boundaries, as a reader selects them. */
function describeRandomPassages(text: string, random: () => number): PassageSelectors[] {
  const wordStarts = [...text.matchAll(/\S+/g)].map((m) => m.index);
  const passages: PassageSelectors[] = [];
  while (passages.length < ANCHORS) {
    const first = Math.floor(random() * wordStarts.length);
    const words = 1 + Math.floor(random() ** 2 * 40);
    const last = Math.min(wordStarts.length - 1, first + words);
    const start = wordStarts[first]!;
    const end = last === first ? text.length : text.slice(0, wordStarts[last]).trimEnd().length;
    if (end <= start) continue;
    passages.push(describePassage(text, start, end));
  }
  return passages;
}

const text = buildText();
const passages = describeRandomPassages(text, seededRandom(1939));
const inserted = 'A new opening paragraph, added by the editor after the highlights were made, moves every passage below it.\n\n';
const edited = inserted + text;

const started = performance.now();
const results = resolvePassages(edited, passages);
const elapsed = performance.now() - started;

let right = 0;
let orphaned = 0;
let wrong = 0;
results.forEach((result, i) => {
  const [, position] = passages[i]!;
  if (isOrphaned(result)) orphaned++;
  else if (result.start === position.start + inserted.length && result.end === position.end + inserted.length) right++;
  else wrong++;
});

const megabytes = (edited.length / (1024 * 1024)).toFixed(1);
console.log(
  JSON.stringify({
    rows: [
      { what: `resolve 10,000 anchors after an edit at the top (${megabytes} MB text)`, value: Math.round(elapsed), unit: 'ms', target: '< 1000' },
      { what: '… of which found at the right place', value: right, unit: 'anchors', target: String(ANCHORS) },
      { what: '… of which orphaned', value: orphaned, unit: 'anchors', target: '0' },
      { what: '… of which placed on the wrong words', value: wrong, unit: 'anchors', target: '0' },
    ],
  }),
);
