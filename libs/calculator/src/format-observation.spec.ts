import { calculate } from './calculate';
import { formatObservation } from './format-observation';

describe('formatObservation', () => {
  it('writes the trimmed expression, an arrow and the text', () => {
    expect(formatObservation('  48 / 2 \n', calculate('48 / 2'))).toBe('48 / 2 -> 24');
    expect(formatObservation('1/3', calculate('1/3'))).toBe('1/3 -> 0.3333333333');
  });

  it('writes errors with their message', () => {
    expect(formatObservation('1 / 0', calculate('1 / 0'))).toBe(
      "1 / 0 -> error: division by zero: the divisor of '/' at position 3 is 0 (dividing 1 by 0 is undefined)",
    );
    expect(formatObservation('(1 + 2', calculate('(1 + 2'))).toBe(
      "(1 + 2 -> error: expected ')' at position 7 but found end of input (to close '(' at position 1)",
    );
  });
});
