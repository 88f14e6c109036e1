/**
 * Candidate generation: which pairs of passages are worth the expensive soft
 * alignment. Two megabyte texts have ~10k passages each, 100M pairs; instead
 * each passage keeps its nearest few on the other side by (a) shared
 * informative terms, through an inverted index, and (b) passage embeddings,
 * searched exactly when small and, when large, through clusters in a
 * 32-dimensional projection and reranked with the full embeddings.
 *
 * Everything here works on the flat arrays of `WeightedPair.flat`: on a
 * megabyte pair the loops run tens of millions of times, and per-passage
 * objects, closures and Sets cost more than the arithmetic.
 */
import type { WeightedPair, WeightedSide } from './weighting';
import { seededRandom } from '../seeded-random';

/** Neighbours kept per passage and per signal. */
const PER_PASSAGE = 3;
/** Above this many pairs the embedding search goes through clusters. */
const EXACT_PAIRS = 1_500_000;
/** Dimensions of the projection the clustered search compares in. */
const REDUCED_DIMENSIONS = 32;
/** Clusters probed per passage in the clustered search. */
const PROBES = 4;
/** Nearest passages in the projection that are reranked with the full embeddings. */
const RERANK = 8;
/** Rounds of k-means, on a sample of the passages. */
const KMEANS_ROUNDS = 2;
/** Sampled passages per cluster for k-means. */
const KMEANS_SAMPLE_PER_CLUSTER = 20;
/** Iterations of the orthogonal iteration that finds the projection. */
const SUBSPACE_ITERATIONS = 16;
/** Passages sampled for the second-moment matrix of the projection. */
const MOMENT_SAMPLE = 4096;

/**
 * The best `size` (index, score) entries per row, sorted by score; among
 * equal scores the one offered first stays ahead, like a stable sort. Scores
 * are kept in float32, which decides near-ties, as compare mode always has.
 */
class Neighbours {
  readonly indices: Int32Array;
  readonly scores: Float32Array;
  readonly counts: Uint8Array;
  constructor(
    rows: number,
    readonly size: number,
  ) {
    this.indices = new Int32Array(rows * size);
    this.scores = new Float32Array(rows * size);
    this.counts = new Uint8Array(rows);
  }
  /** The score an offer to `row` must beat to be kept. */
  floor(row: number): number {
    return this.counts[row] === this.size ? this.scores[row * this.size + this.size - 1]! : -Infinity;
  }
  offer(row: number, index: number, score: number): void {
    const size = this.size;
    const base = row * size;
    const count = this.counts[row]!;
    if (count === size && score <= this.scores[base + size - 1]!) return;
    let at = count < size ? count : size - 1;
    if (count < size) this.counts[row] = count + 1;
    while (at > 0 && this.scores[base + at - 1]! < score) {
      this.scores[base + at] = this.scores[base + at - 1]!;
      this.indices[base + at] = this.indices[base + at - 1]!;
      at--;
    }
    this.scores[base + at] = score;
    this.indices[base + at] = index;
  }
}

/** Candidate pairs as keys `left * rightCount + right`, ascending, without repeats. */
export function candidatePairs(pair: WeightedPair): number[] {
  const nL = pair.left.length;
  const nR = pair.right.length;
  const keys = new Float64Array(4 * PER_PASSAGE * (nL + nR));
  let count = 0;
  const collect = (tops: Neighbours, forward: boolean) => {
    const rows = forward ? nL : nR;
    for (let row = 0; row < rows; row++) {
      for (let k = 0; k < tops.counts[row]!; k++) {
        const other = tops.indices[row * tops.size + k]!;
        keys[count++] = forward ? row * nR + other : other * nR + row;
      }
    }
  };
  collect(lexicalNeighbours(pair, pair.flat.left, pair.flat.right), true);
  collect(lexicalNeighbours(pair, pair.flat.right, pair.flat.left), false);
  const { forward, backward } = embeddingNeighbours(pair);
  collect(forward, true);
  collect(backward, false);
  return sortedUnique(keys.subarray(0, count));
}

/**
 * The pairs the embedding search alone proposes, `exact` or as compare mode
 * runs it; `leftRows`/`rightRows` restrict the exact search to some passages.
 * For measuring the recall of the clustered search (tests/bench/compare-bench.mjs).
 */
export function embeddingPairs(pair: WeightedPair, options: { exact?: boolean; leftRows?: Int32Array; rightRows?: Int32Array } = {}): number[] {
  const nL = pair.left.length;
  const nR = pair.right.length;
  const { left, right } = pair.flat;
  const dims = pair.dimensions;
  const keys: number[] = [];
  if (options.exact) {
    const leftRows = options.leftRows ?? range(nL);
    const rightRows = options.rightRows ?? range(nR);
    const forward = new Neighbours(nL, PER_PASSAGE);
    const backward = new Neighbours(nR, PER_PASSAGE);
    exactSearch(left.embeddings, leftRows, right.embeddings, range(nR), dims, forward, undefined);
    exactSearch(left.embeddings, range(nL), right.embeddings, rightRows, dims, undefined, backward);
    for (const i of leftRows) for (let k = 0; k < forward.counts[i]!; k++) keys.push(i * nR + forward.indices[i * PER_PASSAGE + k]!);
    for (const j of rightRows) for (let k = 0; k < backward.counts[j]!; k++) keys.push(backward.indices[j * PER_PASSAGE + k]! * nR + j);
  } else {
    const { forward, backward } = embeddingNeighbours(pair);
    for (let i = 0; i < nL; i++) for (let k = 0; k < forward.counts[i]!; k++) keys.push(i * nR + forward.indices[i * PER_PASSAGE + k]!);
    for (let j = 0; j < nR; j++) for (let k = 0; k < backward.counts[j]!; k++) keys.push(backward.indices[j * PER_PASSAGE + k]! * nR + j);
  }
  return sortedUnique(Float64Array.from(keys));
}

function sortedUnique(keys: Float64Array): number[] {
  keys.sort();
  const unique: number[] = [];
  for (let k = 0; k < keys.length; k++) if (k === 0 || keys[k] !== keys[k - 1]) unique.push(keys[k]!);
  return unique;
}

function range(n: number): Int32Array {
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  return rows;
}

/** For each passage of `from`, the passages of `to` with the largest lexical dot product. */
function lexicalNeighbours(pair: WeightedPair, from: WeightedSide, to: WeightedSide): Neighbours {
  // Terms in more than this many passages are left out of retrieval (they still count when scoring).
  const tooCommon = Math.max(40, pair.passageCount * 0.02);
  const df = pair.documentFrequency;
  const toCount = to.offsets.length - 1;
  const fromCount = from.offsets.length - 1;
  // Postings of each informative term, in passage order: a counting sort by term.
  const start = new Int32Array(df.length + 1);
  for (let t = 0; t < to.ids.length; t++) if (df[to.ids[t]!]! <= tooCommon) start[to.ids[t]! + 1]!++;
  for (let id = 0; id < df.length; id++) start[id + 1]! += start[id]!;
  const fill = start.slice(0, df.length);
  const postingPassage = new Int32Array(start[df.length]!);
  const postingWeight = new Float32Array(start[df.length]!);
  for (let p = 0; p < toCount; p++) {
    for (let t = to.offsets[p]!; t < to.offsets[p + 1]!; t++) {
      const id = to.ids[t]!;
      if (df[id]! > tooCommon) continue;
      const at = fill[id]!++;
      postingPassage[at] = p;
      postingWeight[at] = to.lexical[t]!;
    }
  }
  // Float32 like the lexical vectors, so that equal overlaps tie exactly.
  const accumulator = new Float32Array(toCount);
  const touched = new Int32Array(toCount);
  const tops = new Neighbours(fromCount, PER_PASSAGE);
  for (let p = 0; p < fromCount; p++) {
    let touchedCount = 0;
    for (let t = from.offsets[p]!; t < from.offsets[p + 1]!; t++) {
      const id = from.ids[t]!;
      const weight = from.lexical[t]!;
      for (let k = start[id]!; k < start[id + 1]!; k++) {
        const passage = postingPassage[k]!;
        if (accumulator[passage] === 0) touched[touchedCount++] = passage;
        accumulator[passage]! += weight * postingWeight[k]!;
      }
    }
    for (let k = 0; k < touchedCount; k++) {
      const passage = touched[k]!;
      tops.offer(p, passage, accumulator[passage]!);
      accumulator[passage] = 0;
    }
  }
  return tops;
}

/**
 * Dot products of rows `aRows[aFrom…aFrom + aCount]` of `a` with rows
 * `bRows[bFrom…bFrom + bCount]` of `b` into `out` (row-major, aCount × bCount).
 * Two by two: each value loaded serves two products. Each product is still
 * summed in dimension order, so it is the same number a plain loop gives.
 */
function blockDots(
  a: Float32Array,
  aRows: Int32Array,
  aFrom: number,
  aCount: number,
  b: Float32Array,
  bRows: Int32Array,
  bFrom: number,
  bCount: number,
  dims: number,
  out: Float64Array,
): void {
  let x = 0;
  for (; x + 1 < aCount; x += 2) {
    const a0 = aRows[aFrom + x]! * dims;
    const a1 = aRows[aFrom + x + 1]! * dims;
    const o0 = x * bCount;
    const o1 = o0 + bCount;
    let y = 0;
    for (; y + 1 < bCount; y += 2) {
      const b0 = bRows[bFrom + y]! * dims;
      const b1 = bRows[bFrom + y + 1]! * dims;
      let s00 = 0;
      let s01 = 0;
      let s10 = 0;
      let s11 = 0;
      for (let d = 0; d < dims; d++) {
        const p = a[a0 + d]!;
        const q = a[a1 + d]!;
        const u = b[b0 + d]!;
        const v = b[b1 + d]!;
        s00 += p * u;
        s01 += p * v;
        s10 += q * u;
        s11 += q * v;
      }
      out[o0 + y] = s00;
      out[o0 + y + 1] = s01;
      out[o1 + y] = s10;
      out[o1 + y + 1] = s11;
    }
    if (y < bCount) {
      const b0 = bRows[bFrom + y]! * dims;
      let s0 = 0;
      let s1 = 0;
      for (let d = 0; d < dims; d++) {
        s0 += a[a0 + d]! * b[b0 + d]!;
        s1 += a[a1 + d]! * b[b0 + d]!;
      }
      out[o0 + y] = s0;
      out[o1 + y] = s1;
    }
  }
  if (x < aCount) {
    const a0 = aRows[aFrom + x]! * dims;
    const o0 = x * bCount;
    for (let y = 0; y < bCount; y++) {
      const b0 = bRows[bFrom + y]! * dims;
      let s = 0;
      for (let d = 0; d < dims; d++) s += a[a0 + d]! * b[b0 + d]!;
      out[o0 + y] = s;
    }
  }
}

/** Rows of `a` taken together in blockDots: enough to reuse each loaded row of `b`, few enough to stay in cache. */
const TILE = 64;

/**
 * Exact nearest neighbours by embedding: every listed left row against every
 * listed right row, offered to `forward` (per left row) and `backward` (per
 * right row) in index order, positive similarities only.
 */
function exactSearch(
  left: Float32Array,
  leftRows: Int32Array,
  right: Float32Array,
  rightRows: Int32Array,
  dims: number,
  forward: Neighbours | undefined,
  backward: Neighbours | undefined,
): void {
  const out = new Float64Array(TILE * rightRows.length);
  for (let from = 0; from < leftRows.length; from += TILE) {
    const count = Math.min(TILE, leftRows.length - from);
    blockDots(left, leftRows, from, count, right, rightRows, 0, rightRows.length, dims, out);
    for (let x = 0; x < count; x++) {
      const i = leftRows[from + x]!;
      const o = x * rightRows.length;
      for (let y = 0; y < rightRows.length; y++) {
        const s = out[o + y]!;
        if (s <= 0) continue;
        forward?.offer(i, rightRows[y]!, s);
        backward?.offer(rightRows[y]!, i, s);
      }
    }
  }
}

/**
 * Nearest passages by embedding in both directions. Small pairs are searched
 * exactly; large ones through clusters (see clusteredSearch).
 */
function embeddingNeighbours(pair: WeightedPair): { forward: Neighbours; backward: Neighbours } {
  const nL = pair.left.length;
  const nR = pair.right.length;
  const { left, right } = pair.flat;
  const dims = pair.dimensions;
  if (nL * nR <= EXACT_PAIRS || dims <= REDUCED_DIMENSIONS) {
    const forward = new Neighbours(nL, PER_PASSAGE);
    const backward = new Neighbours(nR, PER_PASSAGE);
    exactSearch(left.embeddings, range(nL), right.embeddings, range(nR), dims, forward, backward);
    return { forward, backward };
  }
  return clusteredSearch(left.embeddings, nL, right.embeddings, nR, dims);
}

/**
 * The approximate search for large pairs. Embeddings are projected on the
 * main directions of this pair's passages (PCA: 32 of 100 dimensions keep
 * most of the variance of passage embeddings), the passages of both sides
 * are clustered together by k-means in the projection, and each passage
 * compares itself with the other side's passages in its few nearest
 * clusters. The best few by the projection are reranked with the full
 * embeddings, so the scores kept are exact; only the choice may miss.
 * On the bench texts this keeps ~94% of the pairs the exact search finds.
 */
function clusteredSearch(left: Float32Array, nL: number, right: Float32Array, nR: number, dims: number): { forward: Neighbours; backward: Neighbours } {
  const rank = REDUCED_DIMENSIONS;
  const clusterCount = Math.max(1, Math.round(Math.sqrt(nL + nR)));
  const probes = Math.min(PROBES, clusterCount);
  const sampleCount = Math.ceil((nL + nR) / kMeansStep(nL + nR, clusterCount));
  // Everything the dot products read or write lives in one arena (WebAssembly memory when available).
  const layout = new ArenaLayout();
  const fullLeft = layout.take(nL * dims);
  const fullRight = layout.take(nR * dims);
  const basisAt = layout.take(rank * dims);
  const reducedLeft = layout.take(nL * rank);
  const reducedRight = layout.take(nR * rank);
  const sortedLeft = layout.take(nL * rank);
  const sortedRight = layout.take(nR * rank);
  const centroidsAt = layout.take(clusterCount * rank);
  const sampleAt = layout.take(sampleCount * rank);
  const outAt = layout.take(Math.max(clusterCount, nL, nR));
  const momentStep = Math.max(1, Math.floor((nL + nR) / MOMENT_SAMPLE));
  const columnLength = Math.ceil(Math.ceil((nL + nR) / momentStep) / 4) * 4;
  const basisRegions = { step: momentStep, columns: layout.take(dims * columnLength), columnLength, moment: layout.take(dims * dims), basisAt, next: layout.take(rank * dims) };
  const arena = dotArena(layout.size);
  const f = arena.floats;
  f.set(left, fullLeft);
  f.set(right, fullRight);

  principalBasis(arena, [left, right], dims, rank, basisRegions);
  for (let i = 0; i < nL; i++) arena.dots(fullLeft + i * dims, basisAt, rank, dims, reducedLeft + i * rank);
  for (let j = 0; j < nR; j++) arena.dots(fullRight + j * dims, basisAt, rank, dims, reducedRight + j * rank);

  kMeans(arena, reducedLeft, nL, reducedRight, nR, rank, clusterCount, centroidsAt, sampleAt, sampleCount, outAt);
  const leftProbes = nearestCentroids(arena, reducedLeft, nL, centroidsAt, clusterCount, rank, probes, outAt);
  const rightProbes = nearestCentroids(arena, reducedRight, nR, centroidsAt, clusterCount, rank, probes, outAt);
  const side = (reduced: number, sorted: number, full: Float32Array, count: number, ownProbes: Int32Array) => ({ reduced, sorted, full, count, probes: ownProbes });
  const l = side(reducedLeft, sortedLeft, left, nL, leftProbes);
  const r = side(reducedRight, sortedRight, right, nR, rightProbes);
  const forward = searchThroughClusters(arena, l, r, clusterCount, probes, rank, dims, outAt);
  const backward = searchThroughClusters(arena, r, l, clusterCount, probes, rank, dims, outAt);
  return { forward, backward };
}

/** Hands out consecutive regions of the arena, in floats, each aligned to 16 bytes. */
class ArenaLayout {
  size = 0;
  take(floats: number): number {
    const at = this.size;
    this.size += Math.ceil(floats / 4) * 4;
    return at;
  }
}

/** Float storage and the one kernel of the clustered search: dot products of one row with consecutive rows. */
interface DotArena {
  floats: Float32Array;
  /** `floats[out + k] = floats[q…q + dims] · floats[b + k * dims…]` for k < count (offsets in floats). */
  dots(q: number, b: number, count: number, dims: number, out: number): void;
}

interface SimdKernel {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  dots: (q: number, b: number, count: number, dims: number, out: number) => void;
}

/** The little of WebAssembly used here: the core is compiled without DOM or Node types, which declare it. */
interface WebAssemblyApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
}

let simdKernel: SimdKernel | null | undefined;

/**
 * A float32 arena of at least `floats`, with the WebAssembly SIMD kernel
 * (four products per instruction, ~7× the plain loop) when this runtime has
 * it, else a plain JavaScript loop giving nearly the same numbers.
 */
function dotArena(floats: number): DotArena {
  if (simdKernel === undefined) simdKernel = loadSimdKernel();
  const kernel = simdKernel;
  const missing = floats * 4 - (kernel?.memory.buffer.byteLength ?? 0);
  if (kernel && missing > 0) {
    try {
      kernel.memory.grow(Math.ceil(missing / 65_536));
    } catch {
      // No more WebAssembly memory to be had: the plain loop works on an ordinary array.
      return plainArena(floats);
    }
  }
  if (kernel) {
    const view = new Float32Array(kernel.memory.buffer, 0, floats);
    return {
      floats: view,
      dots: (q, b, count, dims, out) => {
        if (dims % 4 === 0) kernel.dots(q * 4, b * 4, count, dims, out * 4);
        else plainDots(view, q, b, count, dims, out);
      },
    };
  }
  return plainArena(floats);
}

function plainArena(floats: number): DotArena {
  const view = new Float32Array(floats);
  return { floats: view, dots: (q, b, count, dims, out) => plainDots(view, q, b, count, dims, out) };
}

function plainDots(f: Float32Array, q: number, b: number, count: number, dims: number, out: number): void {
  for (let k = 0; k < count; k++) {
    const row = b + k * dims;
    let s = 0;
    for (let d = 0; d < dims; d++) s += f[q + d]! * f[row + d]!;
    f[out + k] = s;
  }
}

/**
 * The kernel as a hand-assembled WebAssembly module (203 bytes, so no build
 * step and no file to ship): `dots(q, b, count, dims, out)` on byte offsets,
 * dims a multiple of 4, each dot product summed in four float32 lanes.
 */
function loadSimdKernel(): SimdKernel | null {
  try {
    const wasm = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
    if (!wasm) return null;
    const bytes = simdKernelBytes();
    if (!wasm.validate(bytes)) return null;
    const exports = new wasm.Instance(new wasm.Module(bytes)).exports as SimdKernel;
    return { memory: exports.memory, dots: exports.dots };
  } catch {
    // A runtime without SIMD, or a content security policy without wasm-unsafe-eval: the plain loop will do.
    return null;
  }
}

function simdKernelBytes(): Uint8Array {
  const leb = (n: number) => {
    const out: number[] = [];
    do {
      let byte = n & 0x7f;
      n >>>= 7;
      if (n) byte |= 0x80;
      out.push(byte);
    } while (n);
    return out;
  };
  const section = (id: number, content: number[]) => [id, ...leb(content.length), ...content];
  const name = (text: string) => [...leb(text.length), ...Array.from(text, (c) => c.charCodeAt(0))];
  const get = (i: number) => [0x20, i];
  const set = (i: number) => [0x21, i];
  const tee = (i: number) => [0x22, i];
  const i32 = (n: number) => [0x41, n];
  const simd = (op: number) => [0xfd, ...leb(op)];
  const lane = (k: number) => [...get(ACC), ...simd(31), k];
  // Parameters q, b, count, dims, out; locals end, d, stride (i32) and acc (v128).
  const [Q, B, COUNT, DIMS, OUT, END, D, STRIDE, ACC] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const [ADD, SHL, GE_U, LT_U, BR_IF, END_BLOCK, F32_ADD, F32_STORE] = [0x6a, 0x74, 0x4f, 0x49, 0x0d, 0x0b, 0x92, 0x38];
  const [V128_LOAD, V128_CONST, F32X4_ADD, F32X4_MUL] = [0, 12, 228, 230];
  const body = [
    ...[2, 3, 0x7f, 1, 0x7b],
    ...[...get(DIMS), ...i32(2), SHL, ...set(STRIDE)],
    ...[...get(OUT), ...get(COUNT), ...i32(2), SHL, ADD, ...set(END)],
    ...[0x02, 0x40, ...get(OUT), ...get(END), GE_U, BR_IF, 0],
    ...[0x03, 0x40, ...simd(V128_CONST), ...new Array<number>(16).fill(0), ...set(ACC), ...i32(0), ...set(D)],
    ...[0x03, 0x40, ...get(ACC), ...get(Q), ...get(D), ADD, ...simd(V128_LOAD), 2, 0, ...get(B), ...get(D), ADD, ...simd(V128_LOAD), 2, 0],
    ...[...simd(F32X4_MUL), ...simd(F32X4_ADD), ...set(ACC)],
    ...[...get(D), ...i32(16), ADD, ...tee(D), ...get(STRIDE), LT_U, BR_IF, 0, END_BLOCK],
    ...[...get(OUT), ...lane(0), ...lane(1), F32_ADD, ...lane(2), F32_ADD, ...lane(3), F32_ADD, F32_STORE, 2, 0],
    ...[...get(B), ...get(STRIDE), ADD, ...set(B)],
    ...[...get(OUT), ...i32(4), ADD, ...tee(OUT), ...get(END), LT_U, BR_IF, 0, END_BLOCK],
    ...[END_BLOCK, END_BLOCK],
  ];
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0],
    ...section(1, [1, 0x60, 5, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0]),
    ...section(3, [1, 0]),
    ...section(5, [1, 0, 1]),
    ...section(7, [2, ...name('dots'), 0, 0, ...name('memory'), 2, 0]),
    ...section(10, [1, ...leb(body.length), ...body]),
  ]);
}

/**
 * An orthonormal basis (rank × dims, written at `basisAt`) of the main
 * directions of the embeddings: orthogonal iteration on their second-moment
 * matrix, estimated from an evenly spaced sample. Dot products in the
 * projection depend only on the subspace, so a partly converged basis serves
 * as well as eigenvectors. The products go through the arena's kernel: the
 * sample is stored by columns so that each moment row is one call.
 */
function principalBasis(arena: DotArena, sides: Float32Array[], dims: number, rank: number, regions: BasisRegions): void {
  const f = arena.floats;
  const { step, columns, columnLength, moment, basisAt, next } = regions;
  f.fill(0, columns, columns + dims * columnLength);
  let index = 0;
  let sampled = 0;
  for (const side of sides) {
    for (let base = 0; base < side.length; base += dims, index++) {
      if (index % step !== 0) continue;
      for (let d = 0; d < dims; d++) f[columns + d * columnLength + sampled] = side[base + d]!;
      sampled++;
    }
  }
  for (let d = 0; d < dims; d++) arena.dots(columns + d * columnLength, columns, dims, columnLength, moment + d * dims);
  const random = seededRandom(dims * 7919 + rank);
  const basis = new Float64Array(rank * dims);
  for (let k = 0; k < basis.length; k++) basis[k] = random() - 0.5;
  orthonormalise(basis, rank, dims);
  for (let iteration = 0; iteration < SUBSPACE_ITERATIONS; iteration++) {
    f.set(basis, basisAt);
    // The moment matrix is symmetric: its rows are its columns.
    for (let k = 0; k < rank; k++) arena.dots(basisAt + k * dims, moment, dims, dims, next + k * dims);
    for (let k = 0; k < basis.length; k++) basis[k] = f[next + k]!;
    orthonormalise(basis, rank, dims);
  }
  f.set(basis, basisAt);
}

/** Where principalBasis works in the arena (offsets in floats). */
interface BasisRegions {
  /** Every how many passages one is sampled. */
  step: number;
  /** The sample by columns, each `columnLength` long (a multiple of 4, zero-padded). */
  columns: number;
  columnLength: number;
  moment: number;
  basisAt: number;
  next: number;
}

/** Modified Gram–Schmidt on the rows; a row that vanishes is replaced by zeros. */
function orthonormalise(rows: Float64Array, count: number, dims: number): void {
  for (let k = 0; k < count; k++) {
    const base = k * dims;
    for (let m = 0; m < k; m++) {
      let dot = 0;
      for (let d = 0; d < dims; d++) dot += rows[base + d]! * rows[m * dims + d]!;
      for (let d = 0; d < dims; d++) rows[base + d]! -= dot * rows[m * dims + d]!;
    }
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += rows[base + d]! ** 2;
    const inverse = norm > 1e-20 ? 1 / Math.sqrt(norm) : 0;
    for (let d = 0; d < dims; d++) rows[base + d]! *= inverse;
  }
}

/** Every how many passages one is sampled for k-means. */
function kMeansStep(total: number, clusterCount: number): number {
  return Math.max(1, Math.floor(total / (clusterCount * KMEANS_SAMPLE_PER_CLUSTER)));
}

/**
 * Unit-length centroids (written at `centroidsAt`) of both sides' projected
 * passages: evenly spaced passages as seeds, then a few rounds of spherical
 * k-means on an evenly spaced sample (the full assignment happens once, in
 * nearestCentroids).
 */
function kMeans(
  arena: DotArena,
  left: number,
  nL: number,
  right: number,
  nR: number,
  rank: number,
  clusterCount: number,
  centroidsAt: number,
  sampleAt: number,
  sampleCount: number,
  outAt: number,
): void {
  const f = arena.floats;
  const step = kMeansStep(nL + nR, clusterCount);
  for (let s = 0; s < sampleCount; s++) {
    const index = s * step;
    const from = index < nL ? left + index * rank : right + (index - nL) * rank;
    f.copyWithin(sampleAt + s * rank, from, from + rank);
  }
  for (let k = 0; k < clusterCount; k++) {
    const s = Math.floor((k * sampleCount) / clusterCount);
    f.copyWithin(centroidsAt + k * rank, sampleAt + s * rank, sampleAt + (s + 1) * rank);
    normalise(f, centroidsAt + k * rank, rank);
  }
  const sums = new Float64Array(clusterCount * rank);
  const sizes = new Int32Array(clusterCount);
  for (let round = 0; round < KMEANS_ROUNDS; round++) {
    const nearest = nearestCentroids(arena, sampleAt, sampleCount, centroidsAt, clusterCount, rank, 1, outAt);
    sums.fill(0);
    sizes.fill(0);
    for (let s = 0; s < sampleCount; s++) {
      const k = nearest[s]!;
      sizes[k]!++;
      for (let d = 0; d < rank; d++) sums[k * rank + d]! += f[sampleAt + s * rank + d]!;
    }
    for (let k = 0; k < clusterCount; k++) {
      // An empty cluster keeps its seed.
      if (sizes[k] === 0) continue;
      for (let d = 0; d < rank; d++) f[centroidsAt + k * rank + d] = sums[k * rank + d]!;
      normalise(f, centroidsAt + k * rank, rank);
    }
  }
}

function normalise(v: Float32Array, base: number, dims: number): void {
  let norm = 0;
  for (let d = 0; d < dims; d++) norm += v[base + d]! ** 2;
  const inverse = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let d = 0; d < dims; d++) v[base + d]! *= inverse;
}

/** For each of `count` rows at `rows`, the `probes` centroids with the largest dot product, best first (count × probes). */
function nearestCentroids(arena: DotArena, rows: number, count: number, centroidsAt: number, clusterCount: number, rank: number, probes: number, outAt: number): Int32Array {
  const f = arena.floats;
  const best = new Neighbours(count, probes);
  for (let i = 0; i < count; i++) {
    arena.dots(rows + i * rank, centroidsAt, clusterCount, rank, outAt);
    let floor = -Infinity;
    for (let k = 0; k < clusterCount; k++) {
      if (f[outAt + k]! <= floor) continue;
      best.offer(i, k, f[outAt + k]!);
      floor = best.floor(i);
    }
  }
  // Every centroid is offered to every row, so each row has all its probes.
  return best.indices;
}

/** One side of the clustered search: its projected rows, a scratch copy sorted by cluster, full embeddings and probes. */
interface SearchSide {
  reduced: number;
  sorted: number;
  full: Float32Array;
  count: number;
  probes: Int32Array;
}

/**
 * For each `from` passage, its PER_PASSAGE nearest `to` passages among the
 * members of the clusters it probes. The `to` side's projected rows are first
 * copied into cluster order, so each probe is one call over consecutive rows.
 */
function searchThroughClusters(arena: DotArena, from: SearchSide, to: SearchSide, clusterCount: number, probes: number, rank: number, dims: number, outAt: number): Neighbours {
  const f = arena.floats;
  // Members of each cluster on the `to` side (by their nearest centroid), in index order.
  const members = groupBy(to.count, clusterCount, (j) => to.probes[j * probes]!);
  members.items.forEach((j, at) => f.copyWithin(to.sorted + at * rank, to.reduced + j * rank, to.reduced + (j + 1) * rank));
  const shortlist = new Neighbours(from.count, RERANK);
  for (let i = 0; i < from.count; i++) {
    let floor = -Infinity;
    for (let p = 0; p < probes; p++) {
      const k = from.probes[i * probes + p]!;
      const first = members.start[k]!;
      const count = members.start[k + 1]! - first;
      if (count === 0) continue;
      arena.dots(from.reduced + i * rank, to.sorted + first * rank, count, rank, outAt);
      for (let y = 0; y < count; y++) {
        if (f[outAt + y]! <= floor) continue;
        shortlist.offer(i, members.items[first + y]!, f[outAt + y]!);
        floor = shortlist.floor(i);
      }
    }
  }
  // Rerank the shortlist with the full embeddings, in index order so that ties go to the earlier passage as in the exact search.
  const tops = new Neighbours(from.count, PER_PASSAGE);
  const candidates = new Int32Array(RERANK);
  const self = new Int32Array(1);
  const scores = new Float64Array(RERANK);
  for (let i = 0; i < from.count; i++) {
    const n = shortlist.counts[i]!;
    if (n === 0) continue;
    candidates.set(shortlist.indices.subarray(i * RERANK, i * RERANK + n));
    candidates.subarray(0, n).sort();
    self[0] = i;
    blockDots(from.full, self, 0, 1, to.full, candidates, 0, n, dims, scores);
    for (let y = 0; y < n; y++) if (scores[y]! > 0) tops.offer(i, candidates[y]!, scores[y]!);
  }
  return tops;
}

/** Items 0…count-1 grouped by key, as a counting sort: group k is items[start[k]…start[k + 1]], in index order. */
function groupBy(count: number, groups: number, key: (item: number) => number): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(groups + 1);
  for (let i = 0; i < count; i++) start[key(i) + 1]!++;
  for (let k = 0; k < groups; k++) start[k + 1]! += start[k]!;
  const fill = start.slice(0, groups);
  const items = new Int32Array(count);
  for (let i = 0; i < count; i++) items[fill[key(i)]!++] = i;
  return { start, items };
}
