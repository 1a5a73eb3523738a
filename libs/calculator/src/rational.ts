import { absBigInt, floorDivide, gcdBigInt } from './bigint-math';

/**
 * An exact rational number. Always normalised: gcd(|num|, den) = 1 and den > 0, so equal values
 * have equal representations and zero is 0/1 (there is no negative zero).
 */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

export function makeRational(num: bigint, den: bigint = 1n): Rational {
  // Callers check for zero divisors and report them; reaching this is a bug, not user error.
  if (den === 0n) throw new RangeError('rational with zero denominator');
  const sign = den < 0n ? -1n : 1n;
  const divisor = gcdBigInt(num, den) || 1n;
  return { num: (sign * num) / divisor, den: (sign * den) / divisor };
}

export const ZERO: Rational = makeRational(0n);
export const ONE: Rational = makeRational(1n);

export function isZero(r: Rational): boolean {
  return r.num === 0n;
}

export function isInteger(r: Rational): boolean {
  return r.den === 1n;
}

export function signOf(r: Rational): -1 | 0 | 1 {
  return r.num < 0n ? -1 : r.num > 0n ? 1 : 0;
}

export function negate(r: Rational): Rational {
  return { num: -r.num, den: r.den };
}

export function absolute(r: Rational): Rational {
  return { num: absBigInt(r.num), den: r.den };
}

export function add(a: Rational, b: Rational): Rational {
  return makeRational(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function subtract(a: Rational, b: Rational): Rational {
  return makeRational(a.num * b.den - b.num * a.den, a.den * b.den);
}

export function multiply(a: Rational, b: Rational): Rational {
  return makeRational(a.num * b.num, a.den * b.den);
}

/** a / b; b must be non-zero (callers report division by zero themselves). */
export function divide(a: Rational, b: Rational): Rational {
  return makeRational(a.num * b.den, a.den * b.num);
}

export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function floor(r: Rational): Rational {
  return makeRational(floorDivide(r.num, r.den));
}

export function ceil(r: Rational): Rational {
  return makeRational(-floorDivide(-r.num, r.den));
}

/** Floored modulo: the result has the sign of the divisor (b must be non-zero). */
export function modulo(a: Rational, b: Rational): Rational {
  return subtract(a, multiply(b, floor(divide(a, b))));
}

/** Integer power with a non-negative exponent; size checks are the caller's job. */
export function powerNonNegative(r: Rational, exponent: bigint): Rational {
  return { num: r.num ** exponent, den: r.den ** exponent };
}

export function toFractionString(r: Rational): string {
  return `${r.num}/${r.den}`;
}
