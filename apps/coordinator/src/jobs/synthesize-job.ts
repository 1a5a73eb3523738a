import { invalidArgument } from '@swirl/grpc-kit';
import { durationToMs, type JobResult, type JobSpec, type SynthesizeResult, type SynthesizeSpec } from '@swirl/proto';
import type { TrajectoryStore } from '@swirl/store';
import { taskToQuestion } from '../convert/task-question';
import { defaultPromptVersion, promptTemplate, PROMPT_VERSIONS, type PromptTemplate } from '../prompts/prompt-catalog';
import { planRollouts } from '../synthesis/plan-rollouts';
import { readStoredRollouts, runRollouts } from '../synthesis/run-rollouts';
import { loadTasks } from '../tasks/load-tasks';
import type { Task } from '../tasks/task';
import type { JobHandler, RunningJob } from './job-handler';
import type { RolloutJobDeps } from './rollout-job-deps';
import { rolloutProgressObserver, startRolloutStage } from './rollout-progress';
import { resolveModel } from './spec/resolve-model';
import { resolveSampling, samplingForPolicy } from './spec/resolve-sampling';
import { resolveStepCaps, stepCapOf } from './spec/resolve-step-caps';

const DEFAULT_SAMPLES = 5;
const MAX_SAMPLES = 64;
const DEFAULT_CONCURRENCY = 8;
const MAX_CONCURRENCY = 1024;

/** The prompt template a spec names, or the default for its tasks; INVALID_ARGUMENT if unknown. */
export function resolvePromptTemplate(version: string, tasks: readonly Task[], field: string): PromptTemplate {
  const chosen = version.trim() || defaultPromptVersion(tasks[0]!);
  const template = promptTemplate(chosen);
  if (template === undefined) throw invalidArgument(`${field} "${chosen}" is unknown; known prompt versions: ${PROMPT_VERSIONS.join(', ')}`);
  return template;
}

export function resolveConcurrency(value: number, field: string): number {
  const resolved = value || DEFAULT_CONCURRENCY;
  if (resolved > MAX_CONCURRENCY) throw invalidArgument(`${field} must be at most ${MAX_CONCURRENCY}, got ${resolved}`);
  return resolved;
}

/** Stores the tasks as questions (idempotent); a changed task under a stored id is refused. */
export async function storeTasks(store: TrajectoryStore, tasks: readonly Task[]): Promise<void> {
  await store.upsertQuestions(tasks.map(taskToQuestion));
}

function specOf(spec: JobSpec): SynthesizeSpec {
  if (spec.spec?.$case !== 'synthesize') throw new Error('not a SYNTHESIZE spec');
  return spec.spec.value;
}

/** SYNTHESIZE (method section 1): N sampled trajectories per task, every step stored as it completes. */
export function createSynthesizeJobHandler(deps: RolloutJobDeps): JobHandler {
  return {
    kind: 'synthesize',

    async prepare(spec, signal) {
      const s = specOf(spec);
      const tasks = loadTasks(s.tasks, deps.tasks, 'synthesize.tasks');
      const samplesPerTask = s.samplesPerTask || DEFAULT_SAMPLES;
      if (samplesPerTask > MAX_SAMPLES) throw invalidArgument(`synthesize.samples_per_task must be at most ${MAX_SAMPLES}, got ${samplesPerTask}`);
      const toolTimeoutMs = durationToMs(s.toolTimeout);
      if (toolTimeoutMs !== undefined && !(toolTimeoutMs > 0)) throw invalidArgument('synthesize.tool_timeout must be positive; leave it unset for the tool\'s default');
      const resolved: SynthesizeSpec = {
        ...s,
        samplesPerTask,
        stepCaps: resolveStepCaps(s.stepCaps, 'synthesize.step_caps'),
        sampling: resolveSampling(s.sampling, { temperature: 1 }, 'synthesize.sampling'),
        promptVersion: resolvePromptTemplate(s.promptVersion, tasks, 'synthesize.prompt_version').version,
        concurrency: resolveConcurrency(s.concurrency, 'synthesize.concurrency'),
        policy: await resolveModel(deps.inference, s.policy, 'synthesize.policy', signal),
      };
      await storeTasks(deps.store, tasks);
      return { spec: { $case: 'synthesize', value: resolved } };
    },

    async run(job: RunningJob): Promise<JobResult> {
      const s = specOf(job.spec);
      const tasks = loadTasks(s.tasks, deps.tasks, 'synthesize.tasks');
      await storeTasks(deps.store, tasks);
      const sampling = s.sampling!;
      const plans = planRollouts({
        jobId: job.id,
        tasks,
        models: [s.policy!],
        samplesPerTask: s.samplesPerTask,
        sampling: samplingForPolicy(sampling),
        jobSeed: (sampling.temperature ?? 0) > 0 ? sampling.seed : undefined,
        prompts: promptTemplate(s.promptVersion)!,
        stepCap: (task) => stepCapOf(s.stepCaps!, task.family),
        toolTimeoutMs: durationToMs(s.toolTimeout),
        searchTopK: deps.searchTopK,
        storePrefixTokenIds: !s.omitPrefixTokenIds,
      });
      const stored = await readStoredRollouts(deps.store, job.id);
      if (stored.finished.size + stored.unfinished.size > 0) job.logger.info('resuming synthesis', { finished: stored.finished.size, unfinished: stored.unfinished.size, planned: plans.length });
      startRolloutStage(job.progress, 'synthesize', plans, stored);
      const observer = rolloutProgressObserver(job.progress, deps.metrics.rolloutObserver('synthesize'));
      await runRollouts(plans, stored, s.concurrency, { store: deps.store, policy: deps.policy, tools: deps.tools, observer }, job.signal, () => undefined);
      if (job.signal.aborted) return { result: undefined };
      return { result: { $case: 'synthesize', value: await summarizeSynthesis(deps.store, job.id, tasks.length, s) } };
    },
  };
}

/** SynthesizeResult from what the store holds for the job (so a resumed job counts every run). */
async function summarizeSynthesis(store: TrajectoryStore, jobId: string, tasks: number, spec: SynthesizeSpec): Promise<SynthesizeResult> {
  const result: SynthesizeResult = { tasks, trajectories: 0, answered: 0, stepCapReached: 0, malformed: 0, errors: 0, steps: 0, generatedTokens: 0, policy: spec.policy };
  for (const t of await store.listTrajectories({ jobId })) {
    result.trajectories += 1;
    if (t.finishReason === 'answered') result.answered += 1;
    else if (t.finishReason === 'step_cap') result.stepCapReached += 1;
    else if (t.finishReason === 'malformed_action') result.malformed += 1;
    else if (t.finishReason === 'error') result.errors += 1;
    result.steps += t.stepCount;
    const full = await store.getTrajectory(t.id);
    for (const step of full?.steps ?? []) result.generatedTokens += step.actionTokenIds.length;
  }
  return result;
}
