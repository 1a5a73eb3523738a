import { benchmarkFile, type DataDir } from './data-dir';
import { readJsonArray, stringField } from './read-task-file';
import type { Task } from './task';

interface HotpotqaSplit {
  readonly file: string;
  /** The tools service's standard corpus built from the same file; '' if there is none. */
  readonly corpus: string;
}

const SPLITS: Readonly<Record<string, HotpotqaSplit>> = {
  dev: { file: 'hotpotqa/hotpot_dev_distractor_v1_first500_minus_holdout.json', corpus: 'hotpotqa-dev' },
  train: { file: 'hotpotqa/hotpotqa_train.json', corpus: 'hotpotqa-train' },
  // Questions and answers only (no paragraphs): search falls back to the default corpus.
  'dev-simplified': { file: 'hotpotqa/hotpot_dev_v1_simplified.json', corpus: '' },
};

/** HotPotQA questions (family multihop); each task searches the corpus made from its split. */
export function loadHotpotqaTasks(dataDir: DataDir, split: string): Task[] {
  const spec = SPLITS[split];
  const file = benchmarkFile(dataDir, 'hotpotqa', split, spec?.file, Object.keys(SPLITS));
  return readJsonArray(file).map((record, i) => {
    const where = `${file} element ${i}`;
    const id = typeof record['_id'] === 'string' ? record['_id'] : String(i);
    const supporting = Array.isArray(record['supporting_facts']) ? [...new Set(record['supporting_facts'].map((f) => String((f as unknown[])[0])))] : [];
    return {
      id: `hotpotqa/${split}/${id}`,
      source: 'hotpotqa',
      family: 'multihop',
      question: stringField(record, 'question', where).trim(),
      goldAnswers: [stringField(record, 'answer', where).trim()],
      dataset: 'hotpotqa',
      split,
      corpus: spec!.corpus,
      metadata: { type: String(record['type'] ?? ''), level: String(record['level'] ?? ''), supporting_titles: supporting },
    };
  });
}
