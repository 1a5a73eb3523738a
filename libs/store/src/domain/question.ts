import type { JsonObject } from './json-value';

/** Where a question comes from. */
export type QuestionSource = 'world' | 'gsm8k' | 'hotpotqa' | 'musique' | 'jsonl';

export const QUESTION_SOURCES: readonly QuestionSource[] = Object.freeze(['world', 'gsm8k', 'hotpotqa', 'musique', 'jsonl']);

/** The task family decides the tools and the step cap. */
export type TaskFamily = 'multihop' | 'math';

export const TASK_FAMILIES: readonly TaskFamily[] = Object.freeze(['multihop', 'math']);

/** A question as given to `upsertQuestions`; every field is part of its identity. */
export interface Question {
  /** Stable id, unique across sources, e.g. `gsm8k/train/1234`. */
  readonly id: string;
  readonly source: QuestionSource;
  readonly family: TaskFamily;
  /** Split of the source, e.g. `train`, `dev`, `heldout`. */
  readonly split: string;
  /** The question as shown to the policy. */
  readonly text: string;
  /** Accepted answers, best first; may be empty when unknown. */
  readonly goldAnswers: readonly string[];
  /** Free-form source metadata (never shown to the policy). */
  readonly metadata: JsonObject;
}

export interface StoredQuestion extends Question {
  readonly createdAt: Date;
}

export interface QuestionQuery {
  readonly source?: QuestionSource;
  readonly family?: TaskFamily;
  readonly split?: string;
}

/** How many questions of an upsert batch were new and how many were already stored unchanged. */
export interface UpsertSummary {
  readonly inserted: number;
  readonly unchanged: number;
}
