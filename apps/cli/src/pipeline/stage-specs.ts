import {
  FilterStrategy,
  JobSpec,
  OutcomeGrader,
  RunHyperParameters,
  TaskFamily,
  TrainingAlgorithm,
  type ModelRef,
} from '@swirl/proto';
import { STOP_SEQUENCES } from '@swirl/actions';
import type { AlgorithmName, Family, FilterName, PipelineConfig } from './pipeline-config';

export const FAMILY: Readonly<Record<Family, TaskFamily>> = { math: TaskFamily.TASK_FAMILY_MATH, multihop: TaskFamily.TASK_FAMILY_MULTI_HOP_QA };
export const FILTER: Readonly<Record<FilterName, FilterStrategy>> = {
  none: FilterStrategy.FILTER_STRATEGY_NONE,
  process: FilterStrategy.FILTER_STRATEGY_PROCESS,
  outcome: FilterStrategy.FILTER_STRATEGY_OUTCOME,
  'process+outcome': FilterStrategy.FILTER_STRATEGY_PROCESS_AND_OUTCOME,
};
export const ALGORITHM: Readonly<Record<AlgorithmName, TrainingAlgorithm>> = { swirl: TrainingAlgorithm.TRAINING_ALGORITHM_SWIRL, sft: TrainingAlgorithm.TRAINING_ALGORITHM_SFT };

const sampling = (temperature: number, maxNewTokens: number, seed?: number) => ({
  temperature,
  maxNewTokens,
  stopSequences: [...STOP_SEQUENCES],
  ...(seed === undefined ? {} : { seed }),
});

/** Trajectories on the train family's train-split world questions, sampled. */
export function synthesizeSpec(config: PipelineConfig): JobSpec {
  const s = config.synthesize;
  return JobSpec.fromPartial({
    spec: {
      $case: 'synthesize',
      value: {
        tasks: { source: { $case: 'syntheticWorld', value: { seed: config.worldSeed, split: 'train', count: s.questions, family: FAMILY[config.trainFamily] } } },
        samplesPerTask: s.samplesPerQuestion,
        sampling: sampling(s.temperature, s.maxNewTokens, config.seed),
        policy: config.policy,
        concurrency: s.concurrency,
      },
    },
  });
}

/** Judges and filters the synthesized trajectories into a dataset version. */
export function filterSpec(config: PipelineConfig, synthesisJobId: string, filter: FilterName = config.filter): JobSpec {
  return JobSpec.fromPartial({
    spec: {
      $case: 'filter',
      value: {
        trajectories: { jobIds: [synthesisJobId] },
        strategy: FILTER[filter],
        processJudgeId: config.judge,
        outcomeGrader: OutcomeGrader.OUTCOME_GRADER_UNSPECIFIED,
        datasetName: `${config.name}-${filter}`,
      },
    },
  });
}

/** The trainer's hyper-parameters from the pipeline file. */
export function hyperParameters(config: PipelineConfig): RunHyperParameters {
  const t = config.train;
  return RunHyperParameters.fromPartial({
    samplesPerState: t.samplesPerState,
    statesPerBatch: t.statesPerBatch,
    learningRate: t.learningRate,
    klCoef: t.klCoef,
    clipEpsilon: t.clipEpsilon,
    updates: t.updates,
    exportEvery: t.exportEvery,
    seed: config.seed,
    sampling: sampling(config.synthesize.temperature, config.synthesize.maxNewTokens),
  });
}

/** Held-out evaluation of the given models on every configured family, same questions for all. */
export function evaluateSpecs(config: PipelineConfig, models: readonly ModelRef[], reportDir: string): JobSpec[] {
  const e = config.evaluate;
  return e.families.map((family) =>
    JobSpec.fromPartial({
      spec: {
        $case: 'evaluate',
        value: {
          tasks: { source: { $case: 'syntheticWorld', value: { seed: config.worldSeed, split: e.split, count: family === config.trainFamily ? e.questionsPerFamily : e.crossFamilyQuestions, family: FAMILY[family] } } },
          models: [...models],
          sampling: sampling(e.temperature, config.synthesize.maxNewTokens, e.temperature > 0 ? config.seed : undefined),
          samplesPerTask: e.samplesPerQuestion,
          processJudgeId: config.judge,
          reportDir: `${reportDir}/evaluation-${family}`,
          concurrency: e.concurrency,
        },
      },
    }),
  );
}
