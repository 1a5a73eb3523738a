import type { CalculationRecord } from './calculation-record';

/** Reasoning that takes the previous calculation back ("That does not look right; let me redo it"). */
export const CORRECTION = /\b(redo|re-do|again|correct(ion|ed|ly)?|mistake|wrong|not right|recalculate|recompute|fix|instead|actually)\b/i;

/** Whether the calculation right after `calc` says it takes `calc` back. */
export function isRetracted(calc: CalculationRecord, calculations: readonly CalculationRecord[]): boolean {
  const next = calculations.find((c) => c.stepIndex > calc.stepIndex);
  return next !== undefined && CORRECTION.test(next.reasoning);
}
