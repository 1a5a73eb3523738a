import { CalculatorError } from './calculator-error';
import * as Q from './rational';
import {
  describeValue,
  exactValue,
  inexactValue,
  isZeroValue,
  toDecimal,
  type NumericValue,
} from './value';

/**
 * The four operations plus modulo, percent and negation on NumericValue. Exact inputs give exact
 * results; if either input is inexact the decimal approximations are combined instead.
 * Size limits are enforced by the evaluator after each call.
 */

export function addValues(a: NumericValue, b: NumericValue): NumericValue {
  if (a.kind === 'exact' && b.kind === 'exact') return exactValue(Q.add(a.rational, b.rational));
  return inexactValue(toDecimal(a).plus(toDecimal(b)));
}

export function subtractValues(a: NumericValue, b: NumericValue): NumericValue {
  if (a.kind === 'exact' && b.kind === 'exact') return exactValue(Q.subtract(a.rational, b.rational));
  return inexactValue(toDecimal(a).minus(toDecimal(b)));
}

export function multiplyValues(a: NumericValue, b: NumericValue): NumericValue {
  if (a.kind === 'exact' && b.kind === 'exact') return exactValue(Q.multiply(a.rational, b.rational));
  return inexactValue(toDecimal(a).times(toDecimal(b)));
}

export function divideValues(a: NumericValue, b: NumericValue, position: number): NumericValue {
  if (isZeroValue(b)) {
    throw new CalculatorError(
      'DIVISION_BY_ZERO',
      `division by zero: the divisor of '/' at position ${position} is 0 (dividing ${describeValue(a)} by 0 is undefined)`,
      position,
    );
  }
  if (a.kind === 'exact' && b.kind === 'exact') return exactValue(Q.divide(a.rational, b.rational));
  return inexactValue(toDecimal(a).div(toDecimal(b)));
}

/** Floored modulo, so the result takes the sign of the divisor: -7 % 3 = 2. */
export function moduloValues(a: NumericValue, b: NumericValue, position: number): NumericValue {
  if (isZeroValue(b)) {
    throw new CalculatorError(
      'DIVISION_BY_ZERO',
      `modulo by zero: the right operand of '%' at position ${position} is 0`,
      position,
    );
  }
  if (a.kind === 'exact' && b.kind === 'exact') return exactValue(Q.modulo(a.rational, b.rational));
  const x = toDecimal(a);
  const y = toDecimal(b);
  return inexactValue(x.minus(y.times(x.div(y).floor())));
}

/** Postfix percent: x% = x / 100. */
export function percentValue(a: NumericValue): NumericValue {
  if (a.kind === 'exact') return exactValue(Q.divide(a.rational, Q.makeRational(100n)));
  return inexactValue(a.decimal.div(100));
}

export function negateValue(a: NumericValue): NumericValue {
  if (a.kind === 'exact') return exactValue(Q.negate(a.rational));
  return inexactValue(a.decimal.negated());
}
