/** File formats the loaders understand. */
export type CorpusFormat = 'jsonl' | 'hotpotqa-distractor' | 'title-text-json' | 'musique';

export const CORPUS_FORMATS: readonly CorpusFormat[] = ['jsonl', 'hotpotqa-distractor', 'title-text-json', 'musique'];

/** A named corpus and where its documents come from. */
export interface CorpusDefinition {
  /** What callers pass to `registry.get`; also names the cache file. */
  readonly name: string;
  readonly source: {
    readonly format: CorpusFormat;
    /** File path, relative to the data dir unless absolute. */
    readonly path: string;
  };
}

/**
 * The corpora built from the datasets in the shared data dir. The `*-dev` ones are the
 * evaluation pools (questions are answered from the paragraphs of all pooled examples).
 */
export const STANDARD_CORPORA: readonly CorpusDefinition[] = Object.freeze([
  { name: 'hotpotqa-dev', source: { format: 'hotpotqa-distractor', path: 'hotpotqa/hotpot_dev_distractor_v1_first500_minus_holdout.json' } },
  { name: 'hotpotqa-train', source: { format: 'hotpotqa-distractor', path: 'hotpotqa/hotpotqa_train.json' } },
  { name: 'hotpotqa-train-corpus', source: { format: 'title-text-json', path: 'hotpotqa/hotpotqa_train_corpus.json' } },
  { name: 'musique-dev', source: { format: 'musique', path: 'musique/musique_qa_100.json' } },
  { name: 'musique-train', source: { format: 'musique', path: 'musique/musique_train.json' } },
  { name: 'musique-train-corpus', source: { format: 'title-text-json', path: 'musique/musique_train_corpus.json' } },
]);
