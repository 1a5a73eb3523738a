import { DEFAULT_CALCULATOR_LIMITS } from './limits';
import { numberLiteralToRational } from './number-literal';
import { makeRational } from './rational';
import { errorOf } from './testing/error-of.test-support';

const literal = (text: string) => numberLiteralToRational(text, 3, DEFAULT_CALCULATOR_LIMITS);

describe('numberLiteralToRational', () => {
  it.each([
    ['12', makeRational(12n)],
    ['0.1', makeRational(1n, 10n)],
    ['.5', makeRational(1n, 2n)],
    ['3.', makeRational(3n)],
    ['1e3', makeRational(1000n)],
    ['2.5E-2', makeRational(1n, 40n)],
    ['0e999999999', makeRational(0n)],
    ['1e1000', makeRational(10n ** 1000n)],
  ])('reads %s exactly', (text, expected) => {
    expect(literal(text)).toEqual(expected);
  });

  it('refuses huge literals by prediction, naming the limit', () => {
    const error = errorOf(() => literal('1e999999999'));
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(error.message).toContain("number '1e999999999' at position 3 is too large");
    expect(error.message).toContain('maxNumberBits = 4096');
    expect(error.position).toBe(3);
  });

  it('refuses literals that are too small or too precise', () => {
    const error = errorOf(() => literal('1e-5000'));
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(error.message).toContain('too small or too precise');
  });

  it('reports malformed text as SYNTAX', () => {
    expect(errorOf(() => literal('1.2.3')).code).toBe('SYNTAX');
  });
});
