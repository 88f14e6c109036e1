/**
 * Candidate generation: which pairs of passages are worth the expensive soft
 * alignment. Two megabyte texts have ~10k passages each, 100M pairs; instead
 * each passage keeps its nearest few on the other side by (a) shared
 * informative terms, through an inverted index, and (b) passage embeddings,
 * searched exactly when small and through clusters of the right side when large.
 */
import type { WeightedPair, WeightedPassage } from './weighting';

/** Neighbours kept per passage and per signal. */
const PER_PASSAGE = 3;
/** Above this many pairs the embedding search goes through clusters. */
const EXACT_PAIRS = 1_500_000;
/** Clusters probed per left passage in the clustered search. */
const PROBES = 3;

/** Keeps the best `size` (index, score) entries seen. */
class TopK {
  readonly indices: Int32Array;
  readonly scores: Float32Array;
  count = 0;
  constructor(readonly size: number) {
    this.indices = new Int32Array(size);
    this.scores = new Float32Array(size);
  }
  offer(index: number, score: number): void {
    if (this.count === this.size && score <= this.scores[this.size - 1]!) return;
    let at = this.count < this.size ? this.count++ : this.size - 1;
    while (at > 0 && this.scores[at - 1]! < score) {
      this.scores[at] = this.scores[at - 1]!;
      this.indices[at] = this.indices[at - 1]!;
      at--;
    }
    this.scores[at] = score;
    this.indices[at] = index;
  }
}

/** Candidate pairs as keys `left * rightCount + right`, without repeats. */
export function candidatePairs(pair: WeightedPair): number[] {
  const nR = pair.right.length;
  const keys = new Set<number>();
  const add = (left: number, tops: TopK) => {
    for (let k = 0; k < tops.count; k++) keys.add(left * nR + tops.indices[k]!);
  };
  const addReverse = (right: number, tops: TopK) => {
    for (let k = 0; k < tops.count; k++) keys.add(tops.indices[k]! * nR + right);
  };
  lexicalNeighbours(pair, pair.left, pair.right).forEach((tops, i) => add(i, tops));
  lexicalNeighbours(pair, pair.right, pair.left).forEach((tops, j) => addReverse(j, tops));
  const { forward, backward } = embeddingNeighbours(pair.left, pair.right);
  forward.forEach((tops, i) => add(i, tops));
  backward.forEach((tops, j) => addReverse(j, tops));
  return [...keys].sort((a, b) => a - b);
}

/** For each passage of `from`, the passages of `to` with the largest lexical dot product. */
function lexicalNeighbours(pair: WeightedPair, from: WeightedPassage[], to: WeightedPassage[]): TopK[] {
  // Terms in more than this many passages are left out of retrieval (they still count when scoring).
  const tooCommon = Math.max(40, pair.passageCount * 0.02);
  const postings = new Map<number, Array<{ passage: number; weight: number }>>();
  to.forEach((p, index) => {
    p.ids.forEach((id, k) => {
      if (pair.documentFrequency[id]! > tooCommon) return;
      let list = postings.get(id);
      if (!list) postings.set(id, (list = []));
      list.push({ passage: index, weight: p.lexical[k]! });
    });
  });
  const accumulator = new Float32Array(to.length);
  const touched: number[] = [];
  return from.map((p) => {
    p.ids.forEach((id, k) => {
      for (const posting of postings.get(id) ?? []) {
        if (accumulator[posting.passage] === 0) touched.push(posting.passage);
        accumulator[posting.passage]! += p.lexical[k]! * posting.weight;
      }
    });
    const tops = new TopK(PER_PASSAGE);
    for (const index of touched) {
      tops.offer(index, accumulator[index]!);
      accumulator[index] = 0;
    }
    touched.length = 0;
    return tops;
  });
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let d = 0; d < a.length; d++) sum += a[d]! * b[d]!;
  return sum;
}

/**
 * Nearest passages by embedding in both directions. Small pairs are searched
 * exactly; large ones probe the few clusters of right passages nearest each
 * left passage, and the right side's neighbours are collected on the way.
 */
function embeddingNeighbours(left: WeightedPassage[], right: WeightedPassage[]): { forward: TopK[]; backward: TopK[] } {
  const forward = left.map(() => new TopK(PER_PASSAGE));
  const backward = right.map(() => new TopK(PER_PASSAGE));
  const visit = (i: number, j: number) => {
    const s = dot(left[i]!.embedding, right[j]!.embedding);
    if (s <= 0) return;
    forward[i]!.offer(j, s);
    backward[j]!.offer(i, s);
  };
  if (left.length * right.length <= EXACT_PAIRS) {
    for (let i = 0; i < left.length; i++) for (let j = 0; j < right.length; j++) visit(i, j);
    return { forward, backward };
  }
  const clusters = clusterPassages(right);
  const centroidScores = new TopK(PROBES);
  for (let i = 0; i < left.length; i++) {
    centroidScores.count = 0;
    clusters.centroids.forEach((c, k) => centroidScores.offer(k, dot(left[i]!.embedding, c)));
    for (let k = 0; k < centroidScores.count; k++) for (const j of clusters.members[centroidScores.indices[k]!]!) visit(i, j);
  }
  return { forward, backward };
}

/** A few rounds of k-means over the right passages, seeded with evenly spaced passages (deterministic). */
function clusterPassages(passages: WeightedPassage[]): { centroids: Float32Array[]; members: number[][] } {
  const count = Math.max(1, Math.round(Math.sqrt(passages.length) * 1.5));
  const dims = passages[0]?.embedding.length ?? 0;
  let centroids = Array.from({ length: count }, (_, k) => Float32Array.from(passages[Math.floor((k * passages.length) / count)]!.embedding));
  let members: number[][] = [];
  for (let round = 0; round < 1; round++) {
    members = centroids.map(() => []);
    passages.forEach((p, index) => {
      let best = 0;
      let bestScore = -Infinity;
      centroids.forEach((c, k) => {
        const s = dot(p.embedding, c);
        if (s > bestScore) [best, bestScore] = [k, s];
      });
      members[best]!.push(index);
    });
    centroids = members.map((list, k) => {
      if (list.length === 0) return centroids[k]!;
      const c = new Float32Array(dims);
      for (const index of list) for (let d = 0; d < dims; d++) c[d]! += passages[index]!.embedding[d]!;
      const n = Math.hypot(...c) || 1;
      return c.map((x) => x / n);
    });
  }
  return { centroids, members };
}
