import { evaluate } from './evaluate';
import { formatValue } from './format-value';
import { resolveCalculatorLimits, type CalculatorLimits } from './limits';
import { parseExpression } from './parse-expression';
import { TimeBudget } from './time-budget';
import { tokenize } from './tokenize';
import type { NumericValue } from './value';
import { errorOf } from './testing/error-of.test-support';

function run(input: string, partial: CalculatorLimits = {}, clock: () => number = () => 0): NumericValue {
  const limits = resolveCalculatorLimits(partial);
  const tree = parseExpression(tokenize(input, limits), limits);
  return evaluate(tree, { limits, budget: new TimeBudget(limits.timeBudgetMs, clock) });
}

const text = (input: string, partial: CalculatorLimits = {}) => formatValue(run(input, partial)).text;

describe('evaluate', () => {
  it('evaluates every node type', () => {
    expect(text('1 + 2 * 3 - 4 / 2')).toBe('5');
    expect(text('-(2 + 3)')).toBe('-5');
    expect(text('+7')).toBe('7');
    expect(text('15% * 80')).toBe('12');
    expect(text('10 % 4')).toBe('2');
    expect(text('2 ^ 10')).toBe('1024');
    expect(text('max(1, 5, 3)')).toBe('5');
    expect(text('pi')).toBe('3.141592654');
  });

  it('evaluates long flat chains iteratively', () => {
    const limits = { maxInputLength: 100_000, maxTokens: 100_000 };
    expect(text(Array.from({ length: 20_001 }, () => '1').join('+'), limits)).toBe('20001');
    expect(text(`100${'%'.repeat(3)}`)).toBe('0.0001');
    // 20,000 percent signs: fails on number size, not on the JS stack.
    expect(errorOf(() => run(`1${'%'.repeat(20_000)}`, limits)).code).toBe('LIMIT_EXCEEDED');
  });

  it('checks the size of every intermediate result', () => {
    const error = errorOf(() => run('2^4000 * 2^4000 / 2^4000'));
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(error.message).toContain("the result of '*' at position 8");
  });

  it('evaluates left to right, so the first problem is reported', () => {
    expect(errorOf(() => run('1/0 + sqrt(-1)')).code).toBe('DIVISION_BY_ZERO');
    expect(errorOf(() => run('sqrt(-1) + 1/0')).code).toBe('DOMAIN');
    expect(errorOf(() => run('foo + 1/0')).code).toBe('UNKNOWN_IDENTIFIER');
  });

  it('checks argument counts before evaluating arguments', () => {
    expect(errorOf(() => run('sqrt(1/0, 2)')).code).toBe('ARGUMENT_COUNT');
  });

  it('stops with TIMEOUT when the clock passes the budget', () => {
    let now = 0;
    const slowClock = () => (now += 1000);
    const error = errorOf(() => run('1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1', {}, slowClock));
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toContain('timeBudgetMs = 50');
  });
});
