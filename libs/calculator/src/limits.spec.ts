import { DEFAULT_CALCULATOR_LIMITS, resolveCalculatorLimits } from './limits';

describe('resolveCalculatorLimits', () => {
  it('returns the documented defaults when nothing is given', () => {
    expect(resolveCalculatorLimits()).toEqual({
      maxInputLength: 1000,
      maxTokens: 500,
      maxNestingDepth: 64,
      maxNumberBits: 4096,
      maxExponent: 10_000,
      maxLiteralLength: 100,
      maxRoundDigits: 100,
      maxFunctionArguments: 100,
      timeBudgetMs: 50,
    });
  });

  it('merges partial options over the defaults and freezes the result', () => {
    const limits = resolveCalculatorLimits({ maxTokens: 10, timeBudgetMs: 2.5 });
    expect(limits.maxTokens).toBe(10);
    expect(limits.timeBudgetMs).toBe(2.5);
    expect(limits.maxInputLength).toBe(DEFAULT_CALCULATOR_LIMITS.maxInputLength);
    expect(Object.isFrozen(limits)).toBe(true);
  });

  it('returns already-resolved limits unchanged', () => {
    const limits = resolveCalculatorLimits({ maxTokens: 10 });
    expect(resolveCalculatorLimits(limits)).toBe(limits);
    expect(resolveCalculatorLimits(DEFAULT_CALCULATOR_LIMITS)).toBe(DEFAULT_CALCULATOR_LIMITS);
  });

  it('ignores unknown keys such as __proto__', () => {
    const hostile = JSON.parse('{"__proto__": {"maxTokens": 1}, "constructor": 5}') as object;
    expect(resolveCalculatorLimits(hostile)).toEqual(DEFAULT_CALCULATOR_LIMITS);
  });

  it.each([
    [{ maxTokens: 0 }],
    [{ maxTokens: -1 }],
    [{ maxNestingDepth: 1.5 }],
    [{ maxNumberBits: Number.NaN }],
    [{ timeBudgetMs: Number.POSITIVE_INFINITY }],
    [{ timeBudgetMs: 0 }],
  ])('rejects invalid values %p', (partial) => {
    expect(() => resolveCalculatorLimits(partial)).toThrow(RangeError);
  });
});
