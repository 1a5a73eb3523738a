import type Decimal from 'decimal.js';
import { log2BigInt } from './bigint-math';
import { log2Decimal, rationalToDecimal } from './decimal-context';
import * as Q from './rational';

/**
 * A computed number. Values stay exact rationals until an irrational step (sqrt of a
 * non-square, pi, e, a non-integer exponent) forces a 40-digit decimal approximation; from then
 * on the result is marked inexact.
 */
export type NumericValue =
  | { readonly kind: 'exact'; readonly rational: Q.Rational }
  | { readonly kind: 'inexact'; readonly decimal: Decimal };

export function exactValue(rational: Q.Rational): NumericValue {
  return { kind: 'exact', rational };
}

export function inexactValue(decimal: Decimal): NumericValue {
  return { kind: 'inexact', decimal };
}

export function toDecimal(value: NumericValue): Decimal {
  return value.kind === 'exact' ? rationalToDecimal(value.rational) : value.decimal;
}

export function signOfValue(value: NumericValue): -1 | 0 | 1 {
  if (value.kind === 'exact') return Q.signOf(value.rational);
  return value.decimal.isZero() ? 0 : value.decimal.isNegative() ? -1 : 1;
}

export function isZeroValue(value: NumericValue): boolean {
  return signOfValue(value) === 0;
}

export function isIntegerValue(value: NumericValue): boolean {
  return value.kind === 'exact' ? Q.isInteger(value.rational) : value.decimal.isInteger();
}

/** log2(|value|), -Infinity for zero; used to predict sizes before expensive steps. */
export function log2Magnitude(value: NumericValue): number {
  if (value.kind === 'inexact') return log2Decimal(value.decimal);
  if (Q.isZero(value.rational)) return Number.NEGATIVE_INFINITY;
  return log2BigInt(value.rational.num) - log2BigInt(value.rational.den);
}

/** -1, 0 or 1 as |value| is below, equal to or above `bound` (a non-negative integer). */
export function compareMagnitude(value: NumericValue, bound: number): -1 | 0 | 1 {
  if (value.kind === 'inexact') return value.decimal.abs().cmp(bound) as -1 | 0 | 1;
  return Q.compare(Q.absolute(value.rational), Q.makeRational(BigInt(bound)));
}

/** Orders two values; exact when both are exact, otherwise on their decimal approximations. */
export function compareValues(a: NumericValue, b: NumericValue): -1 | 0 | 1 {
  if (a.kind === 'exact' && b.kind === 'exact') return Q.compare(a.rational, b.rational);
  return toDecimal(a).cmp(toDecimal(b)) as -1 | 0 | 1;
}

/** Short human-readable rendering of a value for error messages. */
export function describeValue(value: NumericValue): string {
  const text =
    value.kind === 'exact'
      ? Q.isInteger(value.rational)
        ? value.rational.num.toString()
        : Q.toFractionString(value.rational)
      : value.decimal.toSignificantDigits(10).toString();
  return text.length > 40 ? `${text.slice(0, 20)}...(${text.length} digits)` : text;
}
