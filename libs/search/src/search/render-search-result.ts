import type { SearchOutcome } from './search-outcome';

/** What a policy reads after a search: the result text, and why it failed when it did. */
export interface RenderedSearchResult {
  /** `Title: snippet`, one hit per line; `no results`; or `error: ...` for an empty query. */
  readonly text: string;
  /** Set when the query had nothing to search for (a model mistake, not a caller error). */
  readonly error?: string;
}

/**
 * The one rendering of search hits for the policy, shared by the tools service and the synthetic
 * world's teacher so that training data and live runs read the same text. Ranks are not printed:
 * the order says it, and callers get them in the structured hits.
 */
export function renderSearchResult(outcome: SearchOutcome): RenderedSearchResult {
  if (outcome.kind === 'empty-query') {
    const error =
      outcome.reason === 'blank' ? 'the query is empty: write the words to search for' : 'the query has no searchable words: name the entity or fact to look up';
    return { text: `error: ${error}`, error };
  }
  if (outcome.hits.length === 0) return { text: 'no results' };
  return { text: outcome.hits.map((hit) => `${hit.title}: ${hit.snippet}`).join('\n') };
}
