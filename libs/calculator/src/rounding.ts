import { divideRoundHalfAway } from './bigint-math';
import { InexactDecimal } from './decimal-context';
import * as Q from './rational';
import { exactValue, inexactValue, type NumericValue } from './value';

/** floor, ceil, abs and round on NumericValue; exactness is preserved either way. */

export function floorValue(x: NumericValue): NumericValue {
  return x.kind === 'exact' ? exactValue(Q.floor(x.rational)) : inexactValue(x.decimal.floor());
}

export function ceilValue(x: NumericValue): NumericValue {
  return x.kind === 'exact' ? exactValue(Q.ceil(x.rational)) : inexactValue(x.decimal.ceil());
}

export function absValue(x: NumericValue): NumericValue {
  return x.kind === 'exact' ? exactValue(Q.absolute(x.rational)) : inexactValue(x.decimal.abs());
}

/**
 * Rounds to `digits` decimal places, ties AWAY from zero (2.5 -> 3, -2.5 -> -3), as people
 * expect in word problems. Negative `digits` round to tens, hundreds, ...: round(1250, -2) = 1300.
 * `digits` must already be a bounded integer (checked by the caller).
 */
export function roundValue(x: NumericValue, digits: number): NumericValue {
  const scale = 10n ** BigInt(Math.abs(digits));
  if (x.kind === 'exact') {
    const factor = Q.makeRational(scale);
    const scaled = digits >= 0 ? Q.multiply(x.rational, factor) : Q.divide(x.rational, factor);
    const rounded = Q.makeRational(divideRoundHalfAway(scaled.num, scaled.den));
    return exactValue(digits >= 0 ? Q.divide(rounded, factor) : Q.multiply(rounded, factor));
  }
  // decimal.js ROUND_HALF_UP rounds ties away from zero, matching the exact branch.
  if (digits >= 0) return inexactValue(x.decimal.toDecimalPlaces(digits, InexactDecimal.ROUND_HALF_UP));
  const factor = scale.toString();
  return inexactValue(x.decimal.div(factor).toDecimalPlaces(0, InexactDecimal.ROUND_HALF_UP).times(factor));
}
