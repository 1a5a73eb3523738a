import type { TaskSource } from '@swirl/proto';
import { familyFromProto, isKnownFamily } from '../convert/task-family';
import type { DataDir } from './data-dir';
import { loadGsm8kTasks } from './gsm8k-tasks';
import { loadHotpotqaTasks } from './hotpotqa-tasks';
import { loadJsonlTasks } from './jsonl-tasks';
import { loadMusiqueTasks } from './musique-tasks';
import { selectTasks } from './select-tasks';
import type { Task } from './task';
import { TaskSourceError } from './task-source-error';
import { loadWorldTasks } from './world-tasks';

export interface TaskLoaderDeps {
  readonly dataDir: DataDir;
  /** Corpus name of synthetic-world tasks. */
  readonly worldCorpus: string;
}

/** SyntheticWorldTasks.count when 0. */
export const DEFAULT_WORLD_TASK_COUNT = 1000;
/** Task.question is at most 16 KiB. */
const MAX_QUESTION_BYTES = 16 * 1024;

/**
 * The tasks a TaskSource names, after shuffling, offset and limit. Throws TaskSourceError with
 * the status to answer (INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION) and what to fix.
 */
export function loadTasks(source: TaskSource | undefined, deps: TaskLoaderDeps, field = 'tasks'): Task[] {
  const chosen = source?.source;
  if (chosen === undefined) throw TaskSourceError.invalid(`${field} must name a task source (synthetic_world, gsm8k, hotpotqa, musique or jsonl)`);
  const split = (s: string) => {
    if (s.trim() === '') throw TaskSourceError.invalid(`${field}.${chosen.$case}.split is required, e.g. "train" or "test"`);
    return s.trim();
  };
  let tasks: Task[];
  switch (chosen.$case) {
    case 'syntheticWorld': {
      const w = chosen.value;
      if (!isKnownFamily(w.family)) throw TaskSourceError.invalid(`${field}.synthetic_world.family has unknown value ${w.family}`);
      tasks = loadWorldTasks({ seed: w.seed, split: split(w.split), count: w.count === 0 ? DEFAULT_WORLD_TASK_COUNT : w.count, family: familyFromProto(w.family), corpus: deps.worldCorpus });
      break;
    }
    case 'gsm8k':
      tasks = loadGsm8kTasks(deps.dataDir, split(chosen.value.split));
      break;
    case 'hotpotqa':
      tasks = loadHotpotqaTasks(deps.dataDir, split(chosen.value.split));
      break;
    case 'musique':
      tasks = loadMusiqueTasks(deps.dataDir, split(chosen.value.split));
      break;
    case 'jsonl': {
      const j = chosen.value;
      if (j.path.trim() === '') throw TaskSourceError.invalid(`${field}.jsonl.path is required: the JSONL file on the coordinator's file system`);
      if (!isKnownFamily(j.family)) throw TaskSourceError.invalid(`${field}.jsonl.family has unknown value ${j.family}`);
      tasks = loadJsonlTasks({ path: j.path, family: familyFromProto(j.family), dataset: j.dataset.trim(), corpus: j.corpus.trim() });
      break;
    }
  }
  for (const task of tasks) {
    if (Buffer.byteLength(task.question) > MAX_QUESTION_BYTES) throw TaskSourceError.invalid(`task ${task.id}: the question is longer than 16 KiB`);
  }
  const selected = selectTasks(tasks, { limit: source!.limit, offset: source!.offset, shuffleSeed: source!.shuffleSeed });
  if (selected.length === 0) {
    throw TaskSourceError.invalid(`${field} selects no tasks: the source has ${tasks.length}, offset ${source!.offset} skips ${Math.min(source!.offset, tasks.length)} of them`);
  }
  return selected;
}
