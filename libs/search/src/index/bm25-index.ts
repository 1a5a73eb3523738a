import MiniSearch from 'minisearch';
import type { SearchDocument } from '../corpus/search-document';
import { tokenize } from '../tokenizer/tokenizer';
import type { IndexConfig } from './index-options';

/** A document id with its BM25 score and the query terms it matched. */
export interface ScoredDocument {
  readonly id: string;
  readonly score: number;
  readonly matchedTerms: readonly string[];
}

const FIELDS = ['title', 'text'];

/** Minisearch options derived from our config; loading a serialised index needs the same ones. */
function miniSearchOptions(config: IndexConfig) {
  return {
    idField: 'id',
    fields: FIELDS,
    storeFields: [] as string[], // documents are kept beside the index, not inside it
    tokenize: (text: string) => tokenize(text, config.tokenizer),
    // Terms come out of `tokenize` already normalised.
    processTerm: (term: string) => term,
    searchOptions: {
      boost: { title: config.titleBoost },
      bm25: config.bm25,
      combineWith: 'OR' as const,
    },
  };
}

/** BM25 over `title` and `text`, backed by minisearch. */
export class Bm25Index {
  private constructor(
    private readonly engine: MiniSearch<SearchDocument>,
    readonly config: IndexConfig,
  ) {}

  static build(documents: readonly SearchDocument[], config: IndexConfig): Bm25Index {
    const engine = new MiniSearch<SearchDocument>(miniSearchOptions(config));
    engine.addAll(documents);
    return new Bm25Index(engine, config);
  }

  /** Restores an index from {@link Bm25Index.serialize}; throws if `json` is not one. */
  static deserialize(json: string, config: IndexConfig): Bm25Index {
    return new Bm25Index(MiniSearch.loadJSON<SearchDocument>(json, miniSearchOptions(config)), config);
  }

  serialize(): string {
    return JSON.stringify(this.engine);
  }

  get documentCount(): number {
    return this.engine.documentCount;
  }

  /** Best-first matches for already-tokenised query terms (any term may match). */
  search(queryTerms: readonly string[], limit: number): ScoredDocument[] {
    if (queryTerms.length === 0) return [];
    // Terms are joined back into a string that the same tokeniser splits again unchanged.
    const results = this.engine.search(queryTerms.join(' '));
    return results.slice(0, limit).map((r) => ({ id: String(r.id), score: r.score, matchedTerms: r.queryTerms }));
  }
}
