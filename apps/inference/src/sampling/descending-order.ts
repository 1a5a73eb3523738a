const RADIX_BITS = 8;
const DIGITS = 1 << RADIX_BITS;
const PASSES = 32 / RADIX_BITS;
/** Counts of every digit value for each of the four passes, taken in one read of the ranks. */
const counts = new Uint32Array(DIGITS * PASSES);
let scratch = { ranks: new Uint32Array(0), ids: new Uint32Array(0), ranks2: new Uint32Array(0), ids2: new Uint32Array(0) };

/**
 * Ids by descending logit, ties by ascending id: a stable LSD radix sort of unsigned ranks
 * (larger floats get smaller ranks; -0 and +0 tie) in 4 passes of 8 bits, ids starting in
 * ascending order. Same order as a comparator sort, several times faster, which matters
 * because sampled decoding orders every row of every step. A pass whose digit is the same for
 * every id (often the high byte: logits share a sign and exponent range) changes nothing and is
 * skipped.
 */
export function descendingOrder(logits: Float32Array, offset: number, vocab: number): Uint32Array {
  if (scratch.ranks.length < vocab) scratch = { ranks: new Uint32Array(vocab), ids: new Uint32Array(vocab), ranks2: new Uint32Array(vocab), ids2: new Uint32Array(vocab) };
  let { ranks, ids, ranks2, ids2 } = scratch;
  const bits = new Uint32Array(logits.buffer, logits.byteOffset + offset * 4, vocab);
  counts.fill(0);
  for (let i = 0; i < vocab; i++) {
    let b = bits[i]!;
    if (b === 0x80000000) b = 0;
    const ascending = b & 0x80000000 ? ~b >>> 0 : (b | 0x80000000) >>> 0;
    const rank = (0xffffffff - ascending) >>> 0;
    ranks[i] = rank;
    ids[i] = i;
    counts[rank & 0xff]!++;
    counts[DIGITS + ((rank >>> 8) & 0xff)]!++;
    counts[2 * DIGITS + ((rank >>> 16) & 0xff)]!++;
    counts[3 * DIGITS + (rank >>> 24)]!++;
  }
  for (let pass = 0; pass < PASSES; pass++) {
    const base = pass * DIGITS;
    const shift = pass * RADIX_BITS;
    if (counts[base + ((ranks[0]! >>> shift) & 0xff)] === vocab) continue;
    let start = 0;
    for (let d = base; d < base + DIGITS; d++) {
      const c = counts[d]!;
      counts[d] = start;
      start += c;
    }
    for (let i = 0; i < vocab; i++) {
      const rank = ranks[i]!;
      const at = counts[base + ((rank >>> shift) & 0xff)]!++;
      ranks2[at] = rank;
      ids2[at] = ids[i]!;
    }
    const r = ranks;
    ranks = ranks2;
    ranks2 = r;
    const d = ids;
    ids = ids2;
    ids2 = d;
  }
  return ids.slice(0, vocab);
}
