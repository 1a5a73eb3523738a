import * as calculator from './index';

describe('public API', () => {
  it('exports the documented functions and constants only', () => {
    expect(Object.keys(calculator).sort()).toEqual([
      'CALCULATOR_ERROR_CODES',
      'DEFAULT_CALCULATOR_LIMITS',
      'calculate',
      'createCalculator',
      'formatObservation',
      'resolveCalculatorLimits',
    ]);
  });

  it('round-trips a model observation', () => {
    const expression = ' 48 / 2 ';
    expect(calculator.formatObservation(expression, calculator.calculate(expression))).toBe('48 / 2 -> 24');
  });
});
