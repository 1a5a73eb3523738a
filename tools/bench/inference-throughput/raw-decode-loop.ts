import type { DecoderConfig } from '../../../apps/inference/src/model/model-config';
import type { RuntimeSession, TensorData } from '../../../apps/inference/src/runtime/onnx-runtime';

/**
 * The baseline both inference benchmarks measure against: a plain onnxruntime decode loop,
 * `batch` copies of `prompt` prefilled together, then greedy steps feeding `present` straight
 * back as `past` (no sampling beyond argmax, no log-probabilities, no text). Runs whole
 * sequences of `newTokens` until `seconds` have passed; returns generated tokens per second.
 */
export async function rawDecodeLoop(session: RuntimeSession, config: DecoderConfig, batch: number, prompt: readonly number[], newTokens: number, seconds: number): Promise<number> {
  const kv = (past: Float32Array[], len: number) => {
    const feeds: Record<string, TensorData> = {};
    for (let l = 0; l < config.numLayers; l++) {
      feeds[`past_key_values.${l}.key`] = { data: past[2 * l]!, dims: [batch, config.numKvHeads, len, config.headDim] };
      feeds[`past_key_values.${l}.value`] = { data: past[2 * l + 1]!, dims: [batch, config.numKvHeads, len, config.headDim] };
    }
    return feeds;
  };
  let tokens = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    const L = prompt.length;
    let out = await session.run({
      input_ids: { data: BigInt64Array.from({ length: batch * L }, (_, i) => BigInt(prompt[i % L]!)), dims: [batch, L] },
      attention_mask: { data: new BigInt64Array(batch * L).fill(1n), dims: [batch, L] },
      position_ids: { data: BigInt64Array.from({ length: batch * L }, (_, i) => BigInt(i % L)), dims: [batch, L] },
      ...kv(Array.from({ length: 2 * config.numLayers }, () => new Float32Array(0)), 0),
    });
    let seq = L;
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
      const past = Array.from({ length: config.numLayers }, (_, l) => [out[`present.${l}.key`]!.data, out[`present.${l}.value`]!.data]).flat() as Float32Array[];
      out = await session.run({
        input_ids: { data: next, dims: [batch, 1] },
        attention_mask: { data: new BigInt64Array(batch * (seq + 1)).fill(1n), dims: [batch, seq + 1] },
        position_ids: { data: new BigInt64Array(batch).fill(BigInt(seq)), dims: [batch, 1] },
        ...kv(past, seq),
      });
      seq++;
      lastLogits = (r) => r * config.vocabSize;
    }
  }
  return tokens / ((performance.now() - started) / 1000);
}
