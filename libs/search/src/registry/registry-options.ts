import { resolveIndexConfig, type IndexConfig, type IndexOptions } from '../index/index-options';
import { resolveDataDir } from '../paths/data-dir';
import { defaultCacheDir } from '../paths/default-cache-dir';
import { resolveSearcherConfig, type SearcherConfig, type SearcherOptions } from '../search/searcher-options';
import { CORPUS_FORMATS, STANDARD_CORPORA, type CorpusDefinition } from './corpus-definition';

export interface CorpusRegistryOptions {
  /**
   * The corpora the registry serves.
   * @default STANDARD_CORPORA (hotpotqa-dev, hotpotqa-train, musique-dev, ...)
   */
  corpora?: readonly CorpusDefinition[];
  /**
   * Directory relative corpus paths are resolved against.
   * @default $SWIRL_DATA_DIR, else `<repo root>/../shared/data`
   */
  dataDir?: string;
  /**
   * Directory for index cache files; `false` builds every index in memory.
   * @default `<repo root>/var/search-index`
   */
  cacheDir?: string | false;
  /** Index settings shared by all corpora. */
  index?: IndexOptions;
  /** Query-time settings shared by all searchers (topK default and bound, snippet length). */
  searcher?: SearcherOptions;
  /** Environment read for `SWIRL_DATA_DIR`. @default process.env */
  env?: NodeJS.ProcessEnv;
}

export interface RegistryConfig {
  readonly corpora: ReadonlyMap<string, CorpusDefinition>;
  readonly dataDir: string;
  readonly cacheDir: string | false;
  readonly index: IndexConfig;
  readonly searcher: SearcherConfig;
}

/** Validates the options once; mistakes in corpus declarations surface at start-up, not at first use. */
export function resolveRegistryConfig(options: CorpusRegistryOptions = {}): RegistryConfig {
  const corpora = new Map<string, CorpusDefinition>();
  for (const definition of options.corpora ?? STANDARD_CORPORA) {
    if (!definition.name || !definition.name.trim()) throw new TypeError('corpus definition without a name');
    if (corpora.has(definition.name)) throw new TypeError(`corpus '${definition.name}' is declared twice`);
    if (!CORPUS_FORMATS.includes(definition.source?.format)) {
      throw new TypeError(`corpus '${definition.name}': unknown format '${String(definition.source?.format)}'; known: ${CORPUS_FORMATS.join(', ')}`);
    }
    if (!definition.source.path) throw new TypeError(`corpus '${definition.name}': source.path is empty`);
    corpora.set(definition.name, Object.freeze({ name: definition.name, source: Object.freeze({ ...definition.source }) }));
  }
  return Object.freeze({
    corpora,
    dataDir: resolveDataDir({ dataDir: options.dataDir, env: options.env }),
    cacheDir: options.cacheDir === undefined ? defaultCacheDir() : options.cacheDir,
    index: resolveIndexConfig(options.index),
    searcher: resolveSearcherConfig(options.searcher),
  });
}
