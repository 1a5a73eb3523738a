import { deterministicCalculate as calculate } from '../tools/deterministic-calculator';
import type { SeededRandom } from '../random/seeded-random';
import { expressionOf } from '../math/calculation-builder';
import type { CalculationStep, Operand, Operator } from '../world/world-question';

const OPERATORS: readonly Operator[] = ['+', '-', '*', '/'];

function valueOf(expression: string): string | undefined {
  const result = calculate(expression);
  return result.ok ? result.text : undefined;
}

/**
 * A wrong version of a step's expression: another operator, or a story number off by a little.
 * Only variants whose result differs from the right one count, so the mistake is real.
 */
export function wrongExpression(step: CalculationStep, results: readonly string[], random: SeededRandom, operator?: Operator): string {
  const right = expressionOf(step, results);
  const rightValue = valueOf(right);
  if (operator !== undefined) {
    const forced = expressionOf({ ...step, operator }, results);
    if (valueOf(forced) !== rightValue) return forced;
  }
  const nudge = (operand: Operand): Operand => ('value' in operand ? { value: String(Number(operand.value) + random.pick([-2, -1, 1, 2, 10])) } : operand);
  for (let attempt = 0; attempt < 20; attempt++) {
    const variant = random.chance(0.5)
      ? { ...step, operator: random.pick(OPERATORS.filter((o) => o !== step.operator)) }
      : { ...step, left: nudge(step.left), right: nudge(step.right) };
    const expression = expressionOf(variant, results);
    const value = valueOf(expression);
    if (value !== undefined && value !== rightValue) return expression;
  }
  // Every step has a literal or a non-zero result, so doubling the right side always differs.
  return `${right} * 2`;
}
