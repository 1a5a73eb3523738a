import { descendingOrder } from './descending-order';
import { SeededRandom } from './seeded-random';

/** The order sampling used first (a comparator sort of every id): the definition to match. */
const comparatorOrder = (logits: Float32Array, offset: number, vocab: number) =>
  Array.from({ length: vocab }, (_, i) => i).sort((a, b) => logits[offset + b]! - logits[offset + a]! || a - b);

/** Logits with many exact ties, signed zeros, infinities and subnormals. */
function trickyLogits(seed: number, length: number): Float32Array {
  const r = new SeededRandom(seed);
  const pick = [0, -0, 1, -1, 2.5, -2.5, Infinity, -Infinity, 1e-40, -1e-40, 3.4e38, -3.4e38];
  return Float32Array.from({ length }, () => (r.next() < 0.5 ? pick[Math.floor(r.next() * pick.length)]! : (r.next() - 0.5) * 40));
}

describe('descendingOrder', () => {
  it.each([1, 2, 7, 263, 1024, 5000])('equals the comparator sort (descending, ties by id) for %i ids', (vocab) => {
    for (let seed = 1; seed <= 20; seed++) {
      const rows = 3;
      const logits = trickyLogits(seed * 31 + vocab, vocab * rows);
      for (let row = 0; row < rows; row++) expect([...descendingOrder(logits, row * vocab, vocab)]).toEqual(comparatorOrder(logits, row * vocab, vocab));
    }
  });

  it('skips passes whose digit all ids share and still equals the comparator sort', () => {
    // All in [1, 2): one sign and exponent, so the high byte of every rank is the same; plus ties.
    const r = new SeededRandom(9);
    const logits = Float32Array.from({ length: 1024 }, () => (r.next() < 0.2 ? 1.5 : 1 + r.next()));
    expect([...descendingOrder(logits, 0, 1024)]).toEqual(comparatorOrder(logits, 0, 1024));
    // Every digit shared: all passes skipped, ids stay in ascending order.
    expect([...descendingOrder(new Float32Array(5).fill(2.25), 0, 5)]).toEqual([0, 1, 2, 3, 4]);
  });

  it('treats -0 and +0 as equal, so the lower id comes first', () => {
    expect([...descendingOrder(Float32Array.from([-0, 0, -0, 1]), 0, 4)]).toEqual([3, 0, 1, 2]);
  });

  it('returns an array of its own: a later call does not change an earlier result', () => {
    const first = descendingOrder(Float32Array.from([1, 3, 2]), 0, 3);
    descendingOrder(Float32Array.from([9, 8, 7, 6]), 0, 4);
    expect([...first]).toEqual([1, 2, 0]);
  });
});
