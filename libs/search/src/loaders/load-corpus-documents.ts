import type { SearchDocument } from '../corpus/search-document';
import type { CorpusFormat } from '../registry/corpus-definition';
import { loadHotpotqaCorpus } from './load-hotpotqa-corpus';
import { loadJsonlCorpus } from './load-jsonl-corpus';
import { loadMusiqueCorpus } from './load-musique-corpus';
import { loadTitleTextCorpus } from './load-title-text-corpus';

const LOADERS: Readonly<Record<CorpusFormat, (file: string) => Promise<SearchDocument[]>>> = {
  jsonl: loadJsonlCorpus,
  'hotpotqa-distractor': loadHotpotqaCorpus,
  'title-text-json': loadTitleTextCorpus,
  musique: loadMusiqueCorpus,
};

/** Reads the documents of `file` with the loader for `format`. */
export function loadCorpusDocuments(format: CorpusFormat, file: string): Promise<SearchDocument[]> {
  const loader = LOADERS[format];
  if (!loader) throw new TypeError(`unknown corpus format '${String(format)}'; known: ${Object.keys(LOADERS).join(', ')}`);
  return loader(file);
}
