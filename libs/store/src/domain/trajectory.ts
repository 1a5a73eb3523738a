import type { ChatMessage } from './chat-message';
import type { JsonObject } from './json-value';
import type { ModelRef } from './model-ref';
import type { Step } from './step';

/** running -> finished | failed | cancelled; the last three are terminal. */
export type TrajectoryStatus = 'running' | 'finished' | 'failed' | 'cancelled';

export const TRAJECTORY_STATUSES: readonly TrajectoryStatus[] = Object.freeze(['running', 'finished', 'failed', 'cancelled']);

/**
 * Why a trajectory ended; it decides the status: `error` -> failed, `cancelled` -> cancelled,
 * the others -> finished.
 */
export type TrajectoryFinishReason = 'answered' | 'step_cap' | 'malformed_action' | 'context_length' | 'error' | 'cancelled';

export const TRAJECTORY_FINISH_REASONS: readonly TrajectoryFinishReason[] = Object.freeze([
  'answered',
  'step_cap',
  'malformed_action',
  'context_length',
  'error',
  'cancelled',
]);

/** A trajectory as it is started; every field is part of its identity. */
export interface NewTrajectory {
  readonly id: string;
  readonly jobId: string;
  readonly questionId: string;
  /** 0-based sample number for this question in this job; (job, question, sample) is unique. */
  readonly sampleIndex: number;
  /** Policy version of the first step (steps carry their own). */
  readonly model: ModelRef;
  readonly promptVersion: string;
  /** Seed the step seeds derive from; absent for greedy decoding. */
  readonly samplingSeed?: number;
  /** Sampling parameters as resolved (temperature, top_p, max_new_tokens ...). */
  readonly sampling: JsonObject;
  /** Step cap applied to this trajectory. */
  readonly maxSteps: number;
  /**
   * The initial messages s1 (system prompt and question) exactly as sent to the policy. With the
   * steps' action texts and observations they rebuild every later state (see buildStepState).
   */
  readonly prompt: readonly ChatMessage[];
}

export interface Trajectory extends NewTrajectory {
  readonly status: TrajectoryStatus;
  readonly finishReason?: TrajectoryFinishReason;
  /** The final answer, when the policy gave one. */
  readonly finalAnswer?: string;
  /** Set when the finish reason is `error`. */
  readonly error?: string;
  /** Number of stored steps. */
  readonly stepCount: number;
  /** When the trajectory was started (stored). */
  readonly createdAt: Date;
  readonly finishedAt?: Date;
}

export interface TrajectoryWithSteps extends Trajectory {
  /** Stored steps in index order. */
  readonly steps: readonly Step[];
}

export interface TrajectoryEnd {
  readonly finishReason: TrajectoryFinishReason;
  readonly finalAnswer?: string;
  /** Required when finishReason is `error`. */
  readonly error?: string;
}

export interface TrajectoryQuery {
  readonly jobId?: string;
  readonly questionId?: string;
  readonly status?: TrajectoryStatus;
  /** Keyset paging: only trajectories started after this one (the last id of the previous page). */
  readonly after?: string;
  /** At most this many. @default no limit */
  readonly limit?: number;
}
