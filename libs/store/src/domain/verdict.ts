import type { JsonObject } from './json-value';
import type { ModelRef } from './model-ref';
import type { StepRef } from './step';

export type VerdictLabel = 'GOOD' | 'BAD' | 'ABSTAIN';

export const VERDICT_LABELS: readonly VerdictLabel[] = Object.freeze(['GOOD', 'BAD', 'ABSTAIN']);

/** A process judge's verdict on one step; unique per (step, judge id, judge version). */
export interface NewStepVerdict {
  readonly step: StepRef;
  readonly judgeId: string;
  readonly judgeVersion: string;
  readonly label: VerdictLabel;
  /** Share of GOOD votes in [0, 1]; the RL reward. */
  readonly score: number;
  readonly rationale: string;
  /** Votes taken; 1 for a rules judge. */
  readonly votes: number;
  readonly goodVotes: number;
  /** Model behind an LLM judge. */
  readonly judgeModel?: ModelRef;
}

export interface StepVerdict extends NewStepVerdict {
  readonly createdAt: Date;
}

/** An outcome grader's verdict on a trajectory's final answer; unique per (trajectory, grader id, version). */
export interface NewOutcomeVerdict {
  readonly trajectoryId: string;
  readonly graderId: string;
  readonly graderVersion: string;
  readonly correct: boolean;
  /** In [0, 1]. */
  readonly score: number;
  readonly rationale: string;
  readonly predictedAnswer: string;
  /** Further numbers and fields (f1, precision, recall, matched gold answer ...). */
  readonly details: JsonObject;
}

export interface OutcomeVerdict extends NewOutcomeVerdict {
  readonly createdAt: Date;
}

/** Verdicts of a trajectory, of every trajectory of a job, optionally of one judge/grader version. */
export interface VerdictQuery {
  readonly trajectoryId?: string;
  readonly jobId?: string;
  /** judgeId/judgeVersion for step verdicts, graderId/graderVersion for outcome verdicts. */
  readonly judge?: { readonly id: string; readonly version: string };
}
