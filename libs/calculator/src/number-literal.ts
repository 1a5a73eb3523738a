import { CalculatorError, quote } from './calculator-error';
import { parseDecimalText, scaledDecimalToRational } from './decimal-text';
import type { ResolvedCalculatorLimits } from './limits';
import { log2BigInt } from './bigint-math';
import type { Rational } from './rational';

const LOG2_10 = Math.log2(10);

/**
 * Converts a number literal (`12`, `0.5`, `.5`, `3.`, `2.5e-3`) to an exact rational. The size
 * of `10^exponent` is predicted first, so `1e999999999` is refused without being built.
 */
export function numberLiteralToRational(
  text: string,
  position: number,
  limits: ResolvedCalculatorLimits,
): Rational {
  const scaled = parseDecimalText(text);
  if (scaled === undefined) {
    throw new CalculatorError('SYNTAX', `malformed number ${quote(text)} at position ${position}`, position);
  }
  if (scaled.mantissa === 0n) return scaledDecimalToRational(scaled);
  const mantissaBits = log2BigInt(scaled.mantissa);
  // Integer part needs ~mantissa + exponent*log2(10) bits; the reduced denominator of a
  // negative power needs at least |exponent|*log2(10) - mantissa bits.
  const predictedBits =
    scaled.exponent >= 0
      ? mantissaBits + scaled.exponent * LOG2_10
      : -scaled.exponent * LOG2_10 - mantissaBits;
  if (!(predictedBits <= limits.maxNumberBits + 1)) {
    const problem = scaled.exponent >= 0 ? 'too large' : 'too small or too precise';
    throw new CalculatorError(
      'LIMIT_EXCEEDED',
      `number ${quote(text)} at position ${position} is ${problem}: it needs about ${Math.round(predictedBits)} bits, more than the limit maxNumberBits = ${limits.maxNumberBits}`,
      position,
    );
  }
  return scaledDecimalToRational(scaled);
}
