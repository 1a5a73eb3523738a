import { choiceOptions, isYesNoQuestion } from '../qa/choice-options';
import { containsPhrase } from '../text/contains-phrase';
import { fail, PASS, type Rule } from './rule';

/**
 * A question that compares alternatives can only be answered once every alternative has been
 * searched for (a query or a result title names it): answering after looking up one of two
 * cities is a guess, even if the guess is right.
 */
export const optionsLookedUp: Rule = {
  id: 'options-looked-up',
  description: 'Before answering a question that compares alternatives, each alternative was looked up.',
  appliesTo: (ctx) => ctx.action.kind === 'answer' && ctx.family === 'multihop',
  check(ctx) {
    const options = choiceOptions(ctx.question);
    if (options.length === 0) return PASS;
    // "A or B?" names the alternatives exactly: each must have been searched for. The names of a
    // yes/no question are looser (places, nationalities): each must have come up in the searches.
    const exact = !isYesNoQuestion(ctx.question);
    const looked = (option: string) =>
      ctx.searches.some(
        (s) =>
          containsPhrase(s.query, option) ||
          s.hits.some((h) => (exact ? h.title !== undefined && (containsPhrase(h.title, option) || containsPhrase(option, h.title)) : containsPhrase(h.text, option))),
      );
    const missing = options.filter((o) => !looked(o));
    return missing.length === 0 ? PASS : fail(`the question compares ${options.join(' and ')}, but ${missing.join(' and ')} ${missing.length === 1 ? 'was' : 'were'} never looked up`);
  },
};
