import { describeKind } from '../math/describe-kind';
import { expressionShape, type Shape } from '../math/expression-shape';
import { addable, productProblem, quotientProblem, type QuantityKind } from '../math/quantity-kind';
import { fail, PASS, type Rule } from './rule';
import type { StepContext } from './step-context';

function problemOf(op: '+' | '-' | '*' | '/', l: QuantityKind, r: QuantityKind): string | undefined {
  if (op === '+' || op === '-') return addable(l, r) === false ? `it ${op === '+' ? 'adds' : 'subtracts'} ${describeKind(l)} and ${describeKind(r)}` : undefined;
  return op === '*' ? productProblem(l, r) : quotientProblem(l, r);
}

/** The first operation whose operands cannot combine, whatever quantities the numbers stand for. */
function firstProblem(shape: Shape, ctx: StepContext): string | undefined {
  if (shape.kind === 'number') return undefined;
  const inner = firstProblem(shape.left, ctx) ?? firstProblem(shape.right, ctx);
  if (inner !== undefined) return inner;
  const [ls, rs] = [ctx.knowns.kindsOfShape(shape.left), ctx.knowns.kindsOfShape(shape.right)];
  if (ls === undefined || rs === undefined) return undefined;
  let problem: string | undefined;
  for (const l of ls) {
    for (const r of rs) {
      const p = problemOf(shape.op, l, r);
      if (p === undefined) return undefined;
      problem ??= p;
    }
  }
  return problem;
}

/**
 * Quantities that are added or subtracted must measure the same thing (an hourly wage plus the
 * hours worked is not a quantity), money is not multiplied by money, and a rate per hour is not
 * divided by hours. Kinds come from the words around the question's numbers and follow through
 * earlier results; where the words do not tell, or a number may stand for several quantities of
 * which one would make sense, the rule stays silent.
 */
export const quantitiesCompatible: Rule = {
  id: 'quantities-compatible',
  description: 'The quantities a calculation combines can be combined that way (no rate plus a duration, money times money, rate divided by its own unit).',
  appliesTo: (ctx) => ctx.action.kind === 'calculate' && ctx.family === 'math',
  check(ctx) {
    if (ctx.action.kind !== 'calculate') return PASS;
    const shape = expressionShape(ctx.action.expression);
    const problem = shape === undefined ? undefined : firstProblem(shape, ctx);
    return problem === undefined ? PASS : fail(`"${ctx.action.expression}" is not a meaningful quantity: ${problem}`);
  },
};
