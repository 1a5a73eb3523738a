import { isRetracted } from '../math/retraction';
import { numberMentions } from '../math/number-mentions';
import { sameNumber } from '../math/same-number';
import { writtenNumbers } from '../math/written-numbers';
import { fail, PASS, type Rule } from './rule';
import type { StepContext } from './step-context';

const canonical = (expression: string) => expression.replace(/\s+/g, '');

/** How often the question gives every number of the expression (2 hours at 100 km/h, twice: 2). */
function timesGiven(expression: string, ctx: StepContext): number {
  const given = numberMentions(ctx.question).map((m) => m.value);
  const counts = writtenNumbers(expression).map((w) => given.filter((g) => sameNumber(g, Number(w))).length);
  return counts.length === 0 ? 1 : Math.max(1, Math.min(...counts));
}

/**
 * Computing the same expression again adds nothing: its result is already in the conversation.
 * Not a repeat: redoing a calculation that was taken back ("let me redo it"), or a question that
 * gives the same numbers for two parts (2 hours at 100 km/h, then 2 hours at 100 km/h).
 */
export const calculationNotRepeated: Rule = {
  id: 'calculation-not-repeated',
  description: 'A calculation is not an earlier calculation again (unless that one was taken back, or the question gives the same numbers twice).',
  appliesTo: (ctx) => ctx.action.kind === 'calculate',
  check(ctx) {
    if (ctx.action.kind !== 'calculate') return PASS;
    const expression = ctx.action.expression;
    const earlier = ctx.calculations.filter((c) => canonical(c.expression) === canonical(expression) && !isRetracted(c, ctx.calculations));
    if (earlier.length < timesGiven(expression, ctx)) return PASS;
    return fail(`"${expression}" was already computed in step ${earlier[0]!.stepIndex + 1}`);
  },
};
