import { parseDecimalText, scaledDecimalToRational } from './decimal-text';
import { makeRational } from './rational';

const exact = (text: string) => {
  const scaled = parseDecimalText(text);
  if (scaled === undefined) throw new Error(`not a decimal: ${text}`);
  return scaledDecimalToRational(scaled);
};

describe('parseDecimalText', () => {
  it.each([
    ['12', 12n, 0],
    ['0.5', 5n, -1],
    ['.5', 5n, -1],
    ['3.', 3n, 0],
    ['1e3', 1n, 3],
    ['2.5E-2', 25n, -3],
    ['-1.25e+1', -125n, -1],
  ])('reads %s as mantissa %p and exponent %p', (text, mantissa, exponent) => {
    expect(parseDecimalText(text)).toEqual({ mantissa, exponent });
  });

  it.each(['', '.', 'e5', '1e', '1.2.3', 'abc', '1e+', ' 1'])('rejects %p', (text) => {
    expect(parseDecimalText(text)).toBeUndefined();
  });
});

describe('scaledDecimalToRational', () => {
  it('converts exactly: 0.1 is 1/10', () => {
    expect(exact('0.1')).toEqual(makeRational(1n, 10n));
    expect(exact('2.5E-2')).toEqual(makeRational(1n, 40n));
    expect(exact('1e3')).toEqual(makeRational(1000n));
    expect(exact('0e99999999')).toEqual(makeRational(0n));
  });
});
