import { status } from '@grpc/grpc-js';
import type { Logger } from '@swirl/grpc-kit';
import { CreateRunRequest, PipelineResult, RunState, type ModelRef, type Run } from '@swirl/proto';
import { isTerminalJobStatus, type Job, type JsonObject, type JsonValue, type TrainingStore } from '@swirl/store';
import { describeCallError, grpcCode } from '../clients/unary-call';
import { stopKindOf } from '../synthesis/job-stop';
import { abortableSleep } from '../training/abortable-sleep';
import { followRun, type RunObserver } from '../training/follow-run';
import type { TrainerCalls } from '../training/trainer-calls';
import type { RunningJob } from './job-handler';
import { NO_TRAINER, trainRequestId } from './pipeline-spec';
import { stageResultOf, type PipelineStageJobs } from './pipeline-stages';
import type { ProgressTracker } from './progress-tracker';

export interface TrainStageDeps {
  readonly store: TrainingStore;
  /** undefined: no trainer configured (such pipelines are refused at StartJob and not resumed). */
  readonly trainer: TrainerCalls | undefined;
  /** How long the trainer may stay unreachable while a run is followed. */
  readonly trainerRecoveryMs: number;
  /** Pause between CreateRun attempts while the trainer's learner is busy with another run. */
  readonly learnerBusyRetryMs: number;
}

/** What the train stage produced; `trainedModel` is unset unless the run succeeded. */
export interface TrainOutcome {
  /** '' when the stage stopped before the trainer created a run. */
  readonly runId: string;
  readonly trainedModel: ModelRef | undefined;
}

/** Key of the followed run in the train stage job's config. */
const RUN_KEY = 'trainerRun';

function storedRunId(job: Job | undefined): string | undefined {
  const run = job?.config[RUN_KEY] as { runId?: unknown } | undefined;
  return typeof run?.runId === 'string' ? run.runId : undefined;
}

/** The run a CreateRun with this request id created, from the store the trainer shares. */
export async function findRunByRequestId(store: TrainingStore, requestId: string): Promise<string | undefined> {
  return (await store.listTrainingRuns()).find((r) => r.requestId === requestId)?.id;
}

/** CancelRun, tolerating a run that already ended; failures are logged (the job is cancelled anyway). */
export async function cancelTrainerRun(trainer: TrainerCalls | undefined, runId: string, logger: Logger): Promise<void> {
  if (trainer === undefined) {
    logger.warn('cannot cancel the trainer run: no trainer configured', { runId });
    return;
  }
  try {
    const run = await trainer.cancelRun(runId);
    logger.info('trainer run cancelled', { runId, state: RunState[run.state] });
  } catch (err) {
    if (grpcCode(err) === status.FAILED_PRECONDITION) return; // it had already ended
    logger.warn('could not cancel the trainer run', { runId, err: describeCallError(err) });
  }
}

/**
 * For a pipeline a previous process left CANCELLING: cancels its trainer run, whether the train
 * stage job recorded it or the process died between CreateRun and recording it.
 */
export async function cancelLeftoverRun(deps: Pick<TrainStageDeps, 'store' | 'trainer'>, stages: PipelineStageJobs, logger: Logger): Promise<void> {
  const train = await stages.get('train');
  if (train !== undefined && isTerminalJobStatus(train.status)) return;
  const runId = storedRunId(train) ?? (await findRunByRequestId(deps.store, trainRequestId(stages.pipelineJobId)));
  if (runId !== undefined) await cancelTrainerRun(deps.trainer, runId, logger);
}

/** Progress of the stage in updates, with the latest update's reward, KL and loss as counters. */
function trainProgress(progress: ProgressTracker): RunObserver {
  let started = false;
  let completed = 0;
  const reach = (updates: number) => {
    if (updates > completed) progress.advance({ completed: updates - completed });
    completed = Math.max(completed, updates);
  };
  return {
    snapshot(run: Run) {
      if (!started && run.totalUpdates > 0) {
        started = true;
        completed = run.completedUpdates;
        progress.startStage('train', 'updates', run.totalUpdates, { completed });
      } else reach(run.completedUpdates);
    },
    update(m) {
      if (started) reach(m.update);
      progress.setCounter('mean_reward', m.meanReward);
      progress.setCounter('kl', m.kl);
      progress.setCounter('loss', m.loss);
    },
  };
}

/**
 * The train stage: creates the trainer run (CreateRun with the pipeline's deterministic
 * request_id; while the learner is busy with another run it waits and asks again), records the
 * run id in the train stage job, and follows the run to its end. A resumed stage re-attaches to
 * the recorded run (the trainer resumes runs by itself). Cancelling the job cancels the run;
 * a coordinator shutdown leaves it training.
 */
export async function runTrainStage(job: RunningJob, stages: PipelineStageJobs, request: CreateRunRequest, deps: TrainStageDeps): Promise<TrainOutcome> {
  const stored = await stages.get('train');
  if (stored?.status === 'succeeded') {
    const result = stageResultOf(stored);
    if (result?.$case === 'pipeline') return { runId: result.value.runId, trainedModel: result.value.trainedModel };
  }
  if (stored !== undefined && isTerminalJobStatus(stored.status)) throw new Error(`its stage job ${stored.id} already ended ${stored.status}${stored.error ? `: ${stored.error}` : ''}`);
  const trainer = deps.trainer;
  if (trainer === undefined) throw new Error(NO_TRAINER);
  job.progress.startStage('train', 'updates', 0);

  let runId = storedRunId(stored);
  if (runId === undefined) {
    const run = await createRunPatiently(trainer, request, job, deps.learnerBusyRetryMs);
    if (run === undefined) {
      // Stopped while asking: a run the trainer created anyway is found by its request id.
      const orphan = await findRunByRequestId(deps.store, request.requestId);
      if (orphan !== undefined && stopKindOf(job.signal) === 'cancel') await cancelTrainerRun(trainer, orphan, job.logger);
      return { runId: orphan ?? '', trainedModel: undefined };
    }
    runId = run.id;
    job.logger.info('trainer run created', { runId, requestId: request.requestId, dataset: request.datasetVersionId });
  }
  const config: JsonObject = stored?.config ?? { [RUN_KEY]: { runId, request: CreateRunRequest.toJSON(request) as JsonValue } };
  await stages.begin('train', config);

  const final = job.signal.aborted ? undefined : await followRun(trainer, runId, trainProgress(job.progress), job.signal, { recoveryMs: deps.trainerRecoveryMs });
  if (final === undefined) {
    if (stopKindOf(job.signal) === 'cancel') {
      await cancelTrainerRun(trainer, runId, job.logger);
      await stages.cancel('train');
    }
    return { runId, trainedModel: undefined };
  }
  if (final.state !== RunState.RUN_STATE_SUCCEEDED) {
    throw new Error(`trainer run ${runId} ended ${RunState[final.state] ?? final.state}${final.errorMessage ? `: ${final.errorMessage}` : ''}`);
  }
  const trainedModel = final.latestModel;
  if (trainedModel === undefined || trainedModel.version === '') throw new Error(`trainer run ${runId} succeeded without exporting a model`);
  await stages.succeed('train', { result: { $case: 'pipeline', value: PipelineResult.fromPartial({ runId, trainedModel }) } });
  return { runId, trainedModel };
}

async function createRunPatiently(trainer: TrainerCalls, request: CreateRunRequest, job: RunningJob, busyRetryMs: number): Promise<Run | undefined> {
  for (;;) {
    try {
      return await trainer.createRun(request, job.signal);
    } catch (err) {
      if (job.signal.aborted) return undefined;
      if (grpcCode(err) !== status.RESOURCE_EXHAUSTED) throw new Error(`the trainer did not create the run: ${describeCallError(err)}`);
      // One run per learner: another run is training. Ours starts when it is done.
      job.logger.info('the trainer is busy with another run; asking again later', { details: describeCallError(err) });
      job.progress.setCounter('waiting_for_trainer', 1);
      await abortableSleep(busyRetryMs, job.signal);
      if (job.signal.aborted) return undefined;
    }
  }
}
