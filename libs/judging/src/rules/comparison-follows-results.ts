import { comparedValues } from '../qa/compared-values';
import { choiceOptions } from '../qa/choice-options';
import { containsPhrase } from '../text/contains-phrase';
import { fail, PASS, type Rule } from './rule';

/**
 * For a question that compares two alternatives by a number the results state (founding year,
 * birth year, population, height), the answer must be the alternative the stated numbers make
 * win. Silent when the results do not state both numbers.
 */
export const comparisonFollowsResults: Rule = {
  id: 'comparison-follows-results',
  description: 'The answer to a comparison is the alternative that the numbers in the results make win.',
  appliesTo: (ctx) => ctx.action.kind === 'answer' && ctx.family === 'multihop',
  check(ctx) {
    if (ctx.action.kind !== 'answer') return PASS;
    const compared = comparedValues(ctx.question, choiceOptions(ctx.question), ctx.searches);
    if (compared === undefined) return PASS;
    const answer = ctx.action.answer;
    const names = (o: string) => containsPhrase(answer, o) || containsPhrase(o, answer);
    if (names(compared.loser) && !names(compared.winner)) {
      return fail(`the results give ${compared.winner} ${compared.values[0]} and ${compared.loser} ${compared.values[1]}, so the answer is ${compared.winner}, not ${answer}`);
    }
    return PASS;
  },
};
