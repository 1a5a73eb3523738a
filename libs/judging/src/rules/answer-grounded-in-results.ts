import { answerTokens } from '../outcome/normalise-answer';
import { choiceOptions, isYesNoQuestion } from '../qa/choice-options';
import { containsPhrase } from '../text/contains-phrase';
import { fail, PASS, type Rule } from './rule';

/**
 * A QA answer must come from what the searches returned about the question: its words all
 * appear in one relevant hit (or it is one of the alternatives the question offers, or yes/no
 * to a yes/no question). An answer no result supports is a guess.
 */
export const answerGroundedInResults: Rule = {
  id: 'answer-grounded-in-results',
  description: 'A QA answer appears in a search result about the question (or is one of the options the question offers, or yes/no to a yes/no question).',
  appliesTo: (ctx) => ctx.action.kind === 'answer' && ctx.family === 'multihop',
  check(ctx) {
    if (ctx.action.kind !== 'answer') return PASS;
    const answer = ctx.action.answer;
    if (ctx.searches.length === 0) return fail(`the answer "${answer}" comes before any search`);
    const tokens = answerTokens(answer);
    if (tokens.length === 1 && (tokens[0] === 'yes' || tokens[0] === 'no')) {
      return isYesNoQuestion(ctx.question) ? PASS : fail(`"${answer}" answers a question that is not a yes/no question`);
    }
    if (choiceOptions(ctx.question).some((o) => containsPhrase(o, answer) || containsPhrase(answer, o))) return PASS;
    const supported = ctx.relevance.hits.some((hit) => {
      const words = new Set(answerTokens(hit.text));
      return tokens.length > 0 && tokens.every((t) => words.has(t));
    });
    return supported ? PASS : fail(`"${answer}" appears in no search result about the question`);
  },
};
