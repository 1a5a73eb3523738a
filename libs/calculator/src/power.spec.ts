import { InexactDecimal } from './decimal-context';
import { DEFAULT_CALCULATOR_LIMITS } from './limits';
import { powerValues } from './power';
import { makeRational } from './rational';
import { exactValue, inexactValue, type NumericValue } from './value';
import { errorOf } from './testing/error-of.test-support';

const q = (num: bigint, den: bigint = 1n) => exactValue(makeRational(num, den));
const approx = (text: string) => inexactValue(new InexactDecimal(text));
const pow = (base: NumericValue, exponent: NumericValue) =>
  powerValues(base, exponent, 2, DEFAULT_CALCULATOR_LIMITS);

function decimalText(value: NumericValue): string {
  if (value.kind !== 'inexact') throw new Error('expected an inexact value');
  return value.decimal.toSignificantDigits(12).toString();
}

describe('powerValues', () => {
  it('computes exact integer powers, including negative exponents', () => {
    expect(pow(q(2n), q(10n))).toEqual(q(1024n));
    expect(pow(q(-2n, 3n), q(3n))).toEqual(q(-8n, 27n));
    expect(pow(q(2n), q(-3n))).toEqual(q(1n, 8n));
    expect(pow(q(-1n, 2n), q(-2n))).toEqual(q(4n));
  });

  it('handles 0 and +-1 bases without size concerns', () => {
    expect(pow(q(0n), q(5n))).toEqual(q(0n));
    expect(pow(q(0n), q(0n))).toEqual(q(1n));
    expect(pow(q(1n), q(10_000n))).toEqual(q(1n));
    expect(pow(q(-1n), q(9_999n))).toEqual(q(-1n));
    expect(pow(q(-1n), q(-10_000n))).toEqual(q(1n));
  });

  it('reports 0 to a negative power as division by zero', () => {
    expect(errorOf(() => pow(q(0n), q(-1n))).code).toBe('DIVISION_BY_ZERO');
  });

  it('keeps large-but-allowed powers exact', () => {
    const result = pow(q(10n), q(1200n));
    expect(result).toEqual(q(10n ** 1200n));
  });

  it('refuses exponents above maxExponent before computing', () => {
    const error = errorOf(() => pow(q(2n), q(1_000_000n)));
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(error.message).toContain('maxExponent = 10000');
    expect(error.message).toContain('1000000');
  });

  it('predicts results that would exceed maxNumberBits', () => {
    const error = errorOf(() => pow(q(2n), q(5000n)));
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(error.message).toContain('maxNumberBits = 4096');
    expect(errorOf(() => pow(q(2n), q(-5000n))).code).toBe('LIMIT_EXCEEDED');
  });

  it('approximates exact powers whose digits are too long but whose size is moderate', () => {
    const result = pow(q(10041666n, 10000000n), q(360n));
    expect(result.kind).toBe('inexact');
    expect(decimalText(result)).toBe('4.46763753434');
  });

  it('approximates non-integer exponents of positive bases', () => {
    expect(decimalText(pow(q(2n), q(1n, 2n)))).toBe('1.41421356237');
    expect(decimalText(pow(q(8n), q(1n, 3n)))).toBe('2');
    expect(decimalText(pow(approx('2'), q(3n)))).toBe('8');
    expect(decimalText(pow(q(2n), approx('3')))).toBe('8');
    expect(decimalText(pow(q(-2n), approx('3')))).toBe('-8');
  });

  it('refuses non-integer exponents of negative bases', () => {
    const error = errorOf(() => pow(q(-8n), q(1n, 3n)));
    expect(error.code).toBe('DOMAIN');
    expect(error.message).toContain('negative base -8');
  });
});
