import { APPEND_HEADROOM } from '../../../apps/inference/src/engine/decoder-batch';
import { cacheTensorNames, type DecoderGraph } from '../../../apps/inference/src/model/decoder-graph';
import type { TensorData } from '../../../apps/inference/src/runtime/onnx-runtime';

/**
 * The baseline both inference benchmarks measure against: a plain onnxruntime decode loop
 * running whole sequences (see `rawSequence`) until `seconds` have passed; returns generated
 * tokens per second.
 */
export async function rawDecodeLoop(graph: DecoderGraph, batch: number, prompt: readonly number[], newTokens: number, seconds: number): Promise<number> {
  let tokens = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) tokens += await rawSequence(graph, batch, prompt, newTokens);
  return tokens / ((performance.now() - started) / 1000);
}

/**
 * One sequence of the plain loop: `batch` copies of `prompt` prefilled together, then greedy
 * steps (no sampling beyond argmax, no log-probabilities, no text, no padding) until each has
 * `newTokens`. A `present` graph's outputs are fed straight back as the past; an append graph's
 * new keys/values are written into a cache that grows by the engine's `APPEND_HEADROOM` columns
 * when full, as the engine's does. Returns the tokens generated (batch x newTokens).
 */
export async function rawSequence(graph: DecoderGraph, batch: number, prompt: readonly number[], newTokens: number): Promise<number> {
  const { config, session } = graph;
  const names = cacheTensorNames(config.numLayers, graph.cacheOutputs);
  const [H, D] = [config.numKvHeads, config.headDim];
  const kv = (past: Float32Array[], len: number) => {
    const feeds: Record<string, TensorData> = {};
    names.past.forEach((name, t) => (feeds[name] = { data: past[t]!, dims: [batch, H, len, D] }));
    return feeds;
  };
  /** Columns 0..`used`-1 of `from` (capacity `fromCap`) into a new cache of capacity `cap`. */
  const regrow = (from: Float32Array[], fromCap: number, used: number, cap: number) =>
    from.map((src) => {
      const dst = new Float32Array(batch * H * cap * D);
      for (let rh = 0; rh < batch * H; rh++) dst.set(src.subarray(rh * fromCap * D, (rh * fromCap + used) * D), rh * cap * D);
      return dst;
    });
  const maskOf = (used: number, cap: number) => {
    const mask = new BigInt64Array(batch * (cap + 1));
    for (let r = 0; r < batch; r++) mask.fill(1n, r * (cap + 1), r * (cap + 1) + used).fill(1n, r * (cap + 1) + cap, (r + 1) * (cap + 1));
    return mask;
  };
  let tokens = 0;
  const L = prompt.length;
  let out = await session.run({
    input_ids: { data: BigInt64Array.from({ length: batch * L }, (_, i) => BigInt(prompt[i % L]!)), dims: [batch, L] },
    attention_mask: { data: new BigInt64Array(batch * L).fill(1n), dims: [batch, L] },
    position_ids: { data: BigInt64Array.from({ length: batch * L }, (_, i) => BigInt(i % L)), dims: [batch, L] },
    ...kv(Array.from({ length: 2 * config.numLayers }, () => new Float32Array(0)), 0),
  });
  let seq = L;
  let cache = names.out.map((name) => out[name]!.data as Float32Array);
  let cap = L;
  let mask = maskOf(seq, cap);
  let lastLogits = (r: number) => ((r + 1) * L - 1) * config.vocabSize;
  for (let step = 0; step < newTokens; step++) {
    const logits = out['logits']!.data as Float32Array;
    const next = new BigInt64Array(batch);
    for (let r = 0; r < batch; r++) {
      let best = 0;
      const off = lastLogits(r);
      for (let v = 1; v < config.vocabSize; v++) if (logits[off + v]! > logits[off + best]!) best = v;
      next[r] = BigInt(best);
    }
    tokens += batch;
    if (step === newTokens - 1) break;
    if (graph.cacheOutputs === 'new' && seq === cap) {
      cache = regrow(cache, cap, seq, cap + APPEND_HEADROOM);
      cap += APPEND_HEADROOM;
      mask = maskOf(seq, cap);
    }
    if (graph.cacheOutputs === 'present') mask = maskOf(seq, seq);
    out = await session.run({
      input_ids: { data: next, dims: [batch, 1] },
      attention_mask: { data: mask, dims: [batch, cap + 1] },
      position_ids: { data: new BigInt64Array(batch).fill(BigInt(seq)), dims: [batch, 1] },
      ...kv(cache, cap),
    });
    const fresh = names.out.map((name) => out[name]!.data as Float32Array);
    if (graph.cacheOutputs === 'present') {
      cache = fresh;
      cap = seq + 1;
    } else {
      // This step's keys/values ([batch, H, 1, D]) go into column `seq`.
      fresh.forEach((src, t) => {
        for (let rh = 0; rh < batch * H; rh++) cache[t]!.set(src.subarray(rh * D, (rh + 1) * D), (rh * cap + seq) * D);
      });
      for (let r = 0; r < batch; r++) mask[r * (cap + 1) + seq] = 1n;
    }
    seq++;
    lastLogits = (r) => r * config.vocabSize;
  }
  return tokens;
}
