import { performance } from 'node:perf_hooks';
import type { Corpus } from '../corpus/search-document';
import { Bm25Index } from '../index/bm25-index';
import { indexFingerprint, resolveIndexConfig, type IndexConfig, type IndexOptions } from '../index/index-options';
import { CorpusSearcher, type IndexProvenance } from '../search/corpus-searcher';
import type { SearcherOptions } from '../search/searcher-options';
import { cacheFilePath, readIndexCache, writeIndexCache, type IndexCacheKey } from './index-cache';

export interface OpenSearcherOptions {
  /**
   * Directory for index cache files, or `false` to always build in memory.
   * @default false (the registry passes its own default, `<repo root>/var/search-index`)
   */
  cacheDir?: string | false;
  /** Index settings; tokeniser settings are part of the cache key. */
  index?: IndexOptions;
  /** Query-time settings of the returned searcher. */
  searcher?: SearcherOptions;
}

function elapsedSince(start: number): number {
  return Math.round((performance.now() - start) * 10) / 10;
}

type RebuildReason = NonNullable<IndexProvenance['rebuildReason']>;

/** The cached index if it is usable, otherwise why not (and what was wrong with a damaged file). */
async function loadCachedIndex(file: string, key: IndexCacheKey, config: IndexConfig): Promise<Bm25Index | { reason: RebuildReason; problem?: string }> {
  const cached = await readIndexCache(file, key);
  if (cached.status === 'missing') return { reason: 'no-cache-file' };
  if (cached.status === 'stale') return { reason: 'stale-cache' };
  if (cached.status === 'corrupt') return { reason: 'corrupt-cache', problem: cached.problem };
  try {
    const index = Bm25Index.deserialize(cached.indexJson, config);
    if (index.documentCount === cached.documents.length) return index;
    return { reason: 'corrupt-cache', problem: `index holds ${index.documentCount} documents, cache lists ${cached.documents.length}` };
  } catch (error) {
    return { reason: 'corrupt-cache', problem: `index section unreadable: ${(error as Error).message}` };
  }
}

/**
 * Returns a searcher for `corpus`, reusing the cached index when its key (content hash + index
 * fingerprint) matches, otherwise building it and rewriting the cache. A damaged or unwritable
 * cache only costs a rebuild; it never makes this fail.
 */
export async function openCorpusSearcher(corpus: Corpus, options: OpenSearcherOptions = {}): Promise<CorpusSearcher> {
  const config = resolveIndexConfig(options.index);
  const cacheDir = options.cacheDir ?? false;
  const build = () => {
    const start = performance.now();
    return { index: Bm25Index.build(corpus.documents, config), buildMs: elapsedSince(start) };
  };

  if (cacheDir === false) {
    const { index, buildMs } = build();
    return new CorpusSearcher(corpus, index, { fromCache: false, rebuildReason: 'cache-disabled', buildMs, cacheLoadMs: 0 }, options.searcher);
  }

  const cacheFile = cacheFilePath(cacheDir, corpus.name);
  const key: IndexCacheKey = { contentHash: corpus.contentHash, indexFingerprint: indexFingerprint(config) };
  const loadStart = performance.now();
  const cached = await loadCachedIndex(cacheFile, key, config);
  if (cached instanceof Bm25Index) {
    return new CorpusSearcher(corpus, cached, { fromCache: true, cacheFile, buildMs: 0, cacheLoadMs: elapsedSince(loadStart) }, options.searcher);
  }

  const { index, buildMs } = build();
  const provenance: IndexProvenance = {
    fromCache: false,
    rebuildReason: cached.reason,
    ...(cached.problem ? { cacheProblem: cached.problem } : {}),
    cacheFile,
    buildMs,
    cacheLoadMs: 0,
  };
  try {
    await writeIndexCache(cacheFile, key, corpus.name, corpus.documents, index.serialize());
    return new CorpusSearcher(corpus, index, provenance, options.searcher);
  } catch (error) {
    return new CorpusSearcher(corpus, index, { ...provenance, cacheWriteError: (error as Error).message }, options.searcher);
  }
}
