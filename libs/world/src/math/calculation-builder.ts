import { deterministicCalculate as calculate } from '../tools/deterministic-calculator';
import type { CalculationStep, Operand, Operator } from '../world/world-question';

/** The expression a step sends to the calculator, given the result texts of earlier steps. */
export function expressionOf(step: Pick<CalculationStep, 'operator' | 'left' | 'right'>, results: readonly string[]): string {
  const text = (operand: Operand) => ('value' in operand ? operand.value : results[operand.step]);
  return `${text(step.left)} ${step.operator} ${text(step.right)}`;
}

/**
 * Records a story's calculations while evaluating them with the real calculator, so the gold
 * results are exactly what the tool will print. Steps must stay whole positive numbers, which
 * keeps the stories believable; a template that breaks this is a bug and throws.
 */
export class CalculationBuilder {
  readonly steps: CalculationStep[] = [];

  /** Adds `left operator right` and returns an operand referring to its result. */
  add(reasoning: string, left: Operand | number, operator: Operator, right: Operand | number): Operand {
    const asOperand = (x: Operand | number): Operand => (typeof x === 'number' ? { value: String(x) } : x);
    const draft = { operator, left: asOperand(left), right: asOperand(right) };
    const expression = expressionOf(draft, this.steps.map((s) => s.result));
    const result = calculate(expression);
    if (!result.ok) throw new Error(`story step '${expression}' failed: ${result.error.message}`);
    if (!/^[1-9][0-9]*$/.test(result.text)) throw new Error(`story step '${expression}' gave ${result.text}, not a whole positive number`);
    this.steps.push({ reasoning, ...draft, result: result.text });
    return { step: this.steps.length - 1 };
  }

  /** The value of an operand (a literal or an earlier result) as a number. */
  valueOf(operand: Operand): number {
    return Number('value' in operand ? operand.value : this.steps[operand.step].result);
  }

  get answer(): string {
    const last = this.steps[this.steps.length - 1];
    if (!last) throw new Error('a story needs at least one calculation');
    return last.result;
  }
}
