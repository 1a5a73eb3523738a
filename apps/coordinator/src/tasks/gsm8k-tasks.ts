import { benchmarkFile, type DataDir } from './data-dir';
import { readJsonLines, stringField } from './read-task-file';
import type { Task } from './task';
import { TaskSourceError } from './task-source-error';

const SPLITS: Readonly<Record<string, string>> = { train: 'gsm8k/train.jsonl', test: 'gsm8k/test.jsonl' };

/** The number after `#### ` on the solution's last line: GSM8K's final answer. */
export function gsm8kFinalAnswer(solution: string, where: string): string {
  const match = /####\s*(.+?)\s*$/.exec(solution.trim());
  if (match === null) throw TaskSourceError.invalid(`${where}: the answer has no "#### <final answer>" line`);
  return match[1]!.replace(/,(?=\d{3}\b)/g, '');
}

/** GSM8K word problems (family math), one per line of `gsm8k/<split>.jsonl`. */
export function loadGsm8kTasks(dataDir: DataDir, split: string): Task[] {
  const file = benchmarkFile(dataDir, 'gsm8k', split, SPLITS[split], Object.keys(SPLITS));
  return readJsonLines(file).map(({ line, record }, i) => {
    const where = `${file} line ${line}`;
    return {
      id: `gsm8k/${split}/${i}`,
      source: 'gsm8k',
      family: 'math',
      question: stringField(record, 'question', where).trim(),
      goldAnswers: [gsm8kFinalAnswer(stringField(record, 'answer', where), where)],
      dataset: 'gsm8k',
      split,
      corpus: '',
      metadata: { line },
    };
  });
}
