import { failureResult, successResult } from './calculation-result';
import { CalculatorError } from './calculator-error';
import { InexactDecimal } from './decimal-context';
import { makeRational } from './rational';
import { exactValue, inexactValue } from './value';

describe('successResult', () => {
  it('includes the fraction only for exact non-integers', () => {
    expect(successResult(exactValue(makeRational(1n, 3n)))).toEqual({
      ok: true,
      value: 1 / 3,
      exact: true,
      text: '0.3333333333',
      fraction: '1/3',
    });
    expect(successResult(exactValue(makeRational(24n)))).toEqual({ ok: true, value: 24, exact: true, text: '24' });
    expect(successResult(inexactValue(new InexactDecimal(2).sqrt()))).toEqual({
      ok: true,
      value: Math.SQRT2,
      exact: false,
      text: '1.414213562',
    });
  });
});

describe('failureResult', () => {
  it('copies code, message and position from a CalculatorError', () => {
    expect(failureResult(new CalculatorError('SYNTAX', 'bad', 4))).toEqual({
      ok: false,
      error: { code: 'SYNTAX', message: 'bad', position: 4 },
    });
    expect(failureResult(new CalculatorError('TIMEOUT', 'slow'))).toEqual({
      ok: false,
      error: { code: 'TIMEOUT', message: 'slow' },
    });
  });

  it('turns anything else into an INTERNAL error instead of throwing', () => {
    expect(failureResult(new RangeError('oops')).error).toEqual({
      code: 'INTERNAL',
      message: 'internal calculator error: oops',
    });
    expect(failureResult('weird').error.code).toBe('INTERNAL');
  });
});
