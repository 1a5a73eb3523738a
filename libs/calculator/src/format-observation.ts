import type { CalculationResult } from './calculation-result';

/**
 * The observation line fed back to the policy model after a calculator call:
 * `48 / 2 -> 24`, or `1 / 0 -> error: division by zero: ...`.
 */
export function formatObservation(expression: string, result: CalculationResult): string {
  const outcome = result.ok ? result.text : `error: ${result.error.message}`;
  return `${expression.trim()} -> ${outcome}`;
}
