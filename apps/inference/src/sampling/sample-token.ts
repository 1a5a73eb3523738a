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

/** log-softmax of one row of logits at temperature 1. */
export function logSoftmaxAt(logits: Float32Array, offset: number, vocab: number, tokenId: number): number {
  let max = -Infinity;
  for (let i = 0; i < vocab; i++) if (logits[offset + i]! > max) max = logits[offset + i]!;
  let sum = 0;
  for (let i = 0; i < vocab; i++) sum += Math.exp(logits[offset + i]! - max);
  return logits[offset + tokenId]! - max - Math.log(sum);
}

/**
 * Picks the next token from one row of logits (`vocab` values at `offset`). Greedy ties go to
 * the lowest id, so greedy decoding is deterministic.
 */
export function sampleToken(logits: Float32Array, offset: number, vocab: number, config: SamplingConfig, random: SeededRandom): SampledToken {
  let tokenId: number;
  if (config.temperature === 0) {
    tokenId = 0;
    for (let i = 1; i < vocab; i++) if (logits[offset + i]! > logits[offset + tokenId]!) tokenId = i;
  } else {
    tokenId = drawFiltered(logits, offset, vocab, config, random);
  }
  return { tokenId, logprob: logSoftmaxAt(logits, offset, vocab, tokenId) };
}

const RADIX_BITS = 8;
const counts = new Uint32Array(1 << RADIX_BITS);
let scratch = { ranks: new Uint32Array(0), ids: new Uint32Array(0), ranks2: new Uint32Array(0), ids2: new Uint32Array(0) };

/** Unsigned rank of a float32 given its bits: larger floats get smaller ranks; -0 and +0 tie. */
function descendingRank(bits: number): number {
  if (bits === 0x80000000) bits = 0;
  const ascending = bits & 0x80000000 ? ~bits >>> 0 : (bits | 0x80000000) >>> 0;
  return (0xffffffff - ascending) >>> 0;
}

/**
 * Ids by descending logit, ties by ascending id: a stable LSD radix sort of the ranks (4 passes
 * of 8 bits), ids starting in ascending order. Same order as a comparator sort, several times
 * faster, which matters because sampled decoding orders every row of every step.
 */
function descendingOrder(logits: Float32Array, offset: number, vocab: number): Uint32Array {
  if (scratch.ranks.length < vocab) scratch = { ranks: new Uint32Array(vocab), ids: new Uint32Array(vocab), ranks2: new Uint32Array(vocab), ids2: new Uint32Array(vocab) };
  let { ranks, ids, ranks2, ids2 } = scratch;
  const bits = new Uint32Array(logits.buffer, logits.byteOffset + offset * 4, vocab);
  for (let i = 0; i < vocab; i++) {
    ranks[i] = descendingRank(bits[i]!);
    ids[i] = i;
  }
  const mask = counts.length - 1;
  for (let shift = 0; shift < 32; shift += RADIX_BITS) {
    counts.fill(0);
    for (let i = 0; i < vocab; i++) counts[(ranks[i]! >>> shift) & mask]!++;
    let start = 0;
    for (let d = 0; d <= mask; d++) {
      const c = counts[d]!;
      counts[d] = start;
      start += c;
    }
    for (let i = 0; i < vocab; i++) {
      const at = counts[(ranks[i]! >>> shift) & mask]!++;
      ranks2[at] = ranks[i]!;
      ids2[at] = ids[i]!;
    }
    [ranks, ranks2] = [ranks2, ranks];
    [ids, ids2] = [ids2, ids];
  }
  return ids.slice(0, vocab);
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
