import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeReport, type PipelineReport } from '@swirl/report';
import { JobSpec, type ModelRef } from '@swirl/proto';
import type { Output } from '../output/terminal-output';
import type { ClientSecurity } from '../pipeline/client-security';
import { connectPipelineClients, type PipelineClients } from '../pipeline/pipeline-clients';
import { compilePipelineConfig, type Family, type FilterName } from '../pipeline/pipeline-config';
import { ALGORITHM, evaluateSpecs, filterSpec, hyperParameters, synthesizeSpec } from '../pipeline/stage-specs';
import { runJob } from '../pipeline/watch-job';
import { runTraining } from '../pipeline/watch-run';

export interface StageTargets {
  readonly coordinator: string;
  readonly trainer: string;
  /** Token and TLS of the calls. @default plaintext, no token */
  readonly security?: ClientSecurity;
}

/** Parses `name@version` (version optional: the service's default). */
export function parseModelRef(text: string): ModelRef {
  const at = text.lastIndexOf('@');
  const name = at === -1 ? text : text.slice(0, at);
  if (name === '') throw new Error(`model "${text}" needs a name, as name or name@version`);
  return { name, version: at === -1 ? '' : text.slice(at + 1) };
}

async function withClients<T>(targets: StageTargets, work: (c: PipelineClients) => Promise<T>): Promise<T> {
  const clients = connectPipelineClients(targets, targets.security);
  try {
    return await work(clients);
  } finally {
    clients.close();
  }
}

const printJob = (out: Output, label: string, job: { id: string; result?: unknown }) => out.event('job', { jobId: job.id, result: job.result }, `${label}: job ${job.id} done\n${JSON.stringify(job.result, null, 2)}`);

/** `swirl generate`: trajectories for world questions. */
export function generateCommand(targets: StageTargets, args: { family: Family; questions: number; samples: number; temperature: number; seed: number; worldSeed: number; model: ModelRef }, out: Output) {
  const config = compilePipelineConfig({ seed: args.seed, world_seed: args.worldSeed, train_family: args.family, policy: { name: args.model.name, version: args.model.version || 'base' }, synthesize: { questions: args.questions, samples_per_question: args.samples, temperature: args.temperature } });
  const spec = synthesizeSpec(config);
  if (args.model.version === '' && spec.spec?.$case === 'synthesize') spec.spec.value.policy = args.model;
  return withClients(targets, async (c) => printJob(out, 'generate', await runJob(c.coordinator, spec, 'generate', out)));
}

/** `swirl judge`: process (and outcome) verdicts for a synthesis job's trajectories. */
export function judgeCommand(targets: StageTargets, args: { jobId: string; judge: string; outcome: boolean }, out: Output) {
  const spec = JobSpec.fromPartial({ spec: { $case: 'judge', value: { trajectories: { jobIds: [args.jobId] }, process: true, outcome: args.outcome, processJudgeId: args.judge } } });
  return withClients(targets, async (c) => printJob(out, 'judge', await runJob(c.coordinator, spec, 'judge', out)));
}

/** `swirl filter`: a dataset version from a synthesis job's trajectories. */
export function filterCommand(targets: StageTargets, args: { jobId: string; strategy: FilterName; judge: string; name: string }, out: Output) {
  const config = compilePipelineConfig({ name: args.name, judge: args.judge });
  return withClients(targets, async (c) => printJob(out, 'filter', await runJob(c.coordinator, filterSpec(config, args.jobId, args.strategy), 'filter', out)));
}

/** `swirl train`: a training run on a dataset version. */
export function trainCommand(targets: StageTargets, args: { dataset: string; algorithm: 'swirl' | 'sft'; updates: number; model: ModelRef; judge: string; seed: number }, out: Output) {
  const config = compilePipelineConfig({ seed: args.seed, judge: args.judge, train: { algorithm: args.algorithm, updates: args.updates } });
  return withClients(targets, async (c) => {
    const finished = await runTraining(
      c.trainer,
      { datasetVersionId: args.dataset, baseModel: args.model, algorithm: ALGORITHM[args.algorithm], hyperParameters: hyperParameters(config), rewardJudgeId: args.judge, rewardSamples: 0, outputModelName: '', displayName: 'swirl train', activateExports: false, baseCheckpointPath: '' },
      out,
    );
    out.event('run', { runId: finished.run.id, exports: finished.exports }, `run ${finished.run.id} done; exported ${finished.exports.map((e) => `${e.model.name}@${e.model.version}`).join(', ') || 'nothing'}`);
  });
}

/** `swirl eval`: held-out evaluation of one or more models. */
export function evalCommand(targets: StageTargets, args: { families: Family[]; questions: number; split: 'dev' | 'test'; models: ModelRef[]; temperature: number; seed: number; worldSeed: number; reportDir: string }, out: Output) {
  const config = compilePipelineConfig({ seed: args.seed, world_seed: args.worldSeed, evaluate: { families: args.families, questions_per_family: args.questions, split: args.split, temperature: args.temperature } });
  return withClients(targets, async (c) => {
    const specs = evaluateSpecs(config, args.models, args.reportDir);
    for (const [i, spec] of specs.entries()) printJob(out, `eval ${args.families[i]}`, await runJob(c.coordinator, spec, `eval ${args.families[i]}`, out));
  });
}

/** `swirl report`: re-renders report.md and report.html from a report.json. */
export function reportCommand(path: string, out: Output): void {
  const file = path.endsWith('.json') ? path : join(path, 'report.json');
  const report = JSON.parse(readFileSync(file, 'utf8')) as PipelineReport;
  if (!Array.isArray(report.evaluations)) throw new Error(`${file} is not a swirl pipeline report (no evaluations)`);
  const dir = file.slice(0, file.length - 'report.json'.length) || '.';
  const files = writeReport(dir, report);
  out.event('report', { ...files }, `wrote ${files.markdown} and ${files.html}`);
}
