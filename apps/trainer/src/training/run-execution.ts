import type { Logger } from '@swirl/grpc-kit';
import { TrainingAlgorithm, type ModelRef } from '@swirl/proto';
import type { Checkpoint, RunStatus, TrainingRun } from '@swirl/store';
import type { ServiceClients } from '../clients/service-clients';
import type { RunEvent } from '../runs/run-event-log';
import { toCheckpointRef, type RunProgress } from '../runs/run-view';
import type { RunDefinition } from '../store/run-definition';
import type { TrainerStore } from '../store/trainer-store';
import type { TrainerMetrics } from '../trainer-metrics';
import { exportedVersion, type ArtifactPaths } from './artifact-paths';
import { ExampleSchedule } from './example-schedule';
import { LearnerLostError, LearnerSession } from './learner-session';
import { publishPolicy } from './policy-publisher';
import { resumeSession, startingAttempt } from './resume-session';
import { createSftUpdate, type Update } from './sft-update';
import { swirlUpdate } from './swirl-update';
import { DatasetExamples } from './training-example';
import type { UpdateContext } from './update-context';
import { UpdateLog } from './update-log';
import { toRunMetrics, toStoredValues, type UpdateMetrics } from './update-metrics';

export interface ExecutionSettings {
  readonly generateConcurrency: number;
  readonly judgeBatchSize: number;
  readonly learnerRecoveryMs: number;
  readonly maxLearnerRecoveries: number;
}

export interface ExecutionDeps {
  readonly store: TrainerStore;
  readonly clients: ServiceClients;
  readonly metrics: TrainerMetrics;
  readonly paths: ArtifactPaths;
  readonly logger: Logger;
  readonly settings: ExecutionSettings;
}

/** How an execution reports to the run's owner. */
export interface RunHost {
  /** Moves the run to `status` in the store and tells watchers (a state event). */
  transition(status: RunStatus, error?: string): Promise<void>;
  emit(event: RunEvent): void;
}

/** A run failed for a reason its error message explains; no stack needed. */
class RunFailure extends Error {}

/**
 * Drives one run from its current state to a terminal one: initialises (or resumes) the
 * learner session from the last checkpoint, runs the updates, exports and hot-loads the policy
 * every K updates, checkpoints every C updates, and handles cancellation. When the learner
 * loses the session (restart, crash) it resumes from the last checkpoint and redoes the
 * updates after it, recorded as a new attempt.
 */
export class RunExecution implements RunProgress {
  /** The update the run is at (goes back when it resumes from an earlier checkpoint). */
  completedUpdates: number;
  latestMetrics?: UpdateMetrics;
  latestModel?: ModelRef;
  latestCheckpoint?: Checkpoint;
  /** Settles when the run is terminal, or when the trainer stopped driving it (interrupt). */
  done: Promise<void> = Promise.resolve();

  private cancelRequested = false;
  private readonly stop = new AbortController();
  private readonly log: Logger;
  private attempt = 0;
  private policy!: ModelRef;
  private readonly status: RunStatus;
  private storedUpdates: number;

  constructor(
    private readonly deps: ExecutionDeps,
    private readonly run: RunDefinition,
    record: TrainingRun,
    private readonly host: RunHost,
    progress: RunProgress,
  ) {
    this.completedUpdates = progress.completedUpdates;
    this.storedUpdates = record.completedUpdates;
    this.latestMetrics = progress.latestMetrics;
    this.latestModel = progress.latestModel;
    this.latestCheckpoint = progress.latestCheckpoint;
    this.log = deps.logger.child({ run: run.id });
    this.cancelRequested = record.status === 'cancelling';
    this.status = record.status;
  }

  /** Starts driving the run; `done` settles when it stops. */
  start(): void {
    this.done = this.execute(this.status);
  }

  /** The current update finishes, a final checkpoint is written, then the run is CANCELLED. */
  requestCancel(): void {
    this.cancelRequested = true;
  }

  /** Stop driving the run without changing its state (trainer shutdown); it resumes on the next start. */
  interrupt(): void {
    this.stop.abort(new Error('the trainer is shutting down'));
  }

  private async execute(status: RunStatus): Promise<void> {
    const { store } = this.deps;
    const runId = this.run.id;
    try {
      if (status === 'pending') await this.host.transition('initializing');
      const examples = await DatasetExamples.open(store, this.run.datasetVersionId);
      if (examples.size === 0) throw new RunFailure(`dataset version ${this.run.datasetVersionId} has no examples`);
      const schedule = new ExampleSchedule(this.run.hyperParameters.seed!, examples.size, this.run.hyperParameters.statesPerBatch);
      const session = new LearnerSession(this.deps.clients.learner, {
        runId,
        recoveryMs: this.deps.settings.learnerRecoveryMs,
        logger: this.log,
        signal: this.stop.signal,
      });
      const contextLength = await this.baseContextLength();
      const update: Update = this.run.algorithm === TrainingAlgorithm.TRAINING_ALGORITHM_SWIRL ? swirlUpdate : createSftUpdate();
      // A fresh run is attempt 0; every resume (trainer restart, lost learner) starts a new one.
      this.attempt = await startingAttempt(store, runId, status === 'pending');
      let u = await this.resume(session);
      // Cancelled while initialising: the store already says CANCELLING, which may not go back to RUNNING.
      if ((status === 'pending' || status === 'initializing') && !this.cancelRequested) await this.host.transition('running');
      const updateLog = new UpdateLog(this.deps.paths.updateLog(runId));
      let recoveries = 0;
      while (u < this.run.totalUpdates && !this.cancelRequested) {
        const next = u + 1;
        try {
          await this.runUpdate(this.context(session, examples, schedule, contextLength), update, next, updateLog);
          u = next;
        } catch (error) {
          if (!(error instanceof LearnerLostError) || this.stop.signal.aborted) throw error;
          if (++recoveries > this.deps.settings.maxLearnerRecoveries) throw new RunFailure(`${error.message}; gave up after ${recoveries - 1} resumes`);
          this.deps.metrics.learnerRecoveries.inc();
          this.log.warn('learner lost the session; resuming from the last checkpoint', { err: error, update: next });
          this.attempt++;
          u = await this.resume(session);
        }
      }
      if (this.cancelRequested) {
        if (u > 0 && (this.latestCheckpoint?.step ?? 0) < u) await this.checkpoint(session, u);
        await this.host.transition('cancelled');
      } else {
        // Resumed after its last checkpoint but before that update's export was recorded: export it now.
        if (this.policy.version !== exportedVersion(runId, u)) await this.publish(session, u);
        await this.host.transition('succeeded');
      }
      this.log.info('run finished', { state: this.cancelRequested ? 'cancelled' : 'succeeded', updates: u });
    } catch (error) {
      if (this.stop.signal.aborted) {
        this.log.info('stopped driving the run; it resumes from its last checkpoint when the trainer starts again');
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      if (!(error instanceof RunFailure)) this.log.error('run failed', { err: error });
      await this.host.transition('failed', message).catch((e: unknown) => this.log.error('could not record the failure', { err: e }));
    }
  }

  private context(session: LearnerSession, examples: DatasetExamples, schedule: ExampleSchedule, contextLength: number): UpdateContext {
    const { clients, settings } = this.deps;
    return {
      run: this.run,
      examples,
      schedule,
      session,
      inference: clients.inference,
      judge: clients.judge,
      policy: this.policy,
      contextLength,
      generateConcurrency: settings.generateConcurrency,
      judgeBatchSize: settings.judgeBatchSize,
      attempt: this.attempt,
      signal: this.stop.signal,
    };
  }

  /** One update, then the export and checkpoint due after it, then its records. */
  private async runUpdate(ctx: UpdateContext, update: Update, u: number, updateLog: UpdateLog): Promise<void> {
    const hp = this.run.hyperParameters;
    const last = u === this.run.totalUpdates;
    const result = await update(ctx, u);
    // Watchers that ask for the run after this event see the update in it.
    this.completedUpdates = u;
    this.latestMetrics = { ...result.metrics, exported: false, checkpointed: false };
    this.host.emit({ $case: 'progress', value: toRunMetrics(this.latestMetrics) });
    const exported = last || (hp.exportEvery > 0 && u % hp.exportEvery === 0);
    if (exported) await this.publish(ctx.session, u);
    const checkpointed = last || (hp.checkpointEvery > 0 && u % hp.checkpointEvery === 0);
    if (checkpointed) await this.checkpoint(ctx.session, u);
    const metrics: UpdateMetrics = { ...result.metrics, exported, checkpointed };
    await this.deps.store.recordRunMetrics({ runId: this.run.id, step: u, attempt: this.attempt, values: toStoredValues(metrics) });
    await updateLog.append(result.record);
    // The store's count never goes down: a redone update is reported again once it passes it.
    if (u > this.storedUpdates) {
      await this.deps.store.updateTrainingRunProgress(this.run.id, u);
      this.storedUpdates = u;
    }
    this.latestMetrics = metrics;
    this.deps.metrics.recordUpdate(this.run.id, this.run.algorithm === TrainingAlgorithm.TRAINING_ALGORITHM_SWIRL ? 'swirl' : 'sft', metrics);
    this.log.info('update done', {
      update: u,
      attempt: this.attempt,
      reward: metrics.meanReward,
      loss: metrics.loss,
      kl: metrics.kl,
      groupsSkipped: metrics.groupsSkipped,
      seconds: metrics.updateSeconds,
    });
  }

  private async publish(session: LearnerSession, u: number): Promise<void> {
    const model = { name: this.run.settings.outputModelName, version: exportedVersion(this.run.id, u) };
    const event = await publishPolicy(session, this.deps.clients.inference, {
      runId: this.run.id,
      update: u,
      attempt: this.attempt,
      model,
      outputDir: this.deps.paths.export(this.run.id, u, this.attempt),
      activate: this.run.settings.activateExports,
      signal: this.stop.signal,
    });
    const superseded = this.policy;
    this.policy = model;
    this.latestModel = model;
    this.host.emit({ $case: 'modelExported', value: event });
    await this.unloadSuperseded(superseded);
  }

  /**
   * Releases the run's previous export from inference once the next one serves: with an export
   * every update, a run would otherwise keep one onnxruntime session per update (measured: ~50 MB
   * each). The export stays on disk and in the store, so it can be loaded again for evaluation.
   * The base model is left alone, and so is a version that is still active (inference refuses).
   */
  private async unloadSuperseded(previous: ModelRef): Promise<void> {
    const ownExport = previous.name === this.run.settings.outputModelName && previous.version.startsWith(`${this.run.id}/`);
    if (!ownExport) return;
    try {
      await this.deps.clients.inference.unloadModel({ model: previous, allowActive: false }, this.stop.signal);
    } catch (error) {
      // Memory, not correctness, is at stake: note it and go on.
      this.log.warn('could not unload a superseded export', { model: previous, err: error });
    }
  }

  private async checkpoint(session: LearnerSession, u: number): Promise<void> {
    const key = `${this.run.id}/update-${u}/attempt-${this.attempt}`;
    const ref = await session.save(`${key}/save`, this.deps.paths.checkpoint(this.run.id, u, this.attempt));
    const checkpoint = await this.deps.store.registerCheckpoint({
      id: `${this.run.id}/update-${u}`,
      runId: this.run.id,
      step: u,
      path: ref.path,
      model: { name: this.run.settings.outputModelName, version: exportedVersion(this.run.id, u) },
      weightsSha256: ref.weightsSha256,
      hasOptimizerState: ref.hasOptimizerState,
      sizeBytes: ref.sizeBytes,
    });
    this.latestCheckpoint = checkpoint;
    this.host.emit({ $case: 'checkpointSaved', value: toCheckpointRef(checkpoint) });
  }

  /** Resumes the session at the last checkpoint; returns the update to continue after. */
  private async resume(session: LearnerSession): Promise<number> {
    const deps = { store: this.deps.store, inference: this.deps.clients.inference, paths: this.deps.paths, signal: this.stop.signal };
    const point = await resumeSession(deps, this.run, session, this.attempt);
    this.latestCheckpoint = point.checkpoint;
    this.policy = point.policy;
    this.completedUpdates = point.update;
    this.log.info('learner session ready', { update: point.update, attempt: this.attempt, learnerStep: session.step, policy: point.policy });
    return point.update;
  }

  private async baseContextLength(): Promise<number> {
    try {
      const { model } = await this.deps.clients.inference.getModel({ model: this.run.baseModel }, this.stop.signal);
      return model!.contextLength;
    } catch (error) {
      if (this.stop.signal.aborted) throw error;
      throw new RunFailure(`the base model ${this.run.baseModel.name}@${this.run.baseModel.version} is not available in inference: ${(error as Error).message}`);
    }
  }
}
