/**
 * A deliberately separate, minimal exact fraction type for the property tests. It shares no code
 * with the library's rational.ts, so the two implementations check each other.
 */
export interface Fraction {
  readonly n: bigint;
  readonly d: bigint;
}

/** Thrown by the reference when the tree divides by zero (or raises 0 to a negative power). */
export class ReferenceDivisionByZero extends Error {}

function greatestCommonDivisor(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y > 0n) {
    const r = x % y;
    x = y;
    y = r;
  }
  return x;
}

export function fraction(n: bigint, d = 1n): Fraction {
  if (d === 0n) throw new ReferenceDivisionByZero();
  if (n === 0n) return { n: 0n, d: 1n };
  const g = greatestCommonDivisor(n, d);
  const sign = d < 0n ? -1n : 1n;
  return { n: (sign * n) / g, d: (sign * d) / g };
}

export const plus = (a: Fraction, b: Fraction) => fraction(a.n * b.d + b.n * a.d, a.d * b.d);
export const minus = (a: Fraction, b: Fraction) => fraction(a.n * b.d - b.n * a.d, a.d * b.d);
export const times = (a: Fraction, b: Fraction) => fraction(a.n * b.n, a.d * b.d);
export const over = (a: Fraction, b: Fraction) => fraction(a.n * b.d, a.d * b.n);

/** Integer power by repeated multiplication (exponents in the tests are tiny). */
export function raise(base: Fraction, exponent: number): Fraction {
  let result = fraction(1n);
  for (let i = 0; i < Math.abs(exponent); i += 1) result = times(result, base);
  return exponent < 0 ? over(fraction(1n), result) : result;
}

/** Bits of the larger of |numerator| and denominator. */
export function sizeInBits(value: Fraction): number {
  const magnitude = value.n < 0n ? -value.n : value.n;
  const larger = magnitude > value.d ? magnitude : value.d;
  return larger === 0n ? 0 : larger.toString(2).length;
}
