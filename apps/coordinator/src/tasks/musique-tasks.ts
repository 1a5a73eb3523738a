import { benchmarkFile, type DataDir } from './data-dir';
import { readJsonArray, stringField } from './read-task-file';
import type { Task } from './task';

const SPLITS: Readonly<Record<string, { file: string; corpus: string }>> = {
  dev: { file: 'musique/musique_qa_100.json', corpus: 'musique-dev' },
  train: { file: 'musique/musique_train.json', corpus: 'musique-train' },
};

/** MuSiQue-Ans questions (family multihop); gold answers are the answer and its aliases. */
export function loadMusiqueTasks(dataDir: DataDir, split: string): Task[] {
  const spec = SPLITS[split];
  const file = benchmarkFile(dataDir, 'musique', split, spec?.file, Object.keys(SPLITS));
  return readJsonArray(file).map((record, i) => {
    const where = `${file} element ${i}`;
    const id = stringField(record, 'id', where);
    const aliases = Array.isArray(record['answer_aliases']) ? record['answer_aliases'].filter((a): a is string => typeof a === 'string' && a.trim() !== '') : [];
    const answer = stringField(record, 'answer', where).trim();
    return {
      id: `musique/${split}/${id}`,
      source: 'musique',
      family: 'multihop',
      question: stringField(record, 'question', where).trim(),
      goldAnswers: [...new Set([answer, ...aliases.map((a) => a.trim())])],
      dataset: 'musique',
      split,
      corpus: spec!.corpus,
      metadata: { hops: id.split('__')[0] ?? '', answerable: record['answerable'] === true },
    };
  });
}
