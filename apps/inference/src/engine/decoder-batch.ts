import type { TensorData } from '../runtime/onnx-runtime';
import { cacheTensorNames, type DecoderGraph } from '../model/decoder-graph';

/**
 * Free cache columns a batch over an append graph (`cacheOutputs: 'new'`) keeps ahead of its
 * rows: growing copies the cache, so it happens once per this many steps; every step attends
 * over the free columns too (masked), so more is not free either.
 */
export const APPEND_HEADROOM = 16;

/**
 * Rows (sequences) that run their decode steps together over one KV cache. Rows are left-padded
 * to a common past length P; the attention mask hides the padding. Between steps rows may join
 * (their prefill is merged in) or leave (the cache is compacted), which is what makes batching
 * continuous.
 *
 * The cache has room for C >= P positions. A `present` graph returns the whole next cache, which
 * becomes the next past as it is (C = P, no copying of ours). An append graph returns only the
 * new keys/values: they are written into column P of the cache kept here, the free columns
 * P..C-1 fed masked, and the cache grows by `APPEND_HEADROOM` columns when full.
 */
export class DecoderBatch {
  /**
   * The mask a step feeds ([rows, C + 1]: `mask`'s columns, then the fed token's), kept from step
   * to step while the layout stands (an append graph's C stays put for `APPEND_HEADROOM` steps):
   * rebuilt every step, it was an allocation and a copy per step.
   */
  private stepMask: BigInt64Array | undefined;

  private constructor(
    private readonly graph: DecoderGraph,
    /** Per layer: key, value; each [rows, kvHeads, C, headDim]. */
    private cache: Float32Array[],
    /** [rows, C]; 1 = real token. Kept as int64, the model's input type, so steps never convert it. */
    private mask: BigInt64Array,
    /** P: columns in use; real tokens end here (left padding before them). */
    private pastLength: number,
    /** C: columns the cache has room for. */
    private capacity: number,
    /** Next position id per row = its number of real tokens. */
    private readonly positions: number[],
  ) {}

  static empty(graph: DecoderGraph): DecoderBatch {
    return new DecoderBatch(graph, Array.from({ length: graph.config.numLayers * 2 }, () => new Float32Array(0)), new BigInt64Array(0), 0, 0, []);
  }

  get size(): number {
    return this.positions.length;
  }

  /** Columns in use: the longest row's past (shorter rows are left-padded to it). */
  get padded(): number {
    return this.pastLength;
  }

  /** Positions the next step attends over per row: the used columns and any free ones. */
  get attended(): number {
    return this.pastLength < this.capacity ? this.capacity : this.pastLength + this.headroom;
  }

  /** Real tokens of row `r` so far (prompt + generated). */
  lengthOf(r: number): number {
    return this.positions[r]!;
  }

  /**
   * Runs the prompts (left-padded to a common length) and returns a new batch holding their
   * cache, plus the last-position logits of each row ([rows, vocab]).
   */
  static async prefill(graph: DecoderGraph, prompts: readonly (readonly number[])[]): Promise<{ batch: DecoderBatch; logits: Float32Array }> {
    const out = await forwardLeftPadded(graph, prompts);
    const batch = new DecoderBatch(graph, out.cache, out.mask, out.length, out.length, prompts.map((p) => p.length));
    return { batch, logits: lastPositionLogits(out.logits, prompts.length, out.length, graph.config.vocabSize) };
  }

  /** One decode step: `tokens[r]` is row r's newest token. Returns logits [rows, vocab]. */
  async step(tokens: readonly number[]): Promise<Float32Array> {
    const appends = this.graph.cacheOutputs === 'new';
    if (appends && this.pastLength === this.capacity) {
      const grown = this.copyRows(Array.from({ length: this.size }, (_, r) => r), 0);
      this.cache = grown.cache;
      this.mask = grown.mask;
      this.capacity = grown.capacity;
      this.stepMask = undefined;
    }
    const rows = this.size;
    const C = this.capacity;
    let mask = this.stepMask;
    if (mask === undefined) {
      mask = new BigInt64Array(rows * (C + 1));
      for (let r = 0; r < rows; r++) {
        mask.set(this.mask.subarray(r * C, (r + 1) * C), r * (C + 1));
        mask[r * (C + 1) + C] = 1n;
      }
      if (appends) this.stepMask = mask;
    }
    const ids = new BigInt64Array(rows);
    const pos = new BigInt64Array(rows);
    for (let r = 0; r < rows; r++) {
      ids[r] = BigInt(tokens[r]!);
      pos[r] = BigInt(this.positions[r]!);
    }
    const out = await run(this.graph, rows, ids, 1, mask, pos, this.cache, C);
    if (appends) {
      this.writeColumn(out.cache, this.pastLength);
      for (let r = 0; r < rows; r++) {
        this.mask[r * C + this.pastLength] = 1n;
        mask[r * (C + 1) + this.pastLength] = 1n;
      }
      this.pastLength++;
    } else {
      this.cache = out.cache;
      this.mask = mask;
      this.pastLength = this.capacity = C + 1;
    }
    for (let r = 0; r < rows; r++) this.positions[r]!++;
    return out.logits;
  }

  /** This batch's rows followed by `other`'s, left-padded to the longer past. */
  merge(other: DecoderBatch): DecoderBatch {
    if (this.size === 0) return other;
    if (other.size === 0) return this;
    const P = Math.max(this.pastLength, other.pastLength);
    const C = P + this.headroom;
    const rows = this.size + other.size;
    const mask = new BigInt64Array(rows * C);
    const cache = this.cache.map(() => new Float32Array(rows * this.rowStride(C)));
    let r = 0;
    for (const part of [this as DecoderBatch, other]) {
      for (let pr = 0; pr < part.size; pr++, r++) {
        const shift = P - part.pastLength;
        mask.set(part.mask.subarray(pr * part.capacity, pr * part.capacity + part.pastLength), r * C + shift);
        part.copyRowInto(pr, cache, r, C, shift);
      }
    }
    return new DecoderBatch(this.graph, cache, mask, P, C, [...this.positions, ...other.positions]);
  }

  /** Copies of row `r`, `times` over (e.g. G samples of one prompt share its prefill). */
  replicate(r: number, times: number): DecoderBatch {
    return this.select(Array.from({ length: times }, () => r));
  }

  /** A batch of the given rows in that order, with padding no row needs trimmed away. */
  select(keep: readonly number[]): DecoderBatch {
    let trim = this.pastLength;
    for (const r of keep) {
      let lead = 0;
      while (lead < this.pastLength && this.mask[r * this.capacity + lead] === 0n) lead++;
      trim = Math.min(trim, lead);
    }
    if (keep.length === 0) trim = 0;
    const { cache, mask, pastLength, capacity } = this.copyRows(keep, trim);
    return new DecoderBatch(this.graph, cache, mask, pastLength, capacity, keep.map((r) => this.positions[r]!));
  }

  /** Free columns a new layout leaves after P: none for a `present` graph, which never writes into it. */
  private get headroom(): number {
    return this.graph.cacheOutputs === 'new' ? APPEND_HEADROOM : 0;
  }

  /** Rows `keep` of this batch's cache and mask, the first `trim` columns dropped and `headroom` free columns after the rest. */
  private copyRows(keep: readonly number[], trim: number): { cache: Float32Array[]; mask: BigInt64Array; pastLength: number; capacity: number } {
    const P = this.pastLength - trim;
    const C = P + this.headroom;
    const mask = new BigInt64Array(keep.length * C);
    const cache = this.cache.map(() => new Float32Array(keep.length * this.rowStride(C)));
    keep.forEach((src, dst) => {
      mask.set(this.mask.subarray(src * this.capacity + trim, src * this.capacity + this.pastLength), dst * C);
      this.copyRowInto(src, cache, dst, C, -trim);
    });
    return { cache, mask, pastLength: P, capacity: C };
  }

  /** Writes this step's keys/values (`fresh`, per tensor [rows, kvHeads, 1, headDim]) into column `col`. */
  private writeColumn(fresh: readonly Float32Array[], col: number): void {
    const D = this.config.headDim;
    const rowsHeads = this.size * this.config.numKvHeads;
    for (let t = 0; t < this.cache.length; t++) {
      const target = this.cache[t]!;
      const source = fresh[t]!;
      for (let rh = 0; rh < rowsHeads; rh++) target.set(source.subarray(rh * D, (rh + 1) * D), (rh * this.capacity + col) * D);
    }
  }

  private get config() {
    return this.graph.config;
  }

  private rowStride(C: number): number {
    return this.config.numKvHeads * C * this.config.headDim;
  }

  /**
   * Copies the used columns of row `src` into row `dst` of `target` (capacity C), shifted right by
   * `shift` columns (negative: the first -shift columns dropped).
   */
  private copyRowInto(src: number, target: Float32Array[], dst: number, C: number, shift: number): void {
    const D = this.config.headDim;
    const H = this.config.numKvHeads;
    const from = Math.max(0, -shift);
    const count = this.pastLength - from;
    for (let t = 0; t < this.cache.length; t++) {
      for (let h = 0; h < H; h++) {
        const srcOff = ((src * H + h) * this.capacity + from) * D;
        const dstOff = ((dst * H + h) * C + Math.max(0, shift)) * D;
        target[t]!.set(this.cache[t]!.subarray(srcOff, srcOff + count * D), dstOff);
      }
    }
  }
}

/**
 * One forward pass over sequences left-padded to a common length, without a past: logits at
 * every position ([rows, length, vocab]) and the resulting cache (either signature returns the
 * prompt's keys/values here).
 */
export async function forwardLeftPadded(
  graph: DecoderGraph,
  sequences: readonly (readonly number[])[],
): Promise<{ logits: Float32Array; cache: Float32Array[]; mask: BigInt64Array; length: number }> {
  const rows = sequences.length;
  const len = Math.max(...sequences.map((p) => p.length));
  const ids = new BigInt64Array(rows * len).fill(BigInt(graph.config.padTokenId));
  const mask = new BigInt64Array(rows * len);
  const pos = new BigInt64Array(rows * len);
  sequences.forEach((p, r) => {
    const pad = len - p.length;
    p.forEach((t, i) => {
      ids[r * len + pad + i] = BigInt(t);
      mask[r * len + pad + i] = 1n;
      pos[r * len + pad + i] = BigInt(i);
    });
  });
  const empty = Array.from({ length: graph.config.numLayers * 2 }, () => new Float32Array(0));
  const out = await run(graph, rows, ids, len, mask, pos, empty, 0);
  return { ...out, mask, length: len };
}

async function run(
  graph: DecoderGraph,
  rows: number,
  ids: BigInt64Array,
  seq: number,
  mask: BigInt64Array,
  pos: BigInt64Array,
  past: Float32Array[],
  pastLen: number,
): Promise<{ logits: Float32Array; cache: Float32Array[] }> {
  const { config } = graph;
  const feeds: Record<string, TensorData> = {
    input_ids: { data: ids, dims: [rows, seq] },
    attention_mask: { data: mask, dims: [rows, pastLen + seq] },
    position_ids: { data: pos, dims: [rows, seq] },
  };
  const dims = [rows, config.numKvHeads, pastLen, config.headDim];
  const names = cacheTensorNames(config.numLayers, graph.cacheOutputs);
  for (let t = 0; t < names.past.length; t++) feeds[names.past[t]!] = { data: past[t]!, dims };
  const out = await graph.session.run(feeds);
  const cache = names.out.map((name) => out[name]!.data as Float32Array);
  return { logits: out['logits']!.data as Float32Array, cache };
}

function lastPositionLogits(logits: Float32Array, rows: number, seq: number, vocab: number): Float32Array {
  const last = new Float32Array(rows * vocab);
  for (let r = 0; r < rows; r++) last.set(logits.subarray(((r + 1) * seq - 1) * vocab, (r + 1) * seq * vocab), r * vocab);
  return last;
}
