import { numberMentions } from '../math/number-mentions';
import { standsFor } from '../math/same-number';
import type { CalculationRecord } from '../math/calculation-record';
import { isRetracted } from '../math/retraction';
import { statedResults } from '../math/stated-results';
import { writtenNumbers } from '../math/written-numbers';
import type { StepContext } from './step-context';
import { fail, PASS, type Rule } from './rule';

/** The written number of an answer ("$18", "18 dollars", "1,000"): the last one it holds. */
function answerNumber(answer: string): string | undefined {
  const mentions = numberMentions(answer);
  const last = mentions[mentions.length - 1];
  return last === undefined ? undefined : String(last.value);
}

const uses = (expression: string, value: number) => writtenNumbers(expression).some((w) => standsFor(w, value));
const mentions = (text: string, value: number) => numberMentions(text).some((m) => standsFor(String(m.value), value));

/**
 * Results computed but never used later (by a calculation, or in the model's own later text)
 * and never taken back: the computation was left unfinished.
 */
function danglingResults(ctx: StepContext): CalculationRecord[] {
  const results = ctx.knowns.results;
  const reasoning = ctx.action.kind === 'answer' ? ctx.action.reasoning : '';
  return results.slice(0, -1).filter((r) => {
    const laterCalcs = ctx.calculations.filter((c) => c.stepIndex > r.stepIndex);
    const laterText = [...ctx.conversation.steps.filter((s) => s.index > r.stepIndex).map((s) => s.action.reasoning), reasoning].join('\n');
    return !laterCalcs.some((c) => uses(c.expression, r.value!)) && !mentions(laterText, r.value!) && !isRetracted(r, ctx.calculations);
  });
}

/**
 * Numbers the question gives that no calculation and no sentence of the model has used yet.
 * Not asked when an earlier calculation used a number from nowhere in place of one of them:
 * that step carries the blame, and the answer follows from what was computed.
 */
function unusedQuantities(ctx: StepContext): number[] {
  if (ctx.calculations.some((c) => writtenNumbers(c.expression).some((w) => !ctx.knowns.isKnown(w, c.stepIndex)))) return [];
  const text = [...ctx.conversation.steps.map((s) => s.action.reasoning), ctx.action.reasoning].join('\n');
  const used = (v: number) => ctx.calculations.some((c) => uses(c.expression, v)) || mentions(text, v);
  return ctx.knowns.question.filter((q) => !q.forms.some(used) && !(q.value >= 1 && q.value <= 2)).map((q) => q.value);
}

/**
 * A math answer follows from the calculations: it is the latest result the calculator gave
 * (rounding allowed), and every earlier result fed into a later calculation, so nothing was
 * left unfinished. Whether the result is right is not the judge's question.
 */
export const answerFollowsFromCalculations: Rule = {
  id: 'answer-follows-from-calculations',
  description: 'A math answer is the latest calculator result, and every earlier result was used by a later calculation.',
  appliesTo: (ctx) => ctx.action.kind === 'answer' && ctx.family === 'math',
  check(ctx) {
    if (ctx.action.kind !== 'answer') return PASS;
    const answer = ctx.action.answer;
    const written = answerNumber(answer);
    if (written === undefined) return fail(`the answer "${answer}" is not a number`);
    const results = ctx.knowns.results;
    const latest = results[results.length - 1];
    if (latest === undefined) return fail(`the answer ${written} comes before any successful calculation`);
    // A last step worked out in the answer's own reasoning ("40 - 4 = 36") follows too.
    const derived = statedResults(ctx.action.reasoning).some((v) => standsFor(written, v));
    if (!standsFor(written, latest.value!) && !derived) {
      const earlier = results.find((r) => standsFor(written, r.value!));
      return earlier !== undefined
        ? fail(`the answer ${written} is the result of step ${earlier.stepIndex + 1}, not the latest result ${latest.result}`)
        : fail(`the answer ${written} is not a result of the calculations (the latest is ${latest.result})`);
    }
    const unused = unusedQuantities(ctx);
    if (unused.length > 0) return fail(`the answer comes before ${unused.join(', ')} from the question ${unused.length === 1 ? 'was' : 'were'} used`);
    const dangling = danglingResults(ctx);
    if (dangling.length > 0) {
      return fail(`the answer leaves ${dangling.map((r) => `${r.result} (step ${r.stepIndex + 1})`).join(', ')} unused: the computation is not finished`);
    }
    return PASS;
  },
};
