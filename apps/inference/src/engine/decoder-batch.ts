import type { RuntimeSession, TensorData } from '../runtime/onnx-runtime';
import type { DecoderConfig } from '../model/model-config';

/**
 * Rows (sequences) that run their decode steps together over one KV cache. Rows are left-padded
 * to a common past length P; the attention mask hides the padding. Between steps rows may join
 * (their prefill is merged in) or leave (the cache is compacted), which is what makes batching
 * continuous. As long as membership does not change, each step feeds the model's `present`
 * straight back as `past`: no copying.
 */
export class DecoderBatch {
  private constructor(
    private readonly config: DecoderConfig,
    /** Per layer: key, value; each [rows, kvHeads, P, headDim]. */
    private cache: Float32Array[],
    /** [rows, P]; 1 = real token. Kept as int64, the model's input type, so steps never convert it. */
    private mask: BigInt64Array,
    private pastLength: number,
    /** Next position id per row = its number of real tokens. */
    private readonly positions: number[],
  ) {}

  static empty(config: DecoderConfig): DecoderBatch {
    return new DecoderBatch(config, Array.from({ length: config.numLayers * 2 }, () => new Float32Array(0)), new BigInt64Array(0), 0, []);
  }

  get size(): number {
    return this.positions.length;
  }

  get padded(): number {
    return this.pastLength;
  }

  /** Real tokens of row `r` so far (prompt + generated). */
  lengthOf(r: number): number {
    return this.positions[r]!;
  }

  /**
   * Runs the prompts (left-padded to a common length) and returns a new batch holding their
   * cache, plus the last-position logits of each row ([rows, vocab]).
   */
  static async prefill(session: RuntimeSession, config: DecoderConfig, prompts: readonly (readonly number[])[]): Promise<{ batch: DecoderBatch; logits: Float32Array }> {
    const out = await forwardLeftPadded(session, config, prompts);
    const batch = new DecoderBatch(config, out.cache, out.mask, out.length, prompts.map((p) => p.length));
    return { batch, logits: lastPositionLogits(out.logits, prompts.length, out.length, config.vocabSize) };
  }

  /** One decode step: `tokens[r]` is row r's newest token. Returns logits [rows, vocab]. */
  async step(session: RuntimeSession, tokens: readonly number[]): Promise<Float32Array> {
    const rows = this.size;
    const total = this.pastLength + 1;
    const mask = new BigInt64Array(rows * total);
    for (let r = 0; r < rows; r++) {
      mask.set(this.mask.subarray(r * this.pastLength, (r + 1) * this.pastLength), r * total);
      mask[r * total + this.pastLength] = 1n;
    }
    const ids = new BigInt64Array(rows);
    const pos = new BigInt64Array(rows);
    for (let r = 0; r < rows; r++) {
      ids[r] = BigInt(tokens[r]!);
      pos[r] = BigInt(this.positions[r]!);
    }
    const out = await run(session, this.config, rows, ids, 1, mask, total, pos, this.cache, this.pastLength);
    this.cache = out.cache;
    this.mask = mask;
    this.pastLength = total;
    for (let r = 0; r < rows; r++) this.positions[r]!++;
    return out.logits;
  }

  /** This batch's rows followed by `other`'s, left-padded to the longer past. */
  merge(other: DecoderBatch): DecoderBatch {
    if (this.size === 0) return other;
    if (other.size === 0) return this;
    const P = Math.max(this.pastLength, other.pastLength);
    const rows = this.size + other.size;
    const mask = new BigInt64Array(rows * P);
    const cache = this.cache.map(() => new Float32Array(rows * this.rowStride(P)));
    let r = 0;
    for (const part of [this as DecoderBatch, other]) {
      for (let pr = 0; pr < part.size; pr++, r++) {
        const shift = P - part.pastLength;
        mask.set(part.mask.subarray(pr * part.pastLength, (pr + 1) * part.pastLength), r * P + shift);
        part.copyRowInto(pr, cache, r, P, shift);
      }
    }
    return new DecoderBatch(this.config, cache, mask, P, [...this.positions, ...other.positions]);
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
      while (lead < this.pastLength && this.mask[r * this.pastLength + lead] === 0n) lead++;
      trim = Math.min(trim, lead);
    }
    if (keep.length === 0) trim = 0;
    const P = this.pastLength - trim;
    const mask = new BigInt64Array(keep.length * P);
    const cache = this.cache.map(() => new Float32Array(keep.length * this.rowStride(P)));
    keep.forEach((src, dst) => {
      mask.set(this.mask.subarray(src * this.pastLength + trim, (src + 1) * this.pastLength), dst * P);
      this.copyRowInto(src, cache, dst, P, -trim);
    });
    return new DecoderBatch(this.config, cache, mask, P, keep.map((r) => this.positions[r]!));
  }

  private rowStride(P: number): number {
    return this.config.numKvHeads * P * this.config.headDim;
  }

  /** Copies row `src` into row `dst` of `target` (past length P), shifted right by `shift` positions (negative: trimmed left). */
  private copyRowInto(src: number, target: Float32Array[], dst: number, P: number, shift: number): void {
    const D = this.config.headDim;
    const from = Math.max(0, -shift);
    const count = this.pastLength - from;
    for (let t = 0; t < this.cache.length; t++) {
      for (let h = 0; h < this.config.numKvHeads; h++) {
        const srcOff = ((src * this.config.numKvHeads + h) * this.pastLength + from) * D;
        const dstOff = ((dst * this.config.numKvHeads + h) * P + Math.max(0, shift)) * D;
        target[t]!.set(this.cache[t]!.subarray(srcOff, srcOff + count * D), dstOff);
      }
    }
  }
}

/**
 * One forward pass over sequences left-padded to a common length, without a past: logits at
 * every position ([rows, length, vocab]) and the resulting cache.
 */
export async function forwardLeftPadded(
  session: RuntimeSession,
  config: DecoderConfig,
  sequences: readonly (readonly number[])[],
): Promise<{ logits: Float32Array; cache: Float32Array[]; mask: BigInt64Array; length: number }> {
  const rows = sequences.length;
  const len = Math.max(...sequences.map((p) => p.length));
  const ids = new BigInt64Array(rows * len).fill(BigInt(config.padTokenId));
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
  const empty = Array.from({ length: config.numLayers * 2 }, () => new Float32Array(0));
  const out = await run(session, config, rows, ids, len, mask, len, pos, empty, 0);
  return { ...out, mask, length: len };
}

async function run(
  session: RuntimeSession,
  config: DecoderConfig,
  rows: number,
  ids: BigInt64Array,
  seq: number,
  mask: BigInt64Array,
  maskLen: number,
  pos: BigInt64Array,
  past: Float32Array[],
  pastLen: number,
): Promise<{ logits: Float32Array; cache: Float32Array[] }> {
  const feeds: Record<string, TensorData> = {
    input_ids: { data: ids, dims: [rows, seq] },
    attention_mask: { data: mask, dims: [rows, maskLen] },
    position_ids: { data: pos, dims: [rows, seq] },
  };
  const dims = [rows, config.numKvHeads, pastLen, config.headDim];
  const names = cacheNames(config.numLayers);
  for (let t = 0; t < names.past.length; t++) feeds[names.past[t]!] = { data: past[t]!, dims };
  const out = await session.run(feeds);
  const cache = names.present.map((name) => out[name]!.data as Float32Array);
  return { logits: out['logits']!.data as Float32Array, cache };
}

/** Cache tensor names by layer (key, value, key, value, ...): built once, not at every step. */
const namesByLayers = new Map<number, { readonly past: readonly string[]; readonly present: readonly string[] }>();
function cacheNames(layers: number): { readonly past: readonly string[]; readonly present: readonly string[] } {
  let names = namesByLayers.get(layers);
  if (names === undefined) {
    const per = (prefix: string) => Array.from({ length: layers }, (_, l) => [`${prefix}.${l}.key`, `${prefix}.${l}.value`]).flat();
    names = { past: per('past_key_values'), present: per('present') };
    namesByLayers.set(layers, names);
  }
  return names;
}

function lastPositionLogits(logits: Float32Array, rows: number, seq: number, vocab: number): Float32Array {
  const last = new Float32Array(rows * vocab);
  for (let r = 0; r < rows; r++) last.set(logits.subarray(((r + 1) * seq - 1) * vocab, (r + 1) * seq * vocab), r * vocab);
  return last;
}
