import { createHash } from 'node:crypto';
import type { Task } from './task';

export interface TaskSelection {
  /** 0: all. */
  readonly limit: number;
  readonly offset: number;
  /** undefined: source order. */
  readonly shuffleSeed: number | undefined;
}

/**
 * Shuffles (when seeded), then skips `offset` and keeps at most `limit`. The shuffle orders
 * tasks by a hash of (seed, task id): the same seed gives the same order on any machine, and a
 * task's place does not depend on which other tasks the source holds.
 */
export function selectTasks(tasks: readonly Task[], selection: TaskSelection): Task[] {
  let ordered = [...tasks];
  if (selection.shuffleSeed !== undefined) {
    const seed = selection.shuffleSeed;
    const keyed = ordered.map((task) => ({ task, key: createHash('sha256').update(`${seed}\u0000${task.id}`).digest('hex') }));
    keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    ordered = keyed.map((k) => k.task);
  }
  const end = selection.limit === 0 ? undefined : selection.offset + selection.limit;
  return ordered.slice(selection.offset, end);
}
