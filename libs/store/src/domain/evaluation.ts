import type { JsonObject } from './json-value';
import type { ModelRef } from './model-ref';
import type { TaskFamily } from './question';

export type DecodingMode = 'greedy' | 'sampled';

export const DECODING_MODES: readonly DecodingMode[] = Object.freeze(['greedy', 'sampled']);

/** The graded outcome of one evaluated trajectory. */
export interface EvaluationResult {
  readonly questionId: string;
  readonly trajectoryId: string;
  readonly correct: boolean;
  /** Grader score in [0, 1]. */
  readonly score: number;
}

/**
 * Accuracy of one model on one (split, family) slice, with the graded trajectory behind every
 * count: `n` equals `results.length` and `correct` the results marked correct. Trajectories
 * that ended with an error are not graded and not listed.
 */
export interface NewEvaluation {
  readonly id: string;
  /** The EVALUATE or PIPELINE job that produced it. */
  readonly jobId?: string;
  readonly model: ModelRef;
  readonly split: string;
  readonly family: TaskFamily;
  readonly n: number;
  readonly correct: number;
  /** correct / n. */
  readonly accuracy: number;
  readonly ciLow: number;
  readonly ciHigh: number;
  readonly decodingMode: DecodingMode;
  /** Sampling parameters as resolved (temperature, seed ...). */
  readonly sampling: JsonObject;
  /** Grader "id@version". */
  readonly grader: string;
  /** Further numbers (mean_f1, answered_rate, process_label_accuracy ...). */
  readonly metrics: Readonly<Record<string, number>>;
  readonly results: readonly EvaluationResult[];
}

export interface Evaluation extends NewEvaluation {
  readonly createdAt: Date;
}

export interface EvaluationQuery {
  readonly jobId?: string;
  readonly modelName?: string;
  readonly family?: TaskFamily;
}
