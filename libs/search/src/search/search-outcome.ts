/** One ranked search result, shaped for a model to read. */
export interface SearchHit {
  readonly docId: string;
  readonly title: string;
  /** BM25 score; only comparable between hits of the same query. */
  readonly score: number;
  /** The part of the text around the query terms, cut on word boundaries, `…` where cut. */
  readonly snippet: string;
  /** 1-based position in the result list. */
  readonly rank: number;
}

export interface SearchRequest {
  /** Hits to return. Clamped to the searcher's `maxTopK`. @default the searcher's `defaultTopK` (5) */
  topK?: number;
}

/** The query produced hits (possibly none, if no document shares a term with it). */
export interface SearchHits {
  readonly kind: 'hits';
  readonly query: string;
  /** The query as the index saw it: normalised terms, stop words removed. */
  readonly queryTerms: readonly string[];
  readonly hits: readonly SearchHit[];
}

/**
 * The query had nothing to search for: it was blank (`'blank'`), or it had no word left once
 * punctuation and stop words were removed (`'no-search-terms'`, e.g. "what is the ?").
 * Returned rather than thrown because models do send such queries; `hits` is empty so a
 * caller may treat both outcomes alike.
 */
export interface EmptyQuery {
  readonly kind: 'empty-query';
  readonly query: string;
  readonly reason: 'blank' | 'no-search-terms';
  readonly queryTerms: readonly [];
  readonly hits: readonly [];
}

export type SearchOutcome = SearchHits | EmptyQuery;
