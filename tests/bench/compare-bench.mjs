#!/usr/bin/env node
// Compare mode on two generated ~1 MB texts, through the real bundled worker.
// Prints one JSON line of rows for scripts/bench.mjs (figures, no assertions).
// Run with `node --import tsx tests/bench/compare-bench.mjs`.
/* global console, setInterval, clearInterval */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAll } from '../../scripts/build.mjs';
import { readFileSync } from 'node:fs';
import { CompareWorkerClient } from '../../electron/library/compare/compare-client.ts';
import { embeddingPairs } from '../../electron/core/compare/candidates.ts';
import { prepareText } from '../../electron/core/compare/prepare.ts';
import { weighPair } from '../../electron/core/compare/weighting.ts';
import { loadWordVectors } from '../../electron/core/compare/word-vectors.ts';
import { seededRandom } from '../support/seeded-random.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
await buildAll({ only: ['compare-worker', 'word-vectors'], quiet: true });

const subjects = ['the British delegation', 'Stalin', 'the French ambassador', 'Molotov', 'the Polish government', 'the Foreign Office', 'the Soviet negotiators', 'Chamberlain', 'the general staff', 'the Baltic governments', 'the cabinet in London', 'the envoy from Paris'];
const verbs = ['distrusted', 'delayed', 'demanded', 'rejected', 'proposed', 'questioned', 'welcomed', 'postponed', 'discussed', 'feared', 'offered', 'refused'];
const objects = ['a military alliance', 'guarantees for the Baltic States', 'passage through Poland', 'a draft of the treaty', 'full staff talks', 'a junior representative', 'the question of indirect aggression', 'a trade agreement', 'the terms of the pact', 'an answer from Berlin', 'a corridor for the Red Army', 'security in the east'];
const tails = ['in the summer of 1939', 'after weeks of silence', 'without consulting Paris', 'while the talks stalled', 'as the crisis deepened', 'before the August meeting', 'despite the warnings of the army', 'to gain time', 'for fear of war in the east', 'with little conviction', 'in a long telegram', 'at the last moment'];
const clauses = ['because nobody trusted the other side', 'although the purges had weakened the army', 'which the newspapers reported at length', 'and the ministers argued about it for days', 'but the answer never came', 'so the negotiations dragged on'];

/** A deterministic ~1 MB text of varied sentences on the subject of the source texts. */
function generate(seed, bytes) {
  const random = seededRandom(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const paragraphs = [];
  let length = 0;
  while (length < bytes) {
    const sentences = [];
    const count = 3 + Math.floor(random() * 5);
    for (let k = 0; k < count; k++) {
      let s = `${pick(subjects)} ${pick(verbs)} ${pick(objects)} ${pick(tails)}`;
      if (random() < 0.4) s += `, ${pick(clauses)}`;
      sentences.push(s[0].toUpperCase() + s.slice(1) + '.');
    }
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return paragraphs.join('\n\n');
}

const left = { key: 'bench-left', text: generate(1, 1_000_000) };
const right = { key: 'bench-right', text: generate(2, 1_000_000) };
const rows = [];
const row = (what, value, unit = 'ms', target = '') => rows.push({ what, value, unit, target });

const client = new CompareWorkerClient({ workerFile: join(root, 'dist/host/compare-worker.mjs'), vectorsFile: join(root, 'dist/data/word-vectors.bin') });
try {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  // A timer on the main thread: its worst lateness shows whether matching blocks this thread.
  const ticker = setInterval(() => {}, 5);
  delay.enable();
  let t0 = performance.now();
  const cold = await client.compare(left, right);
  row('compare 2 × 1 MB, cold (worker start, vectors load, preparation)', performance.now() - t0, 'ms', '< 2000');
  delay.disable();
  clearInterval(ticker);
  row('compare 2 × 1 MB: worst main-thread event-loop delay while it ran', delay.max / 1e6, 'ms', '< 50');
  t0 = performance.now();
  await client.compare(left, right);
  row('compare 2 × 1 MB, warm (texts already prepared)', performance.now() - t0, 'ms', '< 2000');
  t0 = performance.now();
  await client.compare({ key: 'bench-left-2', text: left.text + ' ' }, { key: 'bench-right-2', text: right.text + ' ' });
  row('compare 2 × 1 MB, worker warm, texts new', performance.now() - t0, 'ms', '< 2000');
  t0 = performance.now();
  await client.related('the British sent a junior representative without powers to Moscow', right, { limit: 10 });
  row('related passages for a selection in a 1 MB text', performance.now() - t0, 'ms', '');
  row('compare 2 × 1 MB: passages left / suggestions', cold.leftPassages, `passages, ${cold.matches.length} suggestions`, '');
} finally {
  await client.close();
}

// Recall of the clustered embedding search: the share of the pairs the exact search proposes
// (each passage's 3 nearest on the other side, both ways) that it finds too. Exact over all
// ~120M pairs takes half a minute, so this samples: each pair belongs to its left passage if
// that passage proposes it, else to its right one, and the pairs of every 16th owner are checked.
{
  const vectors = loadWordVectors(readFileSync(join(root, 'dist/data/word-vectors.bin')));
  const pair = weighPair(prepareText(left.text, vectors), prepareText(right.text, vectors), vectors);
  const nR = pair.right.length;
  const sampled = (key) => Math.floor(key / nR) % 16 === 0;
  const every = (n) => Int32Array.from({ length: Math.ceil(n / 16) }, (_, k) => k * 16);
  const backward = embeddingPairs(pair, { exact: true, leftRows: new Int32Array(0), rightRows: every(nR) });
  const owners = new Set([...every(pair.left.length), ...backward.map((key) => Math.floor(key / nR))]);
  const forward = new Set(embeddingPairs(pair, { exact: true, leftRows: Int32Array.from(owners).sort(), rightRows: new Int32Array(0) }));
  const checked = [...[...forward].filter(sampled), ...backward.filter((key) => !forward.has(key))];
  const found = new Set(embeddingPairs(pair));
  const recall = checked.filter((key) => found.has(key)).length / checked.length;
  row('compare 2 × 1 MB: candidate recall vs exact (embedding search)', Math.round(recall * 1000) / 1000, `of ${checked.length} sampled pairs`, '>= 0.9');
}
console.log(JSON.stringify({ rows }));
