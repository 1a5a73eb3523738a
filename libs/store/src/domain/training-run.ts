import type { JsonObject } from './json-value';
import type { JudgeRef, ModelRef } from './model-ref';

export type TrainingAlgorithm = 'swirl' | 'sft';

export const TRAINING_ALGORITHMS: readonly TrainingAlgorithm[] = Object.freeze(['swirl', 'sft']);

/** The proto's RunState: pending -> initializing -> running -> succeeded | failed | cancelling -> cancelled. */
export type RunStatus = 'pending' | 'initializing' | 'running' | 'cancelling' | 'succeeded' | 'failed' | 'cancelled';

export const RUN_STATUSES: readonly RunStatus[] = Object.freeze([
  'pending',
  'initializing',
  'running',
  'cancelling',
  'succeeded',
  'failed',
  'cancelled',
]);

export interface NewTrainingRun {
  readonly id: string;
  /** CreateRun's request_id; unique across runs when set. */
  readonly requestId?: string;
  readonly datasetVersionId: string;
  readonly baseModel: ModelRef;
  readonly algorithm: TrainingAlgorithm;
  /** Hyper-parameters with every default resolved (seed included). */
  readonly hyperParameters: JsonObject;
  /** Process judge used as the reward (swirl). */
  readonly rewardJudge?: JudgeRef;
  /** The job (train or pipeline) the run belongs to. */
  readonly jobId?: string;
  /** Updates planned. */
  readonly totalUpdates: number;
}

export interface TrainingRun extends NewTrainingRun {
  readonly status: RunStatus;
  /** Updates completed; never goes down (a resumed run re-reports once it passes it again). */
  readonly completedUpdates: number;
  readonly error?: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly startedAt?: Date;
  readonly endedAt?: Date;
}

export interface RunTransition {
  readonly status: RunStatus;
  /** Required for `failed`. */
  readonly error?: string;
}

/**
 * Metrics of one update as a name -> number map (loss, mean_reward, kl, accept_rate ...).
 * Unique per (run, step, attempt): a run resumed from an earlier checkpoint records the updates
 * it redoes with a higher attempt, so the first numbers are never overwritten.
 */
export interface NewRunMetrics {
  readonly runId: string;
  readonly step: number;
  /** @default 0 */
  readonly attempt?: number;
  readonly values: Readonly<Record<string, number>>;
}

export interface RunMetrics extends Required<NewRunMetrics> {
  readonly createdAt: Date;
}

export interface NewCheckpoint {
  /** Unique across runs, e.g. `run-3f2a/step-200`. */
  readonly id: string;
  readonly runId: string;
  /** Optimizer updates applied; unique per run. */
  readonly step: number;
  /** Checkpoint directory as seen by the learner. */
  readonly path: string;
  /** The model version these weights are published as. */
  readonly model: ModelRef;
  readonly weightsSha256?: string;
  readonly hasOptimizerState: boolean;
  readonly sizeBytes?: number;
}

export interface Checkpoint extends NewCheckpoint {
  readonly createdAt: Date;
}
