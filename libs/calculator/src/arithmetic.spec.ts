import {
  addValues,
  divideValues,
  moduloValues,
  multiplyValues,
  negateValue,
  percentValue,
  subtractValues,
} from './arithmetic';
import { InexactDecimal } from './decimal-context';
import { makeRational } from './rational';
import { exactValue, inexactValue, type NumericValue } from './value';
import { errorOf } from './testing/error-of.test-support';

const q = (num: bigint, den: bigint = 1n) => exactValue(makeRational(num, den));
const approx = (text: string) => inexactValue(new InexactDecimal(text));

describe('arithmetic on exact values', () => {
  it('stays exact', () => {
    expect(addValues(q(1n, 10n), q(1n, 5n))).toEqual(q(3n, 10n));
    expect(subtractValues(q(1n), q(1n, 3n))).toEqual(q(2n, 3n));
    expect(multiplyValues(q(3n, 4n), q(4n, 3n))).toEqual(q(1n));
    expect(divideValues(q(1n), q(3n), 2)).toEqual(q(1n, 3n));
    expect(moduloValues(q(-7n), q(3n), 3)).toEqual(q(2n));
    expect(percentValue(q(15n))).toEqual(q(3n, 20n));
    expect(negateValue(q(2n, 3n))).toEqual(q(-2n, 3n));
  });
});

describe('arithmetic with an inexact operand', () => {
  const asDecimalText = (value: NumericValue) => {
    if (value.kind !== 'inexact') throw new Error('expected an inexact value');
    return value.decimal.toString();
  };

  it('falls back to decimal arithmetic', () => {
    expect(asDecimalText(addValues(approx('1.5'), q(1n, 2n)))).toBe('2');
    expect(asDecimalText(subtractValues(q(1n), approx('0.25')))).toBe('0.75');
    expect(asDecimalText(multiplyValues(approx('2.5'), q(2n)))).toBe('5');
    expect(asDecimalText(divideValues(approx('1'), q(4n), 2))).toBe('0.25');
    expect(asDecimalText(moduloValues(approx('-7'), q(3n), 3))).toBe('2');
    expect(asDecimalText(percentValue(approx('50')))).toBe('0.5');
    expect(asDecimalText(negateValue(approx('2')))).toBe('-2');
  });
});

describe('division by zero', () => {
  it('is reported for / with the position', () => {
    const error = errorOf(() => divideValues(q(1n), q(0n), 2));
    expect(error.code).toBe('DIVISION_BY_ZERO');
    expect(error.message).toContain('position 2');
    expect(error.position).toBe(2);
  });

  it('is reported for % and for an inexact zero divisor', () => {
    expect(errorOf(() => moduloValues(q(5n), q(0n), 3)).code).toBe('DIVISION_BY_ZERO');
    expect(errorOf(() => divideValues(q(5n), approx('0'), 3)).code).toBe('DIVISION_BY_ZERO');
  });
});
