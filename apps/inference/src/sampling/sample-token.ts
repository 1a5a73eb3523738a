import { descendingOrder } from './descending-order';
import { sumExpBelowMax } from './sum-exp';
import type { SeededRandom } from './seeded-random';

export interface SamplingConfig {
  /** 0 = greedy. */
  readonly temperature: number;
  /** 0 = off. */
  readonly topK: number;
  /** 1 = off. */
  readonly topP: number;
}

export interface SampledToken {
  readonly tokenId: number;
  /** Log-probability under the unmodified distribution (temperature 1, no top-k/top-p). */
  readonly logprob: number;
}

/**
 * log-softmax of one row of logits at temperature 1. `knownMax`: the row's largest logit when
 * the caller has it (greedy just found it), which saves a pass; the result is the same number.
 */
export function logSoftmaxAt(logits: Float32Array, offset: number, vocab: number, tokenId: number, knownMax?: number): number {
  let max = knownMax ?? -Infinity;
  if (knownMax === undefined) for (let i = 0; i < vocab; i++) if (logits[offset + i]! > max) max = logits[offset + i]!;
  return logits[offset + tokenId]! - max - Math.log(sumExpBelowMax(logits, offset, vocab, max));
}

/**
 * Picks the next token from one row of logits (`vocab` values at `offset`). Greedy ties go to
 * the lowest id, so greedy decoding is deterministic.
 */
export function sampleToken(logits: Float32Array, offset: number, vocab: number, config: SamplingConfig, random: SeededRandom): SampledToken {
  if (config.temperature === 0) {
    let tokenId = 0;
    let max = logits[offset]!;
    for (let i = 1; i < vocab; i++) {
      const l = logits[offset + i]!;
      if (l > max) {
        max = l;
        tokenId = i;
      }
    }
    return { tokenId, logprob: logSoftmaxAt(logits, offset, vocab, tokenId, max) };
  }
  const tokenId = drawFiltered(logits, offset, vocab, config, random);
  return { tokenId, logprob: logSoftmaxAt(logits, offset, vocab, tokenId) };
}

function drawFiltered(logits: Float32Array, offset: number, vocab: number, config: SamplingConfig, random: SeededRandom): number {
  // Candidates by descending logit (ties by id), cut by top-k, then by top-p on the tempered distribution.
  const order = descendingOrder(logits, offset, vocab);
  const k = config.topK > 0 ? Math.min(config.topK, vocab) : vocab;
  const max = logits[offset + order[0]!]!;
  const weights = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < k; i++) {
    const w = Math.exp((logits[offset + order[i]!]! - max) / config.temperature);
    weights[i] = w;
    total += w;
  }
  let keep = k;
  if (config.topP < 1) {
    let cumulative = 0;
    for (let i = 0; i < k; i++) {
      cumulative += weights[i]! / total;
      if (cumulative >= config.topP) {
        keep = i + 1;
        break;
      }
    }
  }
  let mass = 0;
  for (let i = 0; i < keep; i++) mass += weights[i]!;
  let u = random.next() * mass;
  for (let i = 0; i < keep; i++) {
    u -= weights[i]!;
    if (u < 0) return order[i]!;
  }
  return order[keep - 1]!;
}
