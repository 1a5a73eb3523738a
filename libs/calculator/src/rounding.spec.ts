import { InexactDecimal } from './decimal-context';
import { makeRational } from './rational';
import { absValue, ceilValue, floorValue, roundValue } from './rounding';
import { exactValue, inexactValue, type NumericValue } from './value';

const q = (num: bigint, den: bigint = 1n) => exactValue(makeRational(num, den));
const approx = (text: string) => inexactValue(new InexactDecimal(text));
const text = (value: NumericValue) => {
  if (value.kind !== 'inexact') throw new Error('expected an inexact value');
  return value.decimal.toString();
};

describe('rounding of exact values', () => {
  it.each([
    [q(5n, 2n), 0, q(3n)],
    [q(-5n, 2n), 0, q(-3n)],
    [q(7n, 3n), 0, q(2n)],
    [q(1n, 3n), 2, q(33n, 100n)],
    [q(2n, 3n), 2, q(67n, 100n)],
    [q(-2675n, 1000n), 2, q(-268n, 100n)],
    [q(1250n), -2, q(1300n)],
    [q(-1249n), -2, q(-1200n)],
    [q(5n), -1, q(10n)],
    [q(4n), -1, q(0n)],
  ])('round(%p, %p)', (x, digits, expected) => {
    expect(roundValue(x, digits)).toEqual(expected);
  });

  it('floors, ceils and takes absolute values', () => {
    expect(floorValue(q(-7n, 2n))).toEqual(q(-4n));
    expect(ceilValue(q(-7n, 2n))).toEqual(q(-3n));
    expect(absValue(q(-7n, 2n))).toEqual(q(7n, 2n));
  });
});

describe('rounding of inexact values', () => {
  it('rounds ties away from zero and stays inexact', () => {
    expect(text(roundValue(approx('2.5'), 0))).toBe('3');
    expect(text(roundValue(approx('-2.5'), 0))).toBe('-3');
    expect(text(roundValue(approx('3.14159'), 2))).toBe('3.14');
    expect(text(roundValue(approx('1250'), -2))).toBe('1300');
  });

  it('floors, ceils and takes absolute values', () => {
    expect(text(floorValue(approx('-3.5')))).toBe('-4');
    expect(text(ceilValue(approx('-3.5')))).toBe('-3');
    expect(text(absValue(approx('-3.5')))).toBe('3.5');
  });
});
