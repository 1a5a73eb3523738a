import { CalculatorError } from './calculator-error';
import { failureResult, successResult, type CalculationResult } from './calculation-result';
import { evaluate } from './evaluate';
import { resolveCalculatorLimits, type CalculatorLimits, type ResolvedCalculatorLimits } from './limits';
import { parseExpression } from './parse-expression';
import { TimeBudget, defaultClock, type Clock } from './time-budget';
import { tokenize } from './tokenize';

export interface CalculatorOptions {
  /** Resource limits; omitted fields use DEFAULT_CALCULATOR_LIMITS. */
  readonly limits?: CalculatorLimits;
  /** Millisecond clock for the time budget; defaults to performance.now (injectable for tests). */
  readonly clock?: Clock;
}

/** A calculator with its limits already resolved. Never throws. */
export type Calculator = (expression: string) => CalculationResult;

/**
 * Builds a calculator, validating and freezing the limits once. Throws RangeError only for
 * invalid limits (a configuration bug); the returned function never throws.
 */
export function createCalculator(options: CalculatorOptions = {}): Calculator {
  const limits = resolveCalculatorLimits(options.limits);
  const clock = options.clock ?? defaultClock;
  return (expression) => runCalculation(expression, limits, clock);
}

/**
 * Evaluates one expression, e.g. `calculate('48 / 2')` -> `{ ok: true, text: '24', ... }`.
 * Failures come back as `{ ok: false, error: { code, message } }`, never as exceptions.
 */
export function calculate(expression: string, options: CalculatorOptions = {}): CalculationResult {
  return createCalculator(options)(expression);
}

function runCalculation(expression: string, limits: ResolvedCalculatorLimits, clock: Clock): CalculationResult {
  try {
    if (typeof expression !== 'string') {
      throw new CalculatorError('SYNTAX', `the expression must be a string, got ${typeof expression}`);
    }
    // Checked before tokenizing so a megabyte of input costs nothing.
    if (expression.length > limits.maxInputLength) {
      throw new CalculatorError(
        'LIMIT_EXCEEDED',
        `the expression has ${expression.length} characters, more than the limit maxInputLength = ${limits.maxInputLength}; shorten it`,
      );
    }
    const budget = new TimeBudget(limits.timeBudgetMs, clock);
    const tree = parseExpression(tokenize(expression, limits), limits);
    const value = evaluate(tree, { limits, budget });
    budget.check();
    return successResult(value);
  } catch (error) {
    return failureResult(error);
  }
}
