import { writtenNumbers } from '../math/written-numbers';
import { fail, PASS, type Rule } from './rule';

/**
 * Every number of an expression must come from the question (digits, number words, or a unit
 * conversion between units it mentions), from an earlier result, or from the model's own
 * reasoning (a fact it states, e.g. "December has 31 days"). A number from nowhere is a misread
 * or invented quantity.
 */
export const expressionUsesKnownQuantities: Rule = {
  id: 'expression-uses-known-quantities',
  description: 'Every number in a calculator expression comes from the question, an earlier result, or the reasoning the model wrote.',
  appliesTo: (ctx) => ctx.action.kind === 'calculate',
  check(ctx) {
    if (ctx.action.kind !== 'calculate') return PASS;
    const written = writtenNumbers(ctx.action.expression);
    const unknown = written.filter((w) => !ctx.knowns.isKnown(w));
    if (unknown.length === 0) return PASS;
    return fail(`${unknown.map((u) => `"${u}"`).join(', ')} ${unknown.length === 1 ? 'appears' : 'appear'} in none of the question, the earlier results and the reasoning`);
  },
};

