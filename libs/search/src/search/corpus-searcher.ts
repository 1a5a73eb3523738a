import type { Corpus, SearchDocument } from '../corpus/search-document';
import type { Bm25Index } from '../index/bm25-index';
import { makeSnippet } from '../snippet/make-snippet';
import { tokenize } from '../tokenizer/tokenizer';
import type { SearchOutcome, SearchRequest } from './search-outcome';
import { resolveSearcherConfig, resolveTopK, type SearcherConfig, type SearcherOptions } from './searcher-options';

/** Where a searcher's index came from, and what it cost; useful for start-up logs. */
export interface IndexProvenance {
  /** True when the index was read from the cache file instead of being built. */
  readonly fromCache: boolean;
  /** Why the index was built: no cache configured, no file, a file for other content, or a damaged file. */
  readonly rebuildReason?: 'cache-disabled' | 'no-cache-file' | 'stale-cache' | 'corrupt-cache';
  /** What was wrong with a corrupt cache file, for logs. */
  readonly cacheProblem?: string;
  /** Set when a freshly built index could not be written to the cache (the searcher still works). */
  readonly cacheWriteError?: string;
  readonly cacheFile?: string;
  /** Milliseconds spent building the index (0 on a cache hit). */
  readonly buildMs: number;
  /** Milliseconds spent reading and restoring the cache file (0 on a miss). */
  readonly cacheLoadMs: number;
}

/** Searches one corpus. Cheap to call concurrently: searching is synchronous and read-only. */
export class CorpusSearcher {
  readonly config: SearcherConfig;
  private readonly byId: ReadonlyMap<string, SearchDocument>;

  constructor(
    readonly corpus: Corpus,
    private readonly index: Bm25Index,
    readonly provenance: IndexProvenance,
    options: SearcherOptions = {},
  ) {
    this.config = resolveSearcherConfig(options);
    this.byId = new Map(corpus.documents.map((doc) => [doc.id, doc]));
  }

  get name(): string {
    return this.corpus.name;
  }

  get documentCount(): number {
    return this.corpus.documents.length;
  }

  /** The full document behind a hit, e.g. for a "read more" tool. */
  getDocument(id: string): SearchDocument | undefined {
    return this.byId.get(id);
  }

  search(query: string, request: SearchRequest = {}): SearchOutcome {
    const topK = resolveTopK(request.topK, this.config);
    if (query.trim().length === 0) return { kind: 'empty-query', query, reason: 'blank', queryTerms: [], hits: [] };
    // Repeating a word in a query should not multiply its weight.
    const queryTerms = [...new Set(tokenize(query, this.index.config.tokenizer))];
    if (queryTerms.length === 0) return { kind: 'empty-query', query, reason: 'no-search-terms', queryTerms: [], hits: [] };

    const hits = this.index.search(queryTerms, topK).map((match, i) => {
      const doc = this.byId.get(match.id);
      if (!doc) throw new Error(`index of corpus '${this.name}' returned unknown document id '${match.id}'`);
      return {
        docId: doc.id,
        title: doc.title,
        score: match.score,
        snippet: makeSnippet(doc.text, queryTerms, { maxChars: this.config.snippetChars }),
        rank: i + 1,
      };
    });
    return { kind: 'hits', query, queryTerms, hits };
  }
}
