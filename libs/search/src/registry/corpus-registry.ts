import { openCorpusSearcher } from '../cache/open-corpus-searcher';
import { createCorpus } from '../corpus/create-corpus';
import { loadCorpusDocuments } from '../loaders/load-corpus-documents';
import { resolveDataPath } from '../paths/data-dir';
import type { CorpusSearcher } from '../search/corpus-searcher';
import type { CorpusDefinition } from './corpus-definition';
import { CorpusNotFoundError } from './corpus-not-found-error';
import { resolveRegistryConfig, type CorpusRegistryOptions, type RegistryConfig } from './registry-options';

export interface CorpusRegistry {
  readonly config: RegistryConfig;
  /** Declared corpus names, in declaration order. */
  readonly names: readonly string[];
  has(name: string): boolean;
  /** The declaration of `name`; throws {@link CorpusNotFoundError} for unknown names. */
  definition(name: string): CorpusDefinition;
  /**
   * The searcher for `name`, loading (and indexing or reading the cache) on first use.
   * Concurrent calls share one load. Rejects with {@link CorpusNotFoundError} for unknown names
   * and with a `CorpusSourceError` when the source file is missing or malformed.
   */
  get(name: string): Promise<CorpusSearcher>;
  /** Loads corpora up front (all by default), e.g. before a service reports itself ready. */
  preload(names?: readonly string[]): Promise<CorpusSearcher[]>;
}

export function createCorpusRegistry(options: CorpusRegistryOptions = {}): CorpusRegistry {
  const config = resolveRegistryConfig(options);
  const names = Object.freeze([...config.corpora.keys()]);
  const loading = new Map<string, Promise<CorpusSearcher>>();

  const definition = (name: string): CorpusDefinition => {
    const found = config.corpora.get(name);
    if (!found) throw new CorpusNotFoundError(name, names);
    return found;
  };

  const load = async (def: CorpusDefinition): Promise<CorpusSearcher> => {
    const documents = await loadCorpusDocuments(def.source.format, resolveDataPath(config.dataDir, def.source.path));
    return openCorpusSearcher(createCorpus(def.name, documents), {
      cacheDir: config.cacheDir,
      index: config.index,
      searcher: config.searcher,
    });
  };

  const get = (name: string): Promise<CorpusSearcher> => {
    let def: CorpusDefinition;
    try {
      def = definition(name);
    } catch (error) {
      return Promise.reject(error);
    }
    let pending = loading.get(name);
    if (!pending) {
      pending = load(def);
      loading.set(name, pending);
      // A failed load is forgotten so a later call can retry (e.g. once the file is in place).
      pending.catch(() => loading.delete(name));
    }
    return pending;
  };

  return Object.freeze({
    config,
    names,
    has: (name: string) => config.corpora.has(name),
    definition,
    get,
    preload: (wanted: readonly string[] = names) => Promise.all(wanted.map(get)),
  });
}
