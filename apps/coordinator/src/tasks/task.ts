import type { JsonObject, QuestionSource, TaskFamily } from '@swirl/store';

/**
 * One question a job works on, whatever its source: what the policy sees (question), what
 * graders need (gold answers) and where it comes from. The proto's Task, in store vocabulary.
 */
export interface Task {
  /** Unique across sources, e.g. `gsm8k/train/17` or `world-1/test/test-math-00042`. */
  readonly id: string;
  readonly source: QuestionSource;
  readonly family: TaskFamily;
  readonly question: string;
  /** Accepted answers, best first; may be empty (then the task cannot be graded). */
  readonly goldAnswers: readonly string[];
  /** e.g. `gsm8k`, `synthetic-world`, `jsonl:tasks.jsonl`. */
  readonly dataset: string;
  readonly split: string;
  /** Search corpus for this task's search calls; '' = the tools service's default. */
  readonly corpus: string;
  /** Source metadata, never shown to the policy. */
  readonly metadata: JsonObject;
}
