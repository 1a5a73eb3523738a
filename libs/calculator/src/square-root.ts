import { exactSqrt } from './bigint-math';
import { CalculatorError } from './calculator-error';
import { makeRational } from './rational';
import {
  describeValue,
  exactValue,
  inexactValue,
  signOfValue,
  toDecimal,
  type NumericValue,
} from './value';

/**
 * Square root. Exact when numerator and denominator are both perfect squares
 * (sqrt(9/4) = 3/2); otherwise a 40-digit approximation and the result becomes inexact.
 */
export function sqrtValue(x: NumericValue, position: number): NumericValue {
  if (signOfValue(x) < 0) {
    throw new CalculatorError(
      'DOMAIN',
      `sqrt() at position ${position} got the negative number ${describeValue(x)}; square roots of negative numbers are not real, so the argument must be >= 0`,
      position,
    );
  }
  if (x.kind === 'exact') {
    const num = exactSqrt(x.rational.num);
    const den = exactSqrt(x.rational.den);
    if (num !== undefined && den !== undefined) return exactValue(makeRational(num, den));
  }
  return inexactValue(toDecimal(x).sqrt());
}
