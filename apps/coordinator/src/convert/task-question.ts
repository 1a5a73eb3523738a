import type { JsonObject, Question, StoredQuestion } from '@swirl/store';
import type { Task } from '../tasks/task';

/**
 * Tasks are stored as questions. The store's question has no dataset or corpus column, so both
 * travel in its metadata next to the source's own metadata (`details`).
 */
export function taskToQuestion(task: Task): Question {
  return {
    id: task.id,
    source: task.source,
    family: task.family,
    split: task.split,
    text: task.question,
    goldAnswers: [...task.goldAnswers],
    metadata: { dataset: task.dataset, corpus: task.corpus, details: task.metadata },
  };
}

export function questionToTask(question: StoredQuestion): Task {
  const meta = question.metadata;
  return {
    id: question.id,
    source: question.source,
    family: question.family,
    question: question.text,
    goldAnswers: question.goldAnswers,
    dataset: typeof meta['dataset'] === 'string' ? meta['dataset'] : question.source,
    split: question.split,
    corpus: typeof meta['corpus'] === 'string' ? meta['corpus'] : '',
    metadata: typeof meta['details'] === 'object' && meta['details'] !== null && !Array.isArray(meta['details']) ? (meta['details'] as JsonObject) : {},
  };
}
