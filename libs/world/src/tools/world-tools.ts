import { formatObservation } from '@swirl/actions';
import { deterministicCalculate as calculate } from './deterministic-calculator';
import { Bm25Index, CorpusSearcher, createCorpus, renderSearchResult, resolveIndexConfig, type SearchOutcome } from '@swirl/search';
import type { Article } from '../knowledge/write-article';

export interface WorldToolsOptions {
  /** Hits per search shown in the observation. @default 3 */
  topK?: number;
  /** Name of the search corpus. @default 'world' */
  corpusName?: string;
}

/** The real search tool and calculator over a world's corpus, writing observations as the method does. */
export interface WorldTools {
  readonly searcher: CorpusSearcher;
  readonly topK: number;
  /** Every article title, e.g. for drawing unrelated queries. */
  readonly titles: readonly string[];
  search(query: string): SearchOutcome;
  /** `QUERY -> Title: snippet | Title: snippet | ...` */
  searchObservation(query: string): string;
  /** `EXPR -> RESULT` or `EXPR -> error: ...`, and the result text (undefined on error). */
  calculateObservation(expression: string): { observation: string; result?: string };
}

/**
 * Builds the tools synchronously (indexing a world corpus takes well under a second), so a
 * teacher can run its calls inline. Uses the same BM25 defaults as the tools service.
 */
export function createWorldTools(corpus: readonly Article[], options: WorldToolsOptions = {}): WorldTools {
  const config = Object.freeze({ topK: options.topK ?? 3, corpusName: options.corpusName ?? 'world' });
  const documents = createCorpus(config.corpusName, corpus);
  const index = Bm25Index.build(documents.documents, resolveIndexConfig());
  const searcher = new CorpusSearcher(documents, index, { fromCache: false, rebuildReason: 'cache-disabled', buildMs: 0, cacheLoadMs: 0 });
  const search = (query: string) => searcher.search(query, { topK: config.topK });
  return Object.freeze({
    searcher,
    topK: config.topK,
    titles: Object.freeze(corpus.map((a) => a.title)),
    search,
    // The tools service renders with the same function, so live runs read what the teacher read.
    searchObservation: (query: string) => formatObservation(query, renderSearchResult(search(query)).text),
    calculateObservation(expression: string) {
      const result = calculate(expression);
      const text = result.ok ? result.text : `error: ${result.error.message}`;
      return { observation: formatObservation(expression, text), ...(result.ok ? { result: result.text } : {}) };
    },
  });
}
