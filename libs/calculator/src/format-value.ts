import { absBigInt, powerOfTen } from './bigint-math';
import { decimalToRational } from './decimal-context';
import {
  decimalExponent,
  digitsToDecimalText,
  scaleAndRound,
  terminatingDecimalPlaces,
} from './decimal-digits';
import { isInteger, isZero, toFractionString, type Rational } from './rational';
import { toDecimal, type NumericValue } from './value';

/** Significant digits shown for values that cannot be printed exactly. */
export const DISPLAY_SIGNIFICANT_DIGITS = 10;
/** Terminating decimals with more places than this are rounded like repeating ones. */
export const MAX_EXACT_DECIMAL_PLACES = 40;

export interface FormattedValue {
  /** What the model reads: `24`, `2.5`, `0.3333333333`, `1.234567891e+30`. */
  readonly text: string;
  /** `num/den` for exact values that are not integers. */
  readonly fraction?: string;
}

/**
 * Renders a value for the model. Exact integers print in full; exact terminating decimals
 * print exactly (`0.1 + 0.2` -> `0.3`); everything else is rounded (see formatApproximately).
 * There is never a negative zero.
 */
export function formatValue(value: NumericValue): FormattedValue {
  if (value.kind === 'inexact') return { text: formatApproximately(decimalToRational(value.decimal)) };
  const r = value.rational;
  if (isInteger(r)) return { text: r.num.toString() };
  const fraction = toFractionString(r);
  const places = terminatingDecimalPlaces(r.den);
  if (places !== undefined && places <= MAX_EXACT_DECIMAL_PLACES) {
    const digits = (absBigInt(r.num) * powerOfTen(places)) / r.den;
    return { text: `${r.num < 0n ? '-' : ''}${digitsToDecimalText(digits, places)}`, fraction };
  }
  return { text: formatApproximately(r), fraction };
}

/**
 * 10 significant digits, ties away from zero, trailing zeros trimmed: 1/3 -> 0.3333333333,
 * 2/3 -> 0.6666666667, but never fewer than 2 decimal places, so large values keep every
 * integer digit (1e11/3 -> 33333333333.33).
 * Magnitudes of 1e21 and above or below 1e-6 use scientific notation (like JS numbers).
 */
export function formatApproximately(r: Rational): string {
  if (isZero(r)) return '0';
  const sign = r.num < 0n ? '-' : '';
  let exponent = decimalExponent(r);
  if (exponent >= 21 || exponent < -6) {
    let digits = scaleAndRound(r, DISPLAY_SIGNIFICANT_DIGITS - 1 - exponent);
    if (digits >= powerOfTen(DISPLAY_SIGNIFICANT_DIGITS)) {
      // Rounding carried into a new digit (9.9999999999 -> 10.00000000).
      digits /= 10n;
      exponent += 1;
    }
    const mantissa = digitsToDecimalText(digits, DISPLAY_SIGNIFICANT_DIGITS - 1);
    return `${sign}${mantissa}e${exponent >= 0 ? '+' : ''}${exponent}`;
  }
  const places = Math.max(DISPLAY_SIGNIFICANT_DIGITS - 1 - exponent, 2);
  return `${sign}${digitsToDecimalText(scaleAndRound(r, places), places)}`;
}

/** Nearest JS number, for callers that want one (±Infinity beyond double range; never -0). */
export function approximateNumber(value: NumericValue): number {
  const n = toDecimal(value).toNumber();
  return n === 0 ? 0 : n;
}
