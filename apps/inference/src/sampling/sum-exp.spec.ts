import { SeededRandom } from './seeded-random';
import { sumExpBelowMax } from './sum-exp';

const reference = (row: Float32Array, max: number) => row.reduce((s, l) => s + Math.exp(l - max), 0);

describe('sumExpBelowMax', () => {
  it('matches the Math.exp sum to 1e-13 (relative) on logit rows of several spreads', () => {
    const random = new SeededRandom(5);
    let worst = 0;
    for (const spread of [0.01, 1, 8, 30, 200, 1000]) {
      for (let n = 0; n < 50; n++) {
        const row = Float32Array.from({ length: 1024 }, () => (random.next() - 0.5) * spread);
        const max = row.reduce((m, l) => Math.max(m, l), -Infinity);
        worst = Math.max(worst, Math.abs(sumExpBelowMax(row, 0, row.length, max) / reference(row, max) - 1));
      }
    }
    expect(worst).toBeLessThan(1e-13);
  });

  it('agrees term by term across the range of x - max where doubles are normal', () => {
    let worst = 0;
    for (let x = -700; x <= 0; x += 0.000731) {
      const one = Float32Array.of(x);
      // Float32 rounding of x is the same on both sides: compare against the stored value.
      const rel = Math.abs(sumExpBelowMax(one, 0, 1, 0) / Math.exp(one[0]!) - 1);
      if (rel > worst) worst = rel;
    }
    expect(worst).toBeLessThan(1e-13);
    // Where e^x is subnormal only the magnitude is kept; below that it is 0, as for Math.exp.
    expect(sumExpBelowMax(Float32Array.of(-740), 0, 1, 0)).toBeLessThan(1e-320);
    expect(sumExpBelowMax(Float32Array.of(-800), 0, 1, 0)).toBe(0);
  });

  it('counts a row of equal logits exactly, skips -Infinity, reads only its slice, and lets a NaN through', () => {
    expect(sumExpBelowMax(new Float32Array(1024).fill(3.5), 0, 1024, 3.5)).toBe(1024);
    expect(sumExpBelowMax(Float32Array.of(0, -Infinity, -Infinity, 0), 0, 4, 0)).toBe(2);
    expect(sumExpBelowMax(Float32Array.of(9, 9, 0, 0, 0, 9), 2, 3, 0)).toBe(3);
    expect(sumExpBelowMax(Float32Array.of(0, Number.NaN), 0, 2, 0)).toBeNaN();
  });
});
