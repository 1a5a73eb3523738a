import { powerOfTen } from './bigint-math';
import { makeRational, type Rational } from './rational';

/** A decimal number written as mantissa * 10^exponent, both taken literally from the text. */
export interface ScaledDecimal {
  readonly mantissa: bigint;
  readonly exponent: number;
}

// Digits, optional fraction, optional scientific exponent; at least one mantissa digit somewhere.
// The pattern has no nested quantifiers, so it runs in linear time on any input.
const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * Parses `12`, `0.5`, `.5`, `3.`, `1e3`, `-2.5E-2` exactly. Returns undefined for anything else.
 * The exponent may be huge or Infinity for absurd input; callers bound it before using it.
 */
export function parseDecimalText(text: string): ScaledDecimal | undefined {
  const match = DECIMAL_TEXT.exec(text);
  if (match === null) return undefined;
  const [, sign, whole = '', fraction = '', exponentText] = match;
  const digits = whole + fraction;
  if (digits.length === 0) return undefined;
  const magnitude = BigInt(digits);
  const exponent = (exponentText === undefined ? 0 : Number(exponentText)) - fraction.length;
  return { mantissa: sign === '-' ? -magnitude : magnitude, exponent };
}

/** Exact value of mantissa * 10^exponent. No size limits here: callers predict size first. */
export function scaledDecimalToRational({ mantissa, exponent }: ScaledDecimal): Rational {
  if (mantissa === 0n) return makeRational(0n);
  return exponent >= 0
    ? makeRational(mantissa * powerOfTen(exponent))
    : makeRational(mantissa, powerOfTen(-exponent));
}
