import Decimal from 'decimal.js';
import { powerOfTen } from './bigint-math';
import { makeRational, type Rational } from './rational';
import { parseDecimalText, scaledDecimalToRational } from './decimal-text';

/** Significant digits carried by inexact values (results of irrational steps). */
export const INEXACT_PRECISION = 40;

/**
 * A private decimal.js constructor, so our precision is not affected by (and does not affect)
 * other users of the global Decimal configuration. Exponent limits are wide open because size is
 * bounded by our own maxNumberBits check instead.
 */
export const InexactDecimal = Decimal.clone({
  precision: INEXACT_PRECISION,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
  minE: -9e15,
  maxE: 9e15,
});

export type InexactDecimal = Decimal;

/** Extra digits computed before the final rounding to INEXACT_PRECISION. */
const GUARD_DIGITS = 5;

/**
 * Nearest 40-digit decimal to an exact rational. The quotient is computed with BigInt (fast even
 * for 4096-bit operands, unlike decimal.js on 1000+ digit strings) and a sticky digit records a
 * non-zero remainder, so the single final rounding is correct.
 */
export function rationalToDecimal(r: Rational): Decimal {
  if (r.num === 0n) return new InexactDecimal(0);
  const magnitudeDigits = (r.num < 0n ? -r.num : r.num).toString().length - r.den.toString().length;
  const shift = INEXACT_PRECISION + GUARD_DIGITS - magnitudeDigits;
  const [scaledNum, scaledDen] = shift >= 0 ? [r.num * powerOfTen(shift), r.den] : [r.num, r.den * powerOfTen(-shift)];
  const quotient = scaledNum / scaledDen;
  const sticky = scaledNum % scaledDen === 0n ? '0' : '1';
  return new InexactDecimal(`${quotient}${sticky}e${-shift - 1}`).toSignificantDigits(INEXACT_PRECISION);
}

/** The exact rational value of a finite decimal (a decimal always terminates). */
export function decimalToRational(d: Decimal): Rational {
  if (!d.isFinite()) throw new RangeError('cannot convert a non-finite decimal to a rational');
  if (d.isZero()) return makeRational(0n);
  const scaled = parseDecimalText(d.toExponential());
  if (scaled === undefined) throw new RangeError(`unexpected decimal text ${d.toExponential()}`);
  return scaledDecimalToRational(scaled);
}

/** log2(|d|) as a float, without overflowing on huge or tiny values. */
export function log2Decimal(d: Decimal): number {
  if (d.isZero()) return Number.NEGATIVE_INFINITY;
  const [mantissa, exponent] = d.abs().toExponential(16).split('e');
  return Math.log2(Number(mantissa)) + Number(exponent) * Math.log2(10);
}
