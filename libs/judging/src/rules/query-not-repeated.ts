import { sameContent } from '../text/content-tokens';
import { fail, PASS, type Rule } from './rule';

/** A query must not repeat an earlier one: its results are already in the conversation. */
export const queryNotRepeated: Rule = {
  id: 'query-not-repeated',
  description: 'A search query asks something no earlier query asked (the same words in any order count as a repeat).',
  appliesTo: (ctx) => ctx.action.kind === 'search',
  check(ctx) {
    if (ctx.action.kind !== 'search') return PASS;
    const query = ctx.action.query;
    const earlier = ctx.searches.find((s) => s.query.trim().toLowerCase() === query.trim().toLowerCase() || sameContent(s.query, query));
    return earlier === undefined ? PASS : fail(`the query "${query}" repeats the query of step ${earlier.stepIndex + 1} ("${earlier.query}")`);
  },
};
