import type { Logger } from '@swirl/grpc-kit';
import { PipelineResult, type JobResult, type JobSpec } from '@swirl/proto';
import { isTerminalJobStatus, type TrajectoryStore } from '@swirl/store';
import { describeCallError } from '../clients/unary-call';
import type { JudgeCalls } from '../judging/judge-calls';
import { stopKindOf } from '../synthesis/job-stop';
import type { TrainerCalls } from '../training/trainer-calls';
import { jobConfigFromJson, jobConfigToJson } from './job-config';
import type { JobHandler, RunningJob } from './job-handler';
import {
  createRunRequest,
  evaluateStageSpec,
  filterStageSpec,
  judgeStageSpec,
  NO_TRAINER,
  pipelineSpecOf,
  resolvePipelineSpec,
  type PipelineStageHandlers,
} from './pipeline-spec';
import { PipelineStageJobs, stageResultOf, type PipelineStage } from './pipeline-stages';
import { cancelLeftoverRun, runTrainStage } from './pipeline-train-stage';

export interface PipelineJobDeps {
  readonly store: TrajectoryStore;
  readonly stages: PipelineStageHandlers;
  readonly judge: JudgeCalls;
  /** undefined: no trainer configured; only skip_training pipelines run. */
  readonly trainer: TrainerCalls | undefined;
  /** How long the trainer may stay unreachable while a run is followed. @default 120000 */
  readonly trainerRecoveryMs?: number;
  /** Pause between CreateRun attempts while the trainer is busy with another run. @default 5000 */
  readonly learnerBusyRetryMs?: number;
}

/** A stage that failed: the job's error names the stage and the cause. */
export class PipelineStageError extends Error {
  override readonly name = 'PipelineStageError';
  constructor(
    readonly stage: PipelineStage,
    cause: string,
  ) {
    super(`${stage} stage failed: ${cause}`);
  }
}

/**
 * PIPELINE: synthesize -> judge -> filter -> train -> evaluate, each stage run by the same code
 * as its single-stage job (the handlers' `prepare` and `run`; train by the trainer service) as a
 * stage job of the pipeline in the store (see PipelineStageJobs), so a restarted coordinator
 * resumes the pipeline at the stage it was in. JobProgress.stage names the current stage.
 * A cancelled pipeline returns the results of the stages it finished.
 */
export function createPipelineJobHandler(deps: PipelineJobDeps): JobHandler {
  const trainDeps = {
    store: deps.store,
    trainer: deps.trainer,
    trainerRecoveryMs: deps.trainerRecoveryMs ?? 120_000,
    learnerBusyRetryMs: deps.learnerBusyRetryMs ?? 5000,
  };
  return {
    kind: 'pipeline',

    async prepare(spec, signal) {
      const resolved = await resolvePipelineSpec(pipelineSpecOf(spec), { stages: deps.stages, judge: deps.judge, canTrain: deps.trainer !== undefined }, signal);
      return { spec: { $case: 'pipeline', value: resolved } };
    },

    unavailable(spec) {
      return !pipelineSpecOf(spec).skipTraining && deps.trainer === undefined ? NO_TRAINER : undefined;
    },

    async finishCancelled(jobId: string, logger: Logger) {
      const stages = new PipelineStageJobs(deps.store, jobId);
      await cancelLeftoverRun(trainDeps, stages, logger);
      await stages.cancelUnfinished();
    },

    async run(job: RunningJob): Promise<JobResult> {
      const p = pipelineSpecOf(job.spec);
      const stages = new PipelineStageJobs(deps.store, job.id);
      const result = PipelineResult.fromPartial({});
      const done = (): JobResult => ({ result: { $case: 'pipeline', value: result } });
      /** A stage gave no result: the job was stopped (the partial result is returned), or a bug. */
      const stoppedIn = (name: PipelineStage): JobResult => {
        if (!job.signal.aborted) throw new PipelineStageError(name, 'the stage ended without its result');
        return done();
      };

      /**
       * Runs one stage, turning its failure into a PipelineStageError (and a failed stage job).
       * When the job is cancelled during the stage, its stage job ends CANCELLED; what the stage
       * returns then is its partial outcome (undefined for the handler stages).
       */
      const stage = async <T>(name: PipelineStage, work: () => Promise<T | undefined>): Promise<T | undefined> => {
        let value: T | undefined;
        try {
          value = await work();
        } catch (err) {
          if (!job.signal.aborted) {
            const cause = describeCallError(err);
            await stages.fail(name, cause).catch((e: unknown) => job.logger.error('could not mark the stage job failed', { stage: name, err: e }));
            throw new PipelineStageError(name, cause);
          }
        }
        if (stopKindOf(job.signal) === 'cancel') await stages.cancel(name).catch((e: unknown) => job.logger.error('could not mark the stage job cancelled', { stage: name, err: e }));
        return value;
      };

      /** A stage run by a single-stage handler; a finished stage job's stored result is reused. */
      const handlerStage = (name: Exclude<PipelineStage, 'train'>, handler: JobHandler, specOf: () => JobSpec | Promise<JobSpec>) =>
        stage(name, async () => {
          const existing = await stages.get(name);
          if (existing?.status === 'succeeded') return stageResultOf(existing);
          if (existing !== undefined && isTerminalJobStatus(existing.status)) throw new Error(`its stage job ${existing.id} already ended ${existing.status}${existing.error ? `: ${existing.error}` : ''}`);
          let config = existing?.config;
          if (config === undefined) {
            const spec = await specOf();
            config = jobConfigToJson({ submitted: spec, resolved: spec });
          }
          const spec = jobConfigFromJson(config).resolved;
          await stages.begin(name, config);
          if (existing === undefined) job.logger.info('pipeline stage started', { stage: name, stageJobId: stages.id(name) });
          else job.logger.info('resuming pipeline stage', { stage: name, stageJobId: stages.id(name) });
          const res = await handler.run({ id: stages.id(name), spec, signal: job.signal, progress: job.progress, logger: job.logger.child({ stage: name }) });
          if (job.signal.aborted) return undefined;
          await stages.succeed(name, res);
          return res.result;
        });

      const synthesisJobId = stages.id('synthesize');
      const synthesized = await handlerStage('synthesize', deps.stages.synthesize, () => ({ spec: { $case: 'synthesize', value: p.synthesize! } }));
      if (synthesized?.$case !== 'synthesize') return stoppedIn('synthesize');
      result.synthesize = synthesized.value;

      const judged = await handlerStage('judge', deps.stages.judge, () => deps.stages.judge.prepare(judgeStageSpec(p, synthesisJobId), job.signal));
      if (judged?.$case !== 'judge') return stoppedIn('judge');
      result.judge = judged.value;

      const filtered = await handlerStage('filter', deps.stages.filter, () => deps.stages.filter.prepare(filterStageSpec(p, synthesisJobId), job.signal));
      if (filtered?.$case !== 'filter') return stoppedIn('filter');
      result.filter = filtered.value;
      if (p.skipTraining) return done();

      const datasetVersionId = filtered.value.datasetVersion!.id;
      const trained = await stage('train', () => runTrainStage(job, stages, createRunRequest(p, job.id, datasetVersionId), trainDeps));
      if (trained === undefined) return stoppedIn('train');
      result.runId = trained.runId;
      if (trained.trainedModel === undefined) return stoppedIn('train');
      const trainedModel = trained.trainedModel;
      result.trainedModel = trainedModel;
      if (p.evaluate === undefined) return done();

      const evaluated = await handlerStage('evaluate', deps.stages.evaluate, () => deps.stages.evaluate.prepare(evaluateStageSpec(p, p.synthesize!.policy!, trainedModel), job.signal));
      if (evaluated?.$case !== 'evaluation') return stoppedIn('evaluate');
      result.evaluation = evaluated.value;
      return done();
    },
  };
}
