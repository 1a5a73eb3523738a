import { InexactDecimal } from './decimal-context';
import { approximateNumber, formatApproximately, formatValue } from './format-value';
import { makeRational } from './rational';
import { exactValue, inexactValue } from './value';

const q = (num: bigint, den: bigint = 1n) => exactValue(makeRational(num, den));
const approx = (text: string) => inexactValue(new InexactDecimal(text));

describe('formatValue for exact values', () => {
  it.each([
    [q(24n), '24', undefined],
    [q(-7n), '-7', undefined],
    [q(0n), '0', undefined],
    [q(5n, 2n), '2.5', '5/2'],
    [q(1n, 8n), '0.125', '1/8'],
    [q(3n, 10n), '0.3', '3/10'],
    [q(-1n, 2n), '-0.5', '-1/2'],
    [q(1n, 10_000_000n), '0.0000001', '1/10000000'],
    [q(1n, 3n), '0.3333333333', '1/3'],
    [q(2n, 3n), '0.6666666667', '2/3'],
    [q(-2n, 3n), '-0.6666666667', '-2/3'],
    [q(100n, 3n), '33.33333333', '100/3'],
    [q(100_000_000_000n, 3n), '33333333333.33', '100000000000/3'],
    [q(1n, 3_000_000n), '3.333333333e-7', '1/3000000'],
    [q(10n ** 25n, 3n), '3.333333333e+24', `${10n ** 25n}/3`],
  ])('%p prints as %p (fraction %p)', (value, text, fraction) => {
    expect(formatValue(value)).toEqual(fraction === undefined ? { text } : { text, fraction });
  });

  it('prints huge allowed integers in full', () => {
    expect(formatValue(q(10n ** 1000n)).text).toBe(`1${'0'.repeat(1000)}`);
  });

  it('rounds terminating decimals that are longer than 40 places', () => {
    expect(formatValue(q(1n, 2n ** 100n)).text).toBe('7.888609052e-31');
    expect(formatValue(q(1n, 2n ** 40n)).text).toBe('0.0000000000009094947017729282379150390625');
  });
});

describe('formatValue for inexact values', () => {
  it('shows 10 significant digits and no fraction', () => {
    expect(formatValue(approx('1.414213562373095048801688724209698078570'))).toEqual({ text: '1.414213562' });
    expect(formatValue(approx('2.0000000000000000000000000000000000001')).text).toBe('2');
    expect(formatValue(approx('1.4142135623730950488e30')).text).toBe('1.414213562e+30');
  });

  it('never prints a negative zero', () => {
    expect(formatValue(approx('-0')).text).toBe('0');
    expect(formatValue(approx('-1e-20')).text).toBe('-1e-20');
  });
});

describe('formatApproximately', () => {
  it('carries a rounding overflow into the exponent', () => {
    expect(formatApproximately(makeRational(99_999_999_999n * 10n ** 20n))).toBe('1e+31');
    expect(formatApproximately(makeRational(99_999_999_999n, 10n ** 20n))).toBe('1e-9');
  });

  it('keeps all integer digits plus two decimals for large non-integers', () => {
    expect(formatApproximately(makeRational(123_456_789_012_345n, 7n))).toBe('17636684144620.71');
  });
});

describe('approximateNumber', () => {
  it('gives the nearest double and never -0', () => {
    expect(approximateNumber(q(1n, 3n))).toBe(1 / 3);
    expect(approximateNumber(q(1n, 10n))).toBe(0.1);
    expect(Object.is(approximateNumber(approx('-0')), 0)).toBe(true);
    expect(approximateNumber(q(10n ** 400n))).toBe(Number.POSITIVE_INFINITY);
  });
});
