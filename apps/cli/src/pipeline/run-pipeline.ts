import { resolve } from 'node:path';
import type { EvaluationReport, Job, ModelRef } from '@swirl/proto';
import type { Output } from '../output/terminal-output';
import type { FamilyEvaluation } from './assemble-report';
import { evaluationRows } from './evaluation-rows';
import type { AlgorithmName, FilterName, PipelineConfig } from './pipeline-config';
import type { PipelineClients } from './pipeline-clients';
import { ALGORITHM, evaluateSpecs, filterSpec, hyperParameters, synthesizeSpec } from './stage-specs';
import { runJob } from './watch-job';
import { runTraining, type FinishedRun } from './watch-run';

/** What one pipeline run produced, for the report. */
export interface PipelineOutcome {
  readonly synthesis: Job;
  readonly variants: readonly TrainedVariant[];
  readonly evaluations: readonly FamilyEvaluation[];
  readonly stages: readonly { stage: string; seconds: number }[];
  readonly reportDir: string;
}

/** One (filter, algorithm) combination: its dataset, its run and the model it produced. */
export interface TrainedVariant {
  readonly label: string;
  readonly filter: FilterName;
  readonly algorithm: AlgorithmName;
  readonly filterJob: Job;
  readonly datasetVersionId: string;
  readonly training: FinishedRun;
  readonly model: ModelRef;
}

async function timed<T>(stages: { stage: string; seconds: number }[], stage: string, work: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await work();
  } finally {
    stages.push({ stage, seconds: (performance.now() - t0) / 1000 });
  }
}

/**
 * The method end to end on running services: synthesize trajectories with the base policy,
 * then for each (filter, algorithm) variant judge + filter them into a dataset and train a
 * policy from the base on it, then evaluate the base and every trained policy on the same
 * held-out questions of every family. `swirl run` has one variant (the file's filter and
 * algorithm); `swirl ablate` the whole grid.
 */
export async function runPipeline(
  config: PipelineConfig,
  grid: readonly { filter: FilterName; algorithm: AlgorithmName }[],
  clients: PipelineClients,
  out: Output,
  signal?: AbortSignal,
): Promise<PipelineOutcome> {
  const stages: { stage: string; seconds: number }[] = [];
  const reportDir = resolve(config.reportDir);
  const synthesis = await timed(stages, 'synthesize', () => runJob(clients.coordinator, synthesizeSpec(config), `${config.name}: synthesize`, out, signal));
  const variants: TrainedVariant[] = [];
  const datasets = new Map<FilterName, { job: Job; id: string }>();
  for (const { filter, algorithm } of grid) {
    const label = grid.length === 1 ? algorithm : `${algorithm} (${filter})`;
    let dataset = datasets.get(filter);
    if (dataset === undefined) {
      const job = await timed(stages, `judge + filter (${filter})`, () => runJob(clients.coordinator, filterSpec(config, synthesis.id, filter), `${config.name}: filter ${filter}`, out, signal));
      const id = job.result?.result?.$case === 'filter' ? (job.result.result.value.datasetVersion?.id ?? '') : '';
      if (id === '') throw new Error(`filter job ${job.id} finished without a dataset version`);
      dataset = { job, id };
      datasets.set(filter, dataset);
    }
    const datasetId = dataset.id;
    const training = await timed(stages, `train ${label}`, () =>
      runTraining(
        clients.trainer,
        {
          datasetVersionId: datasetId,
          baseModel: config.policy,
          algorithm: ALGORITHM[algorithm],
          hyperParameters: hyperParameters(config),
          rewardJudgeId: config.judge,
          rewardSamples: 0,
          outputModelName: `${config.policy.name}-${config.name}-${algorithm}-${filter}`.replace(/\+/g, '-'),
          displayName: `${config.name}: ${label}`,
          activateExports: false,
          baseCheckpointPath: '',
        },
        out,
        signal,
      ),
    );
    const last = training.exports[training.exports.length - 1]?.model ?? training.run.latestModel;
    if (last === undefined || last.version === '') throw new Error(`training run ${training.run.id} exported no model`);
    variants.push({ label, filter, algorithm, filterJob: dataset.job, datasetVersionId: datasetId, training, model: last });
  }
  const models = [config.policy, ...variants.map((v) => v.model)];
  const evaluations: FamilyEvaluation[] = [];
  for (const spec of evaluateSpecs(config, models, reportDir)) {
    const family = spec.spec?.$case === 'evaluate' ? spec.spec.value.reportDir.split('evaluation-').pop()! : '?';
    const job = await timed(stages, `evaluate ${family}`, () => runJob(clients.coordinator, spec, `${config.name}: evaluate ${family}`, out, signal));
    if (job.result?.result?.$case !== 'evaluation') throw new Error(`evaluation job ${job.id} finished without an evaluation report`);
    evaluations.push({ family, report: job.result.result.value as EvaluationReport, rows: await evaluationRows(clients.coordinator, job.id, signal) });
  }
  return { synthesis, variants, evaluations, stages, reportDir };
}
