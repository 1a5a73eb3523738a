import { resolve } from 'node:path';
import { failedPrecondition, invalidArgument } from '@swirl/grpc-kit';
import type { EvaluateSpec, EvaluationReport, JobResult, JobSpec } from '@swirl/proto';
import type { ModelRef, TaskFamily, Trajectory } from '@swirl/store';
import { defaultGrader, localGraderOf, LOCAL_GRADER_VERSION, type LocalGrader } from '../evaluation/grade-answer';
import { gradeTrajectories } from '../evaluation/grade-trajectories';
import { modelEvaluation, plansOfModel, reportRows } from '../evaluation/model-evaluations';
import { writeReportFiles } from '../evaluation/report-files';
import { storedEvaluation } from '../evaluation/stored-evaluation';
import type { JudgeCalls } from '../judging/judge-calls';
import { processLabelShares } from '../judging/process-label-shares';
import { promptTemplate } from '../prompts/prompt-catalog';
import { planRollouts } from '../synthesis/plan-rollouts';
import type { RolloutPlan } from '../synthesis/rollout-plan';
import { readStoredRollouts, runRollouts } from '../synthesis/run-rollouts';
import { loadTasks } from '../tasks/load-tasks';
import type { Task } from '../tasks/task';
import type { JobHandler, RunningJob } from './job-handler';
import type { RolloutJobDeps } from './rollout-job-deps';
import { rolloutProgressObserver, startRolloutStage } from './rollout-progress';
import { resolveModel } from './spec/resolve-model';
import { resolveSampling, samplingForPolicy } from './spec/resolve-sampling';
import { resolveStepCaps, stepCapOf } from './spec/resolve-step-caps';
import { resolveConcurrency, resolvePromptTemplate, storeTasks } from './synthesize-job';

const MAX_SAMPLES = 64;
const DEFAULT_Z = 1.96;
const NO_PROCESS_LABELS = 'not measured (skip_process_labels, or no judge service configured: --judge-target)';

function specOf(spec: JobSpec): EvaluateSpec {
  if (spec.spec?.$case !== 'evaluate') throw new Error('not an EVALUATE spec');
  return spec.spec.value;
}

/** The grader of a task: the requested one, or the family default. */
function graderFor(spec: EvaluateSpec, family: TaskFamily): LocalGrader {
  const requested = localGraderOf(spec.grader);
  return requested === undefined || requested === 'LLM' ? defaultGrader(family) : requested;
}

function graderDescription(spec: EvaluateSpec, tasks: readonly Task[]): string {
  const families = [...new Set(tasks.map((t) => t.family))];
  const named = (f: TaskFamily) => `${graderFor(spec, f)}@${LOCAL_GRADER_VERSION}`;
  return families.length === 1 ? named(families[0]!) : families.map((f) => `${named(f)} (${f})`).join(', ');
}

/** EVALUATE (method section 5): the live loop on held-out tasks for each model, graded, with CIs. */
export function createEvaluateJobHandler(deps: RolloutJobDeps, judge: JudgeCalls | undefined): JobHandler {
  const plansOf = (job: { id: string }, e: EvaluateSpec, tasks: Task[]): RolloutPlan[] => {
    const sampling = e.sampling!;
    return planRollouts({
      jobId: job.id,
      tasks,
      models: e.models,
      samplesPerTask: e.samplesPerTask,
      sampling: samplingForPolicy(sampling),
      jobSeed: (sampling.temperature ?? 0) > 0 ? sampling.seed : undefined,
      prompts: promptTemplate(e.promptVersion)!,
      stepCap: (task) => stepCapOf(e.stepCaps!, task.family),
      toolTimeoutMs: undefined,
      searchTopK: deps.searchTopK,
      storePrefixTokenIds: true,
    });
  };

  return {
    kind: 'evaluate',

    async prepare(spec, signal) {
      const e = specOf(spec);
      const tasks = loadTasks(e.tasks, deps.tasks, 'evaluate.tasks');
      if (e.models.length === 0) throw invalidArgument('evaluate.models needs at least one model to evaluate (e.g. the base and the trained policy)');
      const samplesPerTask = e.samplesPerTask || 1;
      if (samplesPerTask > MAX_SAMPLES) throw invalidArgument(`evaluate.samples_per_task must be at most ${MAX_SAMPLES}, got ${samplesPerTask}`);
      if (localGraderOf(e.grader) === 'LLM') throw failedPrecondition('evaluate.grader LLM needs an LLM grader behind the judge service, which this coordinator does not use yet; choose EXACT_MATCH, TOKEN_F1, NUMERIC or UNSPECIFIED');
      const z = e.confidenceZ || DEFAULT_Z;
      if (!(z > 0 && Number.isFinite(z))) throw invalidArgument(`evaluate.confidence_z must be positive, got ${e.confidenceZ}`);
      const models: ModelRef[] = [];
      for (const [i, m] of e.models.entries()) models.push(await resolveModel(deps.inference, m, `evaluate.models[${i}]`, signal));
      const seen = new Set(models.map((m) => `${m.name}@${m.version}`));
      if (seen.size !== models.length) throw invalidArgument(`evaluate.models resolves to the same model version twice (${models.map((m) => `${m.name}@${m.version}`).join(', ')})`);
      let processJudgeId = e.processJudgeId;
      if (!e.skipProcessLabels && judge !== undefined) processJudgeId = (await judge.processJudge(e.processJudgeId, signal)).id;
      else if (!e.skipProcessLabels && e.processJudgeId !== '') {
        throw failedPrecondition(`evaluate.process_judge_id "${e.processJudgeId}" needs the judge service, and this coordinator has none (--judge-target); or set skip_process_labels`);
      }
      const resolved: EvaluateSpec = {
        ...e,
        processJudgeId,
        models,
        samplesPerTask,
        stepCaps: resolveStepCaps(e.stepCaps, 'evaluate.step_caps'),
        sampling: resolveSampling(e.sampling, { temperature: 0 }, 'evaluate.sampling'),
        promptVersion: resolvePromptTemplate(e.promptVersion, tasks, 'evaluate.prompt_version').version,
        concurrency: resolveConcurrency(e.concurrency, 'evaluate.concurrency'),
        confidenceZ: z,
        reportDir: e.reportDir.trim() === '' ? '' : resolve(e.reportDir.trim()),
      };
      await storeTasks(deps.store, tasks);
      return { spec: { $case: 'evaluate', value: resolved } };
    },

    async run(job: RunningJob): Promise<JobResult> {
      const e = specOf(job.spec);
      const tasks = loadTasks(e.tasks, deps.tasks, 'evaluate.tasks');
      await storeTasks(deps.store, tasks);
      const plans = plansOf(job, e, tasks);
      const stored = await readStoredRollouts(deps.store, job.id);
      startRolloutStage(job.progress, 'evaluate', plans, stored);
      const observer = rolloutProgressObserver(job.progress, deps.metrics.rolloutObserver('evaluate'));
      await runRollouts(plans, stored, e.concurrency, { store: deps.store, policy: deps.policy, tools: deps.tools, observer }, job.signal, () => undefined);
      if (job.signal.aborted) return { result: undefined };
      return { result: { $case: 'evaluation', value: await gradeAndReport(job, e, tasks, plans) } };
    },
  };

  async function gradeAndReport(job: RunningJob, e: EvaluateSpec, tasks: readonly Task[], plans: readonly RolloutPlan[]): Promise<EvaluationReport> {
    const trajectories = new Map<string, Trajectory>((await deps.store.listTrajectories({ jobId: job.id })).map((t) => [t.id, t]));
    const grading = gradeTrajectories(plans, trajectories, (family) => graderFor(e, family));
    await deps.store.recordOutcomeVerdicts(grading.verdicts);
    let graded = grading.graded;
    let processJudge = '';
    if (judge !== undefined && !e.skipProcessLabels) {
      const info = await judge.processJudge(e.processJudgeId, job.signal);
      const withSteps = [...graded.values()].filter((g) => g.grade !== undefined && g.steps > 0).map((g) => g.trajectoryId);
      const shares = await processLabelShares(deps.store, judge, info, withSteps, job.signal);
      graded = new Map([...graded].map(([id, g]) => [id, shares.has(id) ? { ...g, processLabelShare: shares.get(id)! } : g]));
      processJudge = `${info.id}@${info.version}`;
    }
    const z = e.confidenceZ;
    // Per-question results: one stored evaluation per (model, family).
    for (const model of e.models) {
      for (const family of new Set(tasks.map((t) => t.family))) {
        const items = plansOfModel(plans, model)
          .filter((p) => p.task.family === family)
          .map((p) => graded.get(p.trajectoryId)!);
        const split = tasks.find((t) => t.family === family)!.split;
        await deps.store.recordEvaluation(storedEvaluation({ jobId: job.id, model, family, split, items, sampling: e.sampling!, grader: graderDescription(e, tasks.filter((t) => t.family === family)), z }));
      }
    }
    const report: EvaluationReport = {
      models: e.models.map((model) => modelEvaluation(model, plans, graded, z)),
      sampling: e.sampling,
      grader: graderDescription(e, tasks),
      processJudge,
      confidenceZ: z,
      stepCaps: e.stepCaps,
      reportJsonPath: '',
      reportMarkdownPath: '',
    };
    if (e.reportDir === '') return report;
    const context = { jobId: job.id, taskSource: e.tasks?.source?.$case ?? '', tasks: tasks.length, samplesPerTask: e.samplesPerTask, processLabelNote: NO_PROCESS_LABELS };
    const paths = writeReportFiles(e.reportDir, report, context, reportRows(plans, graded, trajectories));
    return { ...report, reportJsonPath: paths.json, reportMarkdownPath: paths.markdown };
  }
}
