import { calculate } from '@swirl/calculator';
import { fail, PASS, type Rule } from './rule';

/** A calculator expression must parse and evaluate (no syntax error, no division by zero). */
export const expressionEvaluates: Rule = {
  id: 'expression-evaluates',
  description: 'A calculator expression parses and evaluates without error.',
  appliesTo: (ctx) => ctx.action.kind === 'calculate',
  check(ctx) {
    if (ctx.action.kind !== 'calculate') return PASS;
    const result = calculate(ctx.action.expression);
    return result.ok ? PASS : fail(`the calculator rejects "${ctx.action.expression}": ${result.error.message}`);
  },
};
