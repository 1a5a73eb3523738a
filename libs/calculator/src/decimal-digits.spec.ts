import {
  decimalExponent,
  digitsToDecimalText,
  scaleAndRound,
  terminatingDecimalPlaces,
} from './decimal-digits';
import { makeRational } from './rational';

const r = (num: bigint, den: bigint = 1n) => makeRational(num, den);

describe('decimal-digits', () => {
  it.each([
    [r(1n), 0],
    [r(9n), 0],
    [r(10n), 1],
    [r(-999n), 2],
    [r(1n, 3n), -1],
    [r(1n, 10n), -1],
    [r(99n, 1000n), -2],
    [r(1n, 1000n), -3],
    [r(10n ** 100n, 3n), 99],
  ])('decimalExponent(%p) = %p', (value, exponent) => {
    expect(decimalExponent(value)).toBe(exponent);
  });

  it('scales and rounds half away from zero, ignoring the sign', () => {
    expect(scaleAndRound(r(2n, 3n), 2)).toBe(67n);
    expect(scaleAndRound(r(-2n, 3n), 2)).toBe(67n);
    expect(scaleAndRound(r(1250n), -2)).toBe(13n);
    expect(scaleAndRound(r(1n, 8n), 2)).toBe(13n);
  });

  it('writes scaled digits as decimal text', () => {
    expect(digitsToDecimalText(25n, 1)).toBe('2.5');
    expect(digitsToDecimalText(125n, 3)).toBe('0.125');
    expect(digitsToDecimalText(5n, 4)).toBe('0.0005');
    expect(digitsToDecimalText(1200n, 2)).toBe('12');
    expect(digitsToDecimalText(0n, 3)).toBe('0');
    expect(digitsToDecimalText(42n, 0)).toBe('42');
  });

  it('detects terminating denominators', () => {
    expect(terminatingDecimalPlaces(1n)).toBe(0);
    expect(terminatingDecimalPlaces(8n)).toBe(3);
    expect(terminatingDecimalPlaces(40n)).toBe(3);
    expect(terminatingDecimalPlaces(3n)).toBeUndefined();
    expect(terminatingDecimalPlaces(2n ** 60n)).toBe(60);
  });
});
