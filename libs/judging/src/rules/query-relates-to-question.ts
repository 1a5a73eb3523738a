import { containsPhrase } from '../text/contains-phrase';
import { contentTokens } from '../text/content-tokens';
import { namePhrases } from '../text/name-phrases';
import { fail, PASS, type Rule } from './rule';

/**
 * A query must be about the question or about what earlier results revealed on it: it names
 * something the question or a relevant result names (whole names, so "Geasta Motors" is not
 * related to "Kriokegu Motors"). A query without names needs half of its words in that text.
 */
export const queryRelatesToQuestion: Rule = {
  id: 'query-relates-to-question',
  description: 'A search query names an entity of the question or of an earlier result about it (a query without names shares most of its words with them).',
  appliesTo: (ctx) => ctx.action.kind === 'search',
  check(ctx) {
    if (ctx.action.kind !== 'search') return PASS;
    const query = ctx.action.query;
    const { phrases, hits } = ctx.relevance;
    if (phrases.some((p) => containsPhrase(query, p))) return PASS;
    const relevantText = [ctx.question, ...hits.map((h) => h.text)].join(' | ');
    const own = namePhrases(query);
    if (own.length > 0) {
      if (own.some((p) => containsPhrase(relevantText, p))) return PASS;
      return fail(`the query is about ${own.map((p) => `"${p}"`).join(', ')}, which neither the question nor any result about it mentions`);
    }
    const words = contentTokens(query);
    const known = new Set(contentTokens(relevantText));
    const shared = words.filter((w) => known.has(w));
    if (words.length > 0 && shared.length * 2 >= words.length) return PASS;
    return fail(`the query "${query}" shares ${shared.length} of its ${words.length} words with the question and the results about it`);
  },
};
