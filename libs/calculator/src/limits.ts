/**
 * Resource limits for one calculation. Every field is optional; omitted fields take the default
 * documented on it. The calculator is fed untrusted model output, so each limit exists to keep a
 * single call cheap (memory, CPU, stack) whatever the input is.
 */
export interface CalculatorLimits {
  /** Maximum expression length in UTF-16 code units, checked before tokenizing. Default 1000. */
  maxInputLength?: number;
  /** Maximum number of tokens in the expression. Default 500. */
  maxTokens?: number;
  /**
   * Maximum nesting depth: parentheses, function calls, unary signs and power operands each add a
   * level. Checked while parsing, so deep input cannot overflow the JS stack. Default 64.
   */
  maxNestingDepth?: number;
  /**
   * Maximum size in bits of the numerator and of the denominator of every exact intermediate
   * value; inexact values must lie within 2^-N..2^N in magnitude. Default 4096.
   */
  maxNumberBits?: number;
  /** Maximum absolute value of an exponent (`x ^ y`, `pow`). Default 10000. */
  maxExponent?: number;
  /** Maximum number of characters in one number literal. Default 100. */
  maxLiteralLength?: number;
  /** Maximum absolute value of `digits` in `round(x, digits)`. Default 100. */
  maxRoundDigits?: number;
  /** Maximum number of arguments in one function call. Default 100. */
  maxFunctionArguments?: number;
  /** Wall-clock budget for evaluating one expression, in milliseconds. Default 50. */
  timeBudgetMs?: number;
}

/** Fully populated, frozen limits as used by the calculator internals. */
export type ResolvedCalculatorLimits = Readonly<Required<CalculatorLimits>>;

export const DEFAULT_CALCULATOR_LIMITS: ResolvedCalculatorLimits = Object.freeze({
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

/** Objects produced here, so passing resolved limits back in skips validation and copying. */
const resolved = new WeakSet<object>();
resolved.add(DEFAULT_CALCULATOR_LIMITS);

/**
 * Merges `partial` over the defaults, validates it and freezes the result. Invalid values are a
 * programming error in the caller's configuration, so this throws a RangeError (it is the only
 * part of the API that throws).
 */
export function resolveCalculatorLimits(partial: CalculatorLimits = {}): ResolvedCalculatorLimits {
  if (resolved.has(partial)) return partial as ResolvedCalculatorLimits;
  const merged = { ...DEFAULT_CALCULATOR_LIMITS };
  for (const key of Object.keys(DEFAULT_CALCULATOR_LIMITS) as (keyof CalculatorLimits)[]) {
    const value = partial[key];
    if (value === undefined) continue;
    const valid =
      key === 'timeBudgetMs'
        ? typeof value === 'number' && Number.isFinite(value) && value > 0
        : Number.isSafeInteger(value) && value > 0;
    if (!valid) {
      throw new RangeError(`calculator limit ${key} must be a positive ${key === 'timeBudgetMs' ? 'number' : 'integer'}, got ${String(value)}`);
    }
    merged[key] = value;
  }
  const frozen = Object.freeze(merged);
  resolved.add(frozen);
  return frozen;
}
