import { CALCULATOR_ERROR_CODES, CalculatorError, quote } from './calculator-error';

describe('CalculatorError', () => {
  it('carries a code, message and optional position', () => {
    const error = new CalculatorError('SYNTAX', 'expected a number', 3);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('SYNTAX');
    expect(error.message).toBe('expected a number');
    expect(error.position).toBe(3);
    expect(error.name).toBe('CalculatorError');
  });

  it('lists every code once', () => {
    expect(new Set(CALCULATOR_ERROR_CODES).size).toBe(CALCULATOR_ERROR_CODES.length);
    expect(CALCULATOR_ERROR_CODES).toEqual(
      expect.arrayContaining(['SYNTAX', 'DIVISION_BY_ZERO', 'DOMAIN', 'LIMIT_EXCEEDED', 'TIMEOUT']),
    );
  });
});

describe('quote', () => {
  it('wraps short text in quotes', () => {
    expect(quote('foo')).toBe("'foo'");
  });

  it('shortens long text so messages stay small', () => {
    const quoted = quote('x'.repeat(10_000));
    expect(quoted.length).toBeLessThan(50);
    expect(quoted.endsWith("...'")).toBe(true);
  });
});
