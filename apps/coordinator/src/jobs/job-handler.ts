import type { Logger } from '@swirl/grpc-kit';
import type { JobResult, JobSpec } from '@swirl/proto';
import type { JobKind } from '@swirl/store';
import type { ProgressTracker } from './progress-tracker';

/** A job being run (or resumed) by its handler. */
export interface RunningJob {
  readonly id: string;
  /** The spec with defaults resolved (as stored at StartJob). */
  readonly spec: JobSpec;
  /** Aborted with a JobStop reason on CancelJob (`cancel`) or coordinator shutdown (`shutdown`). */
  readonly signal: AbortSignal;
  readonly progress: ProgressTracker;
  readonly logger: Logger;
}

/** What one job kind does: validate and resolve a spec at StartJob, then run it. */
export interface JobHandler {
  readonly kind: JobKind;
  /**
   * Checks the submitted spec and fills in its defaults (drawn seeds, the concrete model
   * version ...). Throws a GrpcStatusError naming what to fix. Runs inside StartJob, so it must
   * stay quick (reading task files is fine; no generation).
   */
  prepare(spec: JobSpec, signal: AbortSignal): Promise<JobSpec>;
  /**
   * Runs the job to its result. Must be resumable: a restarted coordinator calls it again for a
   * job it left running, and it continues from what the store holds. When the signal aborts it
   * stops promptly (the result is then ignored).
   */
  run(job: RunningJob): Promise<JobResult>;
  /**
   * Why this coordinator cannot run a job with this (resolved) spec in its configuration, e.g. a
   * training pipeline without a trainer; undefined: it can. Such a job left RUNNING by a previous
   * process is not resumed (it resumes once the coordinator runs with what it needs).
   */
  unavailable?(spec: JobSpec): string | undefined;
  /**
   * Ends what a job left CANCELLING by a previous process still has running elsewhere (a
   * pipeline's stage jobs and trainer run). The manager ends the job's own trajectories.
   */
  finishCancelled?(jobId: string, logger: Logger): Promise<void>;
}
