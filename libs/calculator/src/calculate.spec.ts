import { calculate, createCalculator } from './calculate';
import type { CalculationResult } from './calculation-result';

function textOf(result: CalculationResult): string {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.text;
}

const text = (expression: string) => textOf(calculate(expression));

describe('calculate: arithmetic', () => {
  it.each([
    ['48 / 2', '24'],
    ['1 + 2 * 3', '7'],
    ['(1 + 2) * 3', '9'],
    ['10 - 4 - 3', '3'],
    ['64 / 4 / 2', '8'],
    ['2 ^ 3 ^ 2', '512'],
    ['(2 ^ 3) ^ 2', '64'],
    ['2 ** 10', '1024'],
    ['-2 ^ 2', '-4'],
    ['(-2) ^ 2', '4'],
    ['2 ^ -2', '0.25'],
    ['-3 * -3', '9'],
    ['- - 3', '3'],
    ['+5', '5'],
    ['7 × 6', '42'],
    ['84 ÷ 2', '42'],
    ['50 − 8', '42'],
    ['0.1 + 0.2', '0.3'],
    ['10 / 4', '2.5'],
    ['1 / 8', '0.125'],
    ['1 / 3', '0.3333333333'],
    ['2 / 3', '0.6666666667'],
    ['.5 + 3.', '3.5'],
    ['1e3 + 2.5E-2', '1000.025'],
    ['1.5e2', '150'],
    ['  12\t+\n3 ', '15'],
  ])('%s = %s', (expression, expected) => {
    expect(text(expression)).toBe(expected);
  });
});

describe('calculate: percent versus modulo', () => {
  it.each([
    ['15% * 80', '12'],
    ['50%', '0.5'],
    ['80 * 15%', '12'],
    ['200 + 10%', '200.1'],
    ['(50)%', '0.5'],
    ['10 % 3', '1'],
    ['10 %3', '1'],
    ['-7 % 3', '2'],
    ['7 % -3', '-2.93'], // '%' before a sign is a percent: (7%) - 3
    ['7 % (-3)', '-2'],
    ['7.5 % 2', '1.5'],
    ['50%%', '0.005'],
  ])('%s = %s', (expression, expected) => {
    expect(text(expression)).toBe(expected);
  });
});

describe('calculate: functions and constants', () => {
  it.each([
    ['sqrt(16)', '4'],
    ['sqrt(9/4)', '1.5'],
    ['sqrt(2)', '1.414213562'],
    ['round(2.5)', '3'],
    ['round(-2.5)', '-3'],
    ['round(2.345, 2)', '2.35'],
    ['round(1234.5, -2)', '1200'],
    ['round(pi, 3)', '3.142'],
    ['floor(3.7)', '3'],
    ['floor(-3.2)', '-4'],
    ['ceil(3.2)', '4'],
    ['ceil(-3.7)', '-3'],
    ['abs(-4.5)', '4.5'],
    ['min(3, 1/3, 2)', '0.3333333333'],
    ['max(3, 1/3, 2)', '3'],
    ['max(-1)', '-1'],
    ['pow(2, 10)', '1024'],
    ['pow(4, 0.5)', '2'],
    ['SQRT(16) + Round(2.4) + MAX(1, 2)', '8'],
    ['pi', '3.141592654'],
    ['PI * 2', '6.283185307'],
    ['π', '3.141592654'],
    ['e', '2.718281828'],
    ['e ^ 2', '7.389056099'],
  ])('%s = %s', (expression, expected) => {
    expect(text(expression)).toBe(expected);
  });
});

describe('calculate: exactness', () => {
  it('reports exact rationals with a fraction', () => {
    expect(calculate('1/3')).toEqual({ ok: true, value: 1 / 3, exact: true, text: '0.3333333333', fraction: '1/3' });
    expect(calculate('0.1 + 0.2')).toEqual({ ok: true, value: 0.3, exact: true, text: '0.3', fraction: '3/10' });
    expect(calculate('48 / 2')).toEqual({ ok: true, value: 24, exact: true, text: '24' });
  });

  it('keeps perfect-square roots exact', () => {
    expect(calculate('sqrt(9/4)')).toMatchObject({ exact: true, fraction: '3/2' });
    expect(calculate('sqrt(0.25)')).toMatchObject({ exact: true, text: '0.5' });
  });

  it('marks irrational steps as inexact and keeps them inexact', () => {
    for (const expression of ['sqrt(2)', 'pi', 'e', '2 ^ 0.5', 'round(pi)', 'sqrt(2) - sqrt(2)']) {
      const result = calculate(expression);
      expect(result).toMatchObject({ ok: true, exact: false });
      expect(result).not.toHaveProperty('fraction');
    }
  });

  it('is exact for large integer arithmetic', () => {
    expect(text('2^200')).toBe((2n ** 200n).toString());
    expect(text('99999999999999999999 * 99999999999999999999')).toBe((99999999999999999999n ** 2n).toString());
  });

  it('never returns a negative zero', () => {
    for (const expression of ['-0', '0 * -1', '-0 / 5', 'round(-0.4)', 'ceil(-0.5)', '-(1 - 1)', '-sqrt(0)']) {
      const result = calculate(expression);
      expect(result).toMatchObject({ ok: true, text: '0' });
      if (result.ok) expect(Object.is(result.value, 0)).toBe(true);
    }
  });
});

describe('calculate: options', () => {
  it('applies custom limits', () => {
    const result = calculate('1 + 2 + 3', { limits: { maxTokens: 3 } });
    expect(result).toMatchObject({ ok: false, error: { code: 'LIMIT_EXCEEDED' } });
  });

  it('reports TIMEOUT when the injected clock runs past the budget', () => {
    let now = 0;
    const calculator = createCalculator({ clock: () => (now += 10), limits: { timeBudgetMs: 5 } });
    const result = calculator('1 + 1');
    expect(result).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
    if (!result.ok) expect(result.error.message).toContain('timeBudgetMs = 5');
  });

  it('creates reusable calculators', () => {
    const calculator = createCalculator();
    expect(textOf(calculator('6 * 7'))).toBe('42');
    expect(textOf(calculator('6 * 8'))).toBe('48');
  });

  it('throws only for invalid limits, at creation time', () => {
    expect(() => createCalculator({ limits: { maxTokens: 0 } })).toThrow(RangeError);
  });

  it('returns a coded error instead of throwing for non-string input', () => {
    const result = calculate(42 as unknown as string);
    expect(result).toMatchObject({ ok: false, error: { code: 'SYNTAX' } });
  });
});
