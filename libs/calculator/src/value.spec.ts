import { InexactDecimal } from './decimal-context';
import { makeRational } from './rational';
import {
  compareMagnitude,
  compareValues,
  describeValue,
  exactValue,
  inexactValue,
  isIntegerValue,
  isZeroValue,
  log2Magnitude,
  signOfValue,
  toDecimal,
} from './value';

const q = (num: bigint, den: bigint = 1n) => exactValue(makeRational(num, den));
const approx = (text: string) => inexactValue(new InexactDecimal(text));

describe('NumericValue helpers', () => {
  it('classifies sign, zero and integrality', () => {
    expect(signOfValue(q(-1n, 2n))).toBe(-1);
    expect(signOfValue(approx('-0'))).toBe(0);
    expect(isZeroValue(q(0n))).toBe(true);
    expect(isIntegerValue(q(4n, 2n))).toBe(true);
    expect(isIntegerValue(approx('2.5'))).toBe(false);
  });

  it('measures magnitudes for size predictions', () => {
    expect(log2Magnitude(q(1n, 8n))).toBeCloseTo(-3, 12);
    expect(log2Magnitude(approx('1024'))).toBeCloseTo(10, 12);
    expect(log2Magnitude(q(0n))).toBe(Number.NEGATIVE_INFINITY);
    expect(compareMagnitude(q(-10001n), 10000)).toBe(1);
    expect(compareMagnitude(approx('-3.5'), 4)).toBe(-1);
  });

  it('compares mixed values', () => {
    expect(compareValues(q(1n, 3n), q(1n, 2n))).toBe(-1);
    expect(compareValues(approx('1.5'), q(3n, 2n))).toBe(0);
    expect(toDecimal(q(1n, 4n)).toString()).toBe('0.25');
  });

  it('describes values briefly', () => {
    expect(describeValue(q(-1n, 3n))).toBe('-1/3');
    expect(describeValue(q(7n))).toBe('7');
    expect(describeValue(approx('3.14159265358979'))).toBe('3.141592654');
    expect(describeValue(q(10n ** 100n)).length).toBeLessThan(50);
  });
});
