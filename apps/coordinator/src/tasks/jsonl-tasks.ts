import { basename } from 'node:path';
import type { JsonObject, TaskFamily } from '@swirl/store';
import { readJsonLines, stringField, type JsonRecord } from './read-task-file';
import type { Task } from './task';
import { TaskSourceError } from './task-source-error';

export interface JsonlTaskOptions {
  readonly path: string;
  /** Family of lines without a "family" key; undefined: such lines are an error. */
  readonly family: TaskFamily | undefined;
  /** Task.dataset; '' = `jsonl:<file name>`. */
  readonly dataset: string;
  /** Corpus of lines without a "corpus" key; '' = the tools service's default. */
  readonly corpus: string;
}

const FAMILIES: Readonly<Record<string, TaskFamily>> = { multi_hop_qa: 'multihop', math: 'math' };

function goldAnswers(record: JsonRecord, where: string): string[] {
  if (Array.isArray(record['answers'])) {
    const answers = record['answers'];
    if (!answers.every((a): a is string => typeof a === 'string')) throw TaskSourceError.invalid(`${where}: "answers" must be an array of strings`);
    return answers.map((a) => a.trim()).filter((a) => a !== '');
  }
  if (record['answer'] === undefined) return [];
  return [stringField(record, 'answer', where).trim()];
}

/**
 * Tasks from any JSONL file: one object per line with "id", "question", "answers" (strings) or
 * "answer", and optionally "family" ("multi_hop_qa" | "math"), "corpus" and "metadata".
 */
export function loadJsonlTasks(options: JsonlTaskOptions): Task[] {
  const dataset = options.dataset || `jsonl:${basename(options.path)}`;
  const seen = new Set<string>();
  return readJsonLines(options.path).map(({ line, record }) => {
    const where = `${options.path} line ${line}`;
    const rawId = record['id'];
    if ((typeof rawId !== 'string' || rawId.trim() === '') && typeof rawId !== 'number') throw TaskSourceError.invalid(`${where}: "id" must be a non-empty string or a number`);
    const id = String(rawId).trim();
    if (seen.has(id)) throw TaskSourceError.invalid(`${where}: id "${id}" appears twice; ids must be unique within the file`);
    seen.add(id);
    let family = options.family;
    if (record['family'] !== undefined) {
      family = FAMILIES[String(record['family'])];
      if (family === undefined) throw TaskSourceError.invalid(`${where}: "family" must be "multi_hop_qa" or "math", got ${JSON.stringify(record['family'])}`);
    }
    if (family === undefined) throw TaskSourceError.invalid(`${where}: the line has no "family" and the request sets no default family (JsonlTasks.family)`);
    const corpus = record['corpus'] === undefined ? options.corpus : stringField(record, 'corpus', where);
    const metadata = record['metadata'];
    if (metadata !== undefined && (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata))) throw TaskSourceError.invalid(`${where}: "metadata" must be an object`);
    return {
      id: `${dataset}/${id}`,
      source: 'jsonl',
      family,
      question: stringField(record, 'question', where).trim(),
      goldAnswers: goldAnswers(record, where),
      dataset,
      split: 'all',
      corpus,
      metadata: (metadata ?? {}) as JsonObject,
    };
  });
}
