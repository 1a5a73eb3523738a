import { status } from '@grpc/grpc-js';
import type { Logger } from '@swirl/grpc-kit';
import {
  LearnerState,
  type CheckpointRef,
  type ExportResponse,
  type InitRequest,
  type LearnerStatus,
  type ModelRef,
  type TrainStepRequest,
  type TrainStepResponse,
} from '@swirl/proto';
import type { LearnerPort } from '../clients/service-clients';

/** The learner no longer holds this run's session (restarted, replaced, failed): resume from the last checkpoint. */
export class LearnerLostError extends Error {
  override readonly name = 'LearnerLostError';
}

/** The learner did not answer within the recovery window. */
export class LearnerUnreachableError extends Error {
  override readonly name = 'LearnerUnreachableError';
}

/** Codes after which the learner may have lost the session (or never got the call). */
const SUSPECT = new Set<number>([status.UNAVAILABLE, status.DEADLINE_EXCEEDED, status.FAILED_PRECONDITION, status.INTERNAL, status.CANCELLED, status.UNKNOWN]);
/** Codes after which the same call may simply be sent again (the learner replays applied steps). */
const TRANSIENT = new Set<number>([status.UNAVAILABLE, status.DEADLINE_EXCEEDED]);
const MAX_RESENDS = 3;
const POLL_MS = 500;

export interface LearnerSessionOptions {
  readonly runId: string;
  /** How long to wait for an unreachable learner. */
  readonly recoveryMs: number;
  readonly logger: Logger;
  /** Aborted when the trainer stops driving the run (shutdown). */
  readonly signal: AbortSignal;
}

/**
 * A run's session on the learner. It keeps the learner step in step with the run and tells a
 * transient failure (retry the call) from a lost session (LearnerLostError: the caller resumes
 * from the last checkpoint) by asking the learner for its status after a failed call.
 */
export class LearnerSession {
  /** The learner step after the last successful call. */
  step = 0;

  constructor(
    private readonly learner: LearnerPort,
    private readonly options: LearnerSessionOptions,
  ) {}

  /** Creates (or replaces) the session; the learner step becomes the checkpoint's. */
  async init(request: Omit<InitRequest, 'runId' | 'replaceSession'>): Promise<LearnerStatus> {
    const response = await this.guarded('Init', () => this.learner.init({ ...request, runId: this.options.runId, replaceSession: true }, this.options.signal), false);
    this.step = response.status!.step;
    return response.status!;
  }

  /** Applies the next update (step = current + 1); a resent update is replayed, never applied twice. */
  async trainStep(request: Omit<TrainStepRequest, 'step'>): Promise<TrainStepResponse> {
    const step = this.step + 1;
    const response = await this.guarded('TrainStep', () => this.learner.trainStep({ ...request, step }, this.options.signal), true);
    this.step = response.step;
    return response;
  }

  async save(requestId: string, path: string): Promise<CheckpointRef> {
    const response = await this.guarded('Save', () => this.learner.save({ requestId, path, weightsOnly: false }, this.options.signal), true);
    return response.checkpoint!;
  }

  async export(requestId: string, outputDir: string, model: ModelRef): Promise<ExportResponse> {
    return this.guarded('Export', () => this.learner.export({ requestId, outputDir, model, opset: 0 }, this.options.signal), true);
  }

  private async guarded<T>(what: string, call: () => Promise<T>, needsSession: boolean): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        const code = (error as { code?: number }).code ?? status.UNKNOWN;
        if (this.options.signal.aborted || !SUSPECT.has(code)) throw error;
        const learnerStatus = await this.waitForLearner(what, error as Error);
        if (needsSession && !this.holdsSession(learnerStatus)) {
          throw new LearnerLostError(
            `the learner lost the session of run ${this.options.runId} (${what} failed: ${(error as Error).message}; learner now: ${LearnerState[learnerStatus.state]}, run '${learnerStatus.runId}', step ${learnerStatus.step}, expected step ${this.step})`,
          );
        }
        if (!TRANSIENT.has(code) || attempt >= MAX_RESENDS) throw error;
        this.options.logger.warn('learner call failed; sending it again', { what, attempt, err: error });
      }
    }
  }

  private holdsSession(s: LearnerStatus): boolean {
    const alive = s.state === LearnerState.LEARNER_STATE_READY || s.state === LearnerState.LEARNER_STATE_BUSY;
    // step + 1: the failed call was a TrainStep the learner applied before the answer was lost.
    return alive && s.runId === this.options.runId && (s.step === this.step || s.step === this.step + 1);
  }

  private async waitForLearner(what: string, cause: Error): Promise<LearnerStatus> {
    const deadline = Date.now() + this.options.recoveryMs;
    let logged = false;
    for (;;) {
      try {
        return (await this.learner.getStatus(this.options.signal)).status!;
      } catch (error) {
        if (this.options.signal.aborted) throw error;
        if (Date.now() > deadline) {
          throw new LearnerUnreachableError(`the learner did not answer for ${Math.round(this.options.recoveryMs / 1000)} s after ${what} failed (${cause.message})`);
        }
        if (!logged) this.options.logger.warn('learner unreachable; waiting for it', { what, err: cause, recoveryMs: this.options.recoveryMs });
        logged = true;
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    }
  }
}
