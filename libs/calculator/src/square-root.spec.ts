import { CalculatorError } from './calculator-error';
import { InexactDecimal } from './decimal-context';
import { makeRational } from './rational';
import { sqrtValue } from './square-root';
import { exactValue, inexactValue } from './value';

const q = (num: bigint, den: bigint = 1n) => exactValue(makeRational(num, den));

describe('sqrtValue', () => {
  it('is exact for perfect-square rationals', () => {
    expect(sqrtValue(q(9n, 4n), 1)).toEqual(q(3n, 2n));
    expect(sqrtValue(q(0n), 1)).toEqual(q(0n));
    expect(sqrtValue(q(10n ** 40n), 1)).toEqual(q(10n ** 20n));
  });

  it('approximates other values with 40 digits', () => {
    const result = sqrtValue(q(2n), 1);
    expect(result.kind).toBe('inexact');
    if (result.kind === 'inexact') {
      expect(result.decimal.toString()).toBe('1.41421356237309504880168872420969807857');
    }
    const fromInexact = sqrtValue(inexactValue(new InexactDecimal(4)), 1);
    expect(fromInexact.kind).toBe('inexact');
  });

  it('refuses negative arguments with a DOMAIN error', () => {
    let caught: unknown;
    try {
      sqrtValue(q(-4n), 6);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CalculatorError);
    expect((caught as CalculatorError).code).toBe('DOMAIN');
    expect((caught as CalculatorError).message).toContain('negative number -4');
    expect((caught as CalculatorError).message).toContain('position 6');
  });
});
