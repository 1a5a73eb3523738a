import { bitLength } from './bigint-math';
import { CalculatorError } from './calculator-error';
import type { ResolvedCalculatorLimits } from './limits';
import { log2Magnitude, type NumericValue } from './value';

/**
 * Enforces maxNumberBits on a freshly computed value. Run after every operation so no
 * intermediate can grow without bound, whatever the expression.
 * `what` names the step for the message, e.g. "the result of '*' at position 4".
 */
export function enforceValueSize(
  value: NumericValue,
  limits: ResolvedCalculatorLimits,
  what: string,
  position?: number,
): NumericValue {
  const bound = limits.maxNumberBits;
  if (value.kind === 'exact') {
    const numeratorBits = bitLength(value.rational.num);
    const denominatorBits = bitLength(value.rational.den);
    if (numeratorBits > bound || denominatorBits > bound) {
      const [part, bits] =
        numeratorBits > bound ? ['numerator', numeratorBits] : ['denominator', denominatorBits];
      throw new CalculatorError(
        'LIMIT_EXCEEDED',
        `${what} is too big: its ${part} needs ${bits} bits, more than the limit maxNumberBits = ${bound}; use smaller numbers`,
        position,
      );
    }
    return value;
  }
  if (!value.decimal.isFinite()) {
    throw new CalculatorError('LIMIT_EXCEEDED', `${what} is not a finite number (limit maxNumberBits = ${bound})`, position);
  }
  const log2 = log2Magnitude(value);
  if (Math.abs(log2) > bound && log2 !== Number.NEGATIVE_INFINITY) {
    throw new CalculatorError(
      'LIMIT_EXCEEDED',
      `${what} has magnitude about 2^${Math.round(log2)}, outside the limit maxNumberBits = ${bound} (2^-${bound} to 2^${bound}); use smaller numbers`,
      position,
    );
  }
  return value;
}
