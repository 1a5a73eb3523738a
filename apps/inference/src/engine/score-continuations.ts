import type { OnnxDecoder } from '../model/onnx-decoder';
import { logSoftmaxAt } from '../sampling/sample-token';
import { forwardLeftPadded } from './decoder-batch';

/**
 * Teacher forcing: the log-probability of each continuation token given the prefix and the
 * continuation tokens before it, at temperature 1 — the same quantity Generate reports. Items
 * run in left-padded batches of one forward pass each.
 */
export async function scoreContinuations(
  decoder: OnnxDecoder,
  items: readonly { prefix: readonly number[]; continuation: readonly number[] }[],
  batchSize: number,
): Promise<number[][]> {
  const results: number[][] = [];
  for (let start = 0; start < items.length; start += batchSize) {
    const chunk = items.slice(start, start + batchSize);
    results.push(...(await scoreBatch(decoder, chunk)));
  }
  return results;
}

async function scoreBatch(decoder: OnnxDecoder, items: readonly { prefix: readonly number[]; continuation: readonly number[] }[]): Promise<number[][]> {
  const seqs = items.map((it) => [...it.prefix, ...it.continuation]);
  const { logits, length } = await forwardLeftPadded(decoder, seqs);
  const V = decoder.config.vocabSize;
  return items.map((it, r) => {
    const pad = length - seqs[r]!.length;
    // The token at sequence index j is predicted by the logits at index j - 1.
    return it.continuation.map((token, k) => logSoftmaxAt(logits, (r * length + pad + it.prefix.length + k - 1) * V, V, token));
  });
}
