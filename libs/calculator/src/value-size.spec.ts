import { InexactDecimal } from './decimal-context';
import { DEFAULT_CALCULATOR_LIMITS } from './limits';
import { makeRational } from './rational';
import { exactValue, inexactValue, type NumericValue } from './value';
import { enforceValueSize } from './value-size';
import { errorOf } from './testing/error-of.test-support';

const check = (value: NumericValue) => enforceValueSize(value, DEFAULT_CALCULATOR_LIMITS, "the result of '*' at position 4", 4);

describe('enforceValueSize', () => {
  it('accepts values within maxNumberBits', () => {
    const value = exactValue(makeRational((1n << 4095n) + 1n, 3n));
    expect(check(value)).toBe(value);
    expect(check(inexactValue(new InexactDecimal('1e1000')))).toBeDefined();
    expect(check(inexactValue(new InexactDecimal(0)))).toBeDefined();
  });

  it('rejects a numerator over the limit, saying which part, its size and the bound', () => {
    const error = errorOf(() => check(exactValue(makeRational(1n << 4096n))));
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(error.message).toContain("the result of '*' at position 4 is too big");
    expect(error.message).toContain('numerator needs 4097 bits');
    expect(error.message).toContain('maxNumberBits = 4096');
  });

  it('rejects a denominator over the limit', () => {
    const error = errorOf(() => check(exactValue(makeRational(1n, 3n ** 3000n))));
    expect(error.message).toContain('denominator needs');
  });

  it('rejects inexact values outside 2^-4096..2^4096 and non-finite ones', () => {
    expect(errorOf(() => check(inexactValue(new InexactDecimal('1e2000')))).message).toContain('magnitude about 2^6644');
    expect(errorOf(() => check(inexactValue(new InexactDecimal('1e-2000')))).code).toBe('LIMIT_EXCEEDED');
    expect(errorOf(() => check(inexactValue(new InexactDecimal(Number.NaN)))).code).toBe('LIMIT_EXCEEDED');
  });
});
