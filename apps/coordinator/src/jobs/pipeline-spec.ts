import { failedPrecondition, invalidArgument } from '@swirl/grpc-kit';
import {
  CreateRunRequest,
  FilterStrategy,
  OutcomeGrader,
  TrainingAlgorithm,
  type EvaluateSpec,
  type FilterSpec,
  type JobSpec,
  type JudgeSpec,
  type ModelRef,
  type PipelineSpec,
  type SynthesizeSpec,
  type TrajectorySelector,
} from '@swirl/proto';
import { strategyFromProto } from '../convert/dataset-to-proto';
import type { JudgeCalls } from '../judging/judge-calls';
import type { JobHandler } from './job-handler';

/** The single-stage handlers whose `prepare` and `run` the pipeline's stages call. */
export interface PipelineStageHandlers {
  readonly synthesize: JobHandler;
  readonly judge: JobHandler;
  readonly filter: JobHandler;
  readonly evaluate: JobHandler;
}

export const NO_TRAINER =
  'PIPELINE jobs that train need the trainer service, and this coordinator has none configured: start it with --trainer-target=<host:port> (SWIRL_TRAINER_TARGET), or set skip_training to stop after filtering';

export function pipelineSpecOf(spec: JobSpec): PipelineSpec {
  if (spec.spec?.$case !== 'pipeline') throw new Error('not a PIPELINE spec');
  return spec.spec.value;
}

const usesOutcome = (s: FilterStrategy) => s === FilterStrategy.FILTER_STRATEGY_OUTCOME || s === FilterStrategy.FILTER_STRATEGY_PROCESS_AND_OUTCOME;

function synthesizeOf(spec: JobSpec): SynthesizeSpec {
  if (spec.spec?.$case !== 'synthesize') throw new Error('the synthesize handler resolved to another kind');
  return spec.spec.value;
}

function evaluateOf(spec: JobSpec): EvaluateSpec {
  if (spec.spec?.$case !== 'evaluate') throw new Error('the evaluate handler resolved to another kind');
  return spec.spec.value;
}

/**
 * Checks a PipelineSpec and resolves it at StartJob, through the stages' own `prepare` where a
 * stage has one to offer: the synthesis spec fully (tasks, policy version, seed ...), the
 * evaluation spec with the base policy standing in for the models it will compare (so its tasks,
 * decoding and report directory are checked now; the trained model is added when the stage
 * starts), the filter strategy (UNSPECIFIED: PROCESS), the process judge (its concrete id) and
 * the algorithm (UNSPECIFIED: SWIRL). Hyper-parameters are left to the trainer.
 */
export async function resolvePipelineSpec(
  p: PipelineSpec,
  deps: { readonly stages: PipelineStageHandlers; readonly judge: JudgeCalls; readonly canTrain: boolean },
  signal: AbortSignal,
): Promise<PipelineSpec> {
  if (p.synthesize === undefined) throw invalidArgument('pipeline.synthesize is required: the synthesis of the training trajectories');
  if (!p.skipTraining && !deps.canTrain) throw failedPrecondition(NO_TRAINER);
  if (p.skipTraining && p.evaluate !== undefined) {
    throw invalidArgument('pipeline.evaluate compares the base and the trained policy, and skip_training stops after filtering: leave evaluate unset, or run an EVALUATE job');
  }
  const filterStrategy = p.filterStrategy === FilterStrategy.FILTER_STRATEGY_UNSPECIFIED ? FilterStrategy.FILTER_STRATEGY_PROCESS : p.filterStrategy;
  if (strategyFromProto(filterStrategy) === undefined) throw invalidArgument(`pipeline.filter_strategy has unknown value ${p.filterStrategy}`);
  if (OutcomeGrader[p.outcomeGrader] === undefined) throw invalidArgument(`pipeline.outcome_grader has unknown value ${p.outcomeGrader}`);
  const algorithm = p.algorithm === TrainingAlgorithm.TRAINING_ALGORITHM_UNSPECIFIED ? TrainingAlgorithm.TRAINING_ALGORITHM_SWIRL : p.algorithm;
  if (algorithm !== TrainingAlgorithm.TRAINING_ALGORITHM_SWIRL && algorithm !== TrainingAlgorithm.TRAINING_ALGORITHM_SFT) throw invalidArgument(`pipeline.algorithm has unknown value ${p.algorithm}`);
  const synthesize = synthesizeOf(await deps.stages.synthesize.prepare({ spec: { $case: 'synthesize', value: p.synthesize } }, signal));
  const processJudgeId = (await deps.judge.processJudge(p.processJudgeId, signal)).id;
  let evaluate: EvaluateSpec | undefined;
  if (p.evaluate !== undefined) {
    const checked = evaluateOf(await deps.stages.evaluate.prepare({ spec: { $case: 'evaluate', value: { ...p.evaluate, models: [synthesize.policy!] } } }, signal));
    evaluate = { ...checked, models: [] };
  }
  return { ...p, synthesize, filterStrategy, processJudgeId, algorithm, evaluate };
}

/** Every trajectory of the synthesis stage. */
function synthesized(synthesisJobId: string): TrajectorySelector {
  return { jobIds: [synthesisJobId], trajectoryIds: [], datasetVersionId: '', family: 0 };
}

/** The judge stage: the process judge on every step, and the outcome grader when the filter needs it. */
export function judgeStageSpec(p: PipelineSpec, synthesisJobId: string): JobSpec {
  const value: JudgeSpec = {
    trajectories: synthesized(synthesisJobId),
    process: true,
    outcome: usesOutcome(p.filterStrategy),
    processJudgeId: p.processJudgeId,
    samples: 0,
    outcomeGrader: p.outcomeGrader,
    rejudge: false,
  };
  return { spec: { $case: 'judge', value } };
}

/** The filter stage: reuses the judge stage's stored verdicts and writes the dataset version. */
export function filterStageSpec(p: PipelineSpec, synthesisJobId: string): JobSpec {
  const value: FilterSpec = {
    trajectories: synthesized(synthesisJobId),
    strategy: p.filterStrategy,
    processJudgeId: p.processJudgeId,
    samples: 0,
    outcomeGrader: p.outcomeGrader,
    rejudge: false,
    datasetName: '',
  };
  return { spec: { $case: 'filter', value } };
}

/**
 * The trainer's idempotency key of a pipeline's run: the same for every attempt of the job, so a
 * resumed pipeline (or a retried call) gets the run it already created instead of a second one.
 */
export function trainRequestId(pipelineJobId: string): string {
  return `coordinator/${pipelineJobId}/train`;
}

/** The train stage's CreateRun: from the base policy, rewarded by the pipeline's process judge. */
export function createRunRequest(p: PipelineSpec, pipelineJobId: string, datasetVersionId: string): CreateRunRequest {
  return CreateRunRequest.fromPartial({
    requestId: trainRequestId(pipelineJobId),
    datasetVersionId,
    baseModel: p.synthesize!.policy,
    algorithm: p.algorithm,
    hyperParameters: p.hyperParameters,
    rewardJudgeId: p.processJudgeId,
    rewardSamples: 0,
    outputModelName: '',
    displayName: `train stage of ${pipelineJobId}`,
    activateExports: false,
    baseCheckpointPath: '',
  });
}

/** The evaluate stage: the pipeline's EvaluateSpec with the base and the trained policy. */
export function evaluateStageSpec(p: PipelineSpec, base: ModelRef, trained: ModelRef): JobSpec {
  return { spec: { $case: 'evaluate', value: { ...p.evaluate!, models: [base, trained] } } };
}
