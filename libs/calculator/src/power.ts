import { log2BigInt } from './bigint-math';
import { CalculatorError } from './calculator-error';
import type { ResolvedCalculatorLimits } from './limits';
import * as Q from './rational';
import {
  compareMagnitude,
  describeValue,
  exactValue,
  inexactValue,
  isIntegerValue,
  log2Magnitude,
  signOfValue,
  toDecimal,
  type NumericValue,
} from './value';

/**
 * base ^ exponent. Sizes are PREDICTED from logarithms before anything is computed, so inputs
 * such as 9^9^9 or 2^1000000 are refused instantly instead of building gigantic BigInts.
 * Integer exponents on exact bases stay exact; everything else is a 40-digit approximation.
 */
export function powerValues(
  base: NumericValue,
  exponent: NumericValue,
  position: number,
  limits: ResolvedCalculatorLimits,
  /** How the operation is named in messages: `'^'` for the operator, `pow()` for the function. */
  label = "'^'",
): NumericValue {
  const where = `${label} at position ${position}`;
  if (compareMagnitude(exponent, limits.maxExponent) > 0) {
    throw new CalculatorError(
      'LIMIT_EXCEEDED',
      `the exponent ${describeValue(exponent)} of ${where} is larger than the limit maxExponent = ${limits.maxExponent}; use a smaller exponent`,
      position,
    );
  }
  const expSign = signOfValue(exponent);
  if (signOfValue(base) === 0) {
    if (expSign < 0) {
      throw new CalculatorError('DIVISION_BY_ZERO', `0 raised to a negative power (${where}) is a division by zero`, position);
    }
    // 0^0 is taken as 1, the usual convention for calculators and polynomials.
    return expSign === 0 ? exactValue(Q.ONE) : base;
  }
  if (isIntegerValue(exponent)) {
    // |exponent| <= maxExponent here, so it fits a JS number exactly.
    if (base.kind === 'exact' && exponent.kind === 'exact') {
      return exactIntegerPower(base.rational, Number(exponent.rational.num), where, position, limits);
    }
    return approximatePower(base, exponent, where, position, limits);
  }
  if (signOfValue(base) < 0) {
    throw new CalculatorError(
      'DOMAIN',
      `the negative base ${describeValue(base)} raised to the non-integer exponent ${describeValue(exponent)} (${where}) has no real value; use a positive base or an integer exponent`,
      position,
    );
  }
  return approximatePower(base, exponent, where, position, limits);
}

function exactIntegerPower(
  base: Q.Rational,
  k: number,
  where: string,
  position: number,
  limits: ResolvedCalculatorLimits,
): NumericValue {
  const magnitude = Q.absolute(base);
  if (magnitude.num === magnitude.den) {
    return exactValue(base.num < 0n && k % 2 !== 0 ? Q.negate(Q.ONE) : Q.ONE);
  }
  const oriented = k < 0 ? Q.divide(Q.ONE, base) : base;
  const steps = Math.abs(k);
  const largestPart = Math.max(log2BigInt(oriented.num), log2BigInt(oriented.den));
  // The estimate is within a fraction of a bit; the evaluator checks the exact size afterwards.
  if (steps * largestPart <= limits.maxNumberBits + 1) {
    return exactValue(Q.powerNonNegative(oriented, BigInt(steps)));
  }
  // Too many digits to keep exactly (e.g. 1.0041666^360): approximate if the magnitude is sane.
  return approximatePower(exactValue(base), exactValue(Q.makeRational(BigInt(k))), where, position, limits);
}

function approximatePower(
  base: NumericValue,
  exponent: NumericValue,
  where: string,
  position: number,
  limits: ResolvedCalculatorLimits,
): NumericValue {
  const exponentNumber = toDecimal(exponent).toNumber();
  const predictedLog2 = exponentNumber * log2Magnitude(base);
  if (Math.abs(predictedLog2) > limits.maxNumberBits) {
    throw new CalculatorError(
      'LIMIT_EXCEEDED',
      `${describeValue(base)} ^ ${describeValue(exponent)} (${where}) would be about 2^${Math.round(predictedLog2)}, which needs more than the limit maxNumberBits = ${limits.maxNumberBits} bits; use smaller numbers`,
      position,
    );
  }
  return inexactValue(toDecimal(base).pow(toDecimal(exponent)));
}
