import { absBigInt, divideRoundHalfAway, powerOfTen } from './bigint-math';
import type { Rational } from './rational';

/** Exact decimal-digit helpers used to print rationals without going through floats. */

/** floor(log10(|r|)) for r != 0, computed exactly. */
export function decimalExponent(r: Rational): number {
  const n = absBigInt(r.num);
  const guess = n.toString().length - r.den.toString().length;
  // |r| lies strictly between 10^(guess-1) and 10^(guess+1), so only two candidates remain.
  const atLeast = guess >= 0 ? n >= r.den * powerOfTen(guess) : n * powerOfTen(-guess) >= r.den;
  return atLeast ? guess : guess - 1;
}

/** |r| * 10^places rounded to an integer, ties away from zero (places may be negative). */
export function scaleAndRound(r: Rational, places: number): bigint {
  const n = absBigInt(r.num);
  return places >= 0
    ? divideRoundHalfAway(n * powerOfTen(places), r.den)
    : divideRoundHalfAway(n, r.den * powerOfTen(-places));
}

/** Text of digits / 10^places (digits >= 0, places >= 0), trailing fractional zeros removed. */
export function digitsToDecimalText(digits: bigint, places: number): string {
  const padded = digits.toString().padStart(places + 1, '0');
  const whole = padded.slice(0, padded.length - places);
  const fraction = padded.slice(padded.length - places).replace(/0+$/, '');
  return fraction.length > 0 ? `${whole}.${fraction}` : whole;
}

/**
 * Number of decimal places of 1/den when it terminates (den = 2^a * 5^b gives max(a, b)),
 * otherwise undefined.
 */
export function terminatingDecimalPlaces(den: bigint): number | undefined {
  let rest = den;
  let twos = 0;
  let fives = 0;
  while (rest % 2n === 0n) {
    rest /= 2n;
    twos += 1;
  }
  while (rest % 5n === 0n) {
    rest /= 5n;
    fives += 1;
  }
  return rest === 1n ? Math.max(twos, fives) : undefined;
}
