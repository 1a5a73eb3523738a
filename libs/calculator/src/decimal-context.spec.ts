import { InexactDecimal, decimalToRational, log2Decimal, rationalToDecimal } from './decimal-context';
import { makeRational } from './rational';

describe('decimal-context', () => {
  it('carries 40 significant digits', () => {
    expect(rationalToDecimal(makeRational(1n, 3n)).toString()).toBe(`0.${'3'.repeat(40)}`);
    expect(new InexactDecimal(1).div(7).precision()).toBe(40);
  });

  it('converts integers exactly', () => {
    expect(rationalToDecimal(makeRational(10n ** 50n)).toFixed()).toBe(`1${'0'.repeat(50)}`);
    expect(rationalToDecimal(makeRational(-123n)).toString()).toBe('-123');
  });

  it('rounds long values once, correctly, to 40 significant digits', () => {
    const tie = makeRational(10n ** 40n + 5n, 10n ** 40n); // exactly halfway between two 40-digit values
    expect(rationalToDecimal(tie).toString()).toBe('1');
    const aboveTie = makeRational(10n ** 60n + 5n * 10n ** 20n + 1n, 10n ** 60n);
    expect(rationalToDecimal(aboveTie).toString()).toBe(`1.${'0'.repeat(38)}1`);
    expect(rationalToDecimal(makeRational(2n ** 4000n + 1n)).toExponential(5)).toBe('1.31820e+1204');
    expect(rationalToDecimal(makeRational(-2n, 3n)).toString()).toBe(`-0.${'6'.repeat(39)}7`);
  });

  it('converts decimals back to exact rationals', () => {
    expect(decimalToRational(new InexactDecimal('0.125'))).toEqual(makeRational(1n, 8n));
    expect(decimalToRational(new InexactDecimal('-2.5e10'))).toEqual(makeRational(-25000000000n));
    expect(decimalToRational(new InexactDecimal('-0'))).toEqual(makeRational(0n));
    expect(() => decimalToRational(new InexactDecimal(Number.NaN))).toThrow(RangeError);
  });

  it('measures log2 of huge and tiny decimals', () => {
    expect(log2Decimal(new InexactDecimal('1e1000'))).toBeCloseTo(1000 * Math.log2(10), 6);
    expect(log2Decimal(new InexactDecimal('-0.25'))).toBeCloseTo(-2, 12);
    expect(log2Decimal(new InexactDecimal(0))).toBe(Number.NEGATIVE_INFINITY);
  });
});
