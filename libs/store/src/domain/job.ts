import type { JsonObject, JsonValue } from './json-value';

export type JobKind = 'synthesize' | 'judge' | 'filter' | 'evaluate' | 'pipeline' | 'train';

export const JOB_KINDS: readonly JobKind[] = Object.freeze(['synthesize', 'judge', 'filter', 'evaluate', 'pipeline', 'train']);

/**
 * Lifecycle of a job (the proto's JobState): pending -> running -> succeeded | failed |
 * cancelling -> cancelled. succeeded, failed and cancelled are terminal.
 */
export type JobStatus = 'pending' | 'running' | 'cancelling' | 'succeeded' | 'failed' | 'cancelled';

export const JOB_STATUSES: readonly JobStatus[] = Object.freeze(['pending', 'running', 'cancelling', 'succeeded', 'failed', 'cancelled']);

export interface NewJob {
  /** Job id, chosen by the coordinator. */
  readonly id: string;
  /** Client idempotency key (StartJob's request_id); unique across jobs when set. */
  readonly requestId?: string;
  readonly kind: JobKind;
  readonly displayName?: string;
  /** The spec with defaults resolved; immutable. */
  readonly config: JsonObject;
  /** The pipeline job this job is a stage of. */
  readonly parentJobId?: string;
}

/**
 * Progress of the current stage. `done` and `failed` count different units (done + failed <=
 * total when total is known). Within one stage they never go down; a new stage counts afresh.
 */
export interface JobProgress {
  /** e.g. `synthesize`; for single-stage jobs the kind. */
  readonly stage: string;
  readonly done: number;
  /** 0 when unknown. */
  readonly total: number;
  readonly failed: number;
}

export interface Job {
  readonly id: string;
  readonly requestId?: string;
  readonly kind: JobKind;
  readonly displayName: string;
  readonly config: JsonObject;
  readonly parentJobId?: string;
  readonly status: JobStatus;
  readonly progress: JobProgress;
  /** Set when the job failed. */
  readonly error?: string;
  /** Set by the terminal transition (the job's result). */
  readonly result?: JsonValue;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** First time the job entered `running`. */
  readonly startedAt?: Date;
  /** When the job reached a terminal status. */
  readonly endedAt?: Date;
}

export interface JobTransition {
  readonly status: JobStatus;
  /** Required for `failed`. */
  readonly error?: string;
  /** Only on a transition to a terminal status. */
  readonly result?: JsonValue;
}

export interface JobQuery {
  readonly kind?: JobKind;
  readonly status?: JobStatus;
  readonly parentJobId?: string;
}
