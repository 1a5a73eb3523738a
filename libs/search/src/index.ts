// Documents and corpora
export type { Corpus, SearchDocument } from './corpus/search-document';
export { createCorpus, InvalidCorpusError } from './corpus/create-corpus';
export { hashDocuments } from './corpus/hash-documents';

// Tokenisation, indexing, snippets
export { ENGLISH_STOP_WORDS } from './tokenizer/stop-words';
export { normalizeWord, resolveTokenizerConfig, tokenize, wordSpans } from './tokenizer/tokenizer';
export type { TokenizerConfig, TokenizerOptions, WordSpan } from './tokenizer/tokenizer';
export { Bm25Index } from './index/bm25-index';
export type { ScoredDocument } from './index/bm25-index';
export { INDEX_FORMAT_VERSION, indexFingerprint, resolveIndexConfig } from './index/index-options';
export type { Bm25Params, IndexConfig, IndexOptions } from './index/index-options';
export { makeSnippet } from './snippet/make-snippet';
export type { SnippetOptions } from './snippet/make-snippet';

// Searching
export { CorpusSearcher } from './search/corpus-searcher';
export type { IndexProvenance } from './search/corpus-searcher';
export type { EmptyQuery, SearchHit, SearchHits, SearchOutcome, SearchRequest } from './search/search-outcome';
export { renderSearchResult } from './search/render-search-result';
export type { RenderedSearchResult } from './search/render-search-result';
export { resolveSearcherConfig, resolveTopK } from './search/searcher-options';
export type { SearcherConfig, SearcherOptions } from './search/searcher-options';

// Persistence
export { openCorpusSearcher } from './cache/open-corpus-searcher';
export type { OpenSearcherOptions } from './cache/open-corpus-searcher';
export { cacheFilePath, readIndexCache, writeIndexCache } from './cache/index-cache';
export type { CacheReadResult, IndexCacheKey } from './cache/index-cache';

// Loaders
export { CorpusFormatError, CorpusSourceError } from './loaders/corpus-source-error';
export { loadCorpusDocuments } from './loaders/load-corpus-documents';
export { loadHotpotqaCorpus, parseHotpotqaCorpus } from './loaders/load-hotpotqa-corpus';
export { loadJsonlCorpus, parseJsonlCorpus } from './loaders/load-jsonl-corpus';
export { loadMusiqueCorpus, musiqueParagraphKey, parseMusiqueCorpus } from './loaders/load-musique-corpus';
export { loadTitleTextCorpus, parseTitleTextCorpus } from './loaders/load-title-text-corpus';

// Registry and paths
export { CORPUS_FORMATS, STANDARD_CORPORA } from './registry/corpus-definition';
export type { CorpusDefinition, CorpusFormat } from './registry/corpus-definition';
export { CorpusNotFoundError } from './registry/corpus-not-found-error';
export { createCorpusRegistry } from './registry/corpus-registry';
export type { CorpusRegistry } from './registry/corpus-registry';
export { resolveRegistryConfig } from './registry/registry-options';
export type { CorpusRegistryOptions, RegistryConfig } from './registry/registry-options';
export { DATA_DIR_ENV, resolveDataDir, resolveDataPath } from './paths/data-dir';
export type { DataDirOptions } from './paths/data-dir';
export { defaultCacheDir } from './paths/default-cache-dir';
export { findRepoRoot } from './paths/repo-root';

// Retrieval evaluation (benchmark and real-data tests)
export { hotpotqaGoldQuestions, musiqueGoldQuestions } from './evaluation/gold-questions';
export { measureRetrievalRecall } from './evaluation/retrieval-recall';
export type { GoldQuestion, RetrievalRecall } from './evaluation/retrieval-recall';
