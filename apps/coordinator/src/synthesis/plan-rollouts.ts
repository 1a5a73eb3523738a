import { createHash } from 'node:crypto';
import type { ModelRef } from '@swirl/store';
import type { PromptTemplate } from '../prompts/prompt-catalog';
import type { Task } from '../tasks/task';
import { deriveSeed } from './derive-seed';
import type { ResolvedSampling } from './policy';
import type { RolloutPlan } from './rollout-plan';

export interface RolloutPlanning {
  readonly jobId: string;
  readonly tasks: readonly Task[];
  /** One or more models on the same tasks (evaluation compares several). */
  readonly models: readonly ModelRef[];
  readonly samplesPerTask: number;
  readonly sampling: ResolvedSampling;
  /** The job seed; undefined for greedy decoding. */
  readonly jobSeed: number | undefined;
  readonly prompts: PromptTemplate;
  readonly stepCap: (task: Task) => number;
  readonly toolTimeoutMs: number | undefined;
  readonly searchTopK: number;
  readonly storePrefixTokenIds: boolean;
}

/** `trj-` + a hash of (job, task, sample): the same plan always names the same trajectory. */
export function trajectoryIdOf(jobId: string, taskId: string, sampleIndex: number): string {
  return `trj-${createHash('sha256').update(`${jobId}\u0000${taskId}\u0000${sampleIndex}`).digest('hex').slice(0, 32)}`;
}

/**
 * Every trajectory of a job, tasks in order and, within a task, models then samples. The plan is
 * a pure function of the resolved spec, which is what lets a restarted coordinator match it
 * against the store: same ids, same seeds (seed of sample s of task t derives from the job seed).
 */
export function planRollouts(p: RolloutPlanning): RolloutPlan[] {
  const plans: RolloutPlan[] = [];
  for (const task of p.tasks) {
    const prompt = p.prompts.initialMessages(task);
    p.models.forEach((model, m) => {
      for (let s = 0; s < p.samplesPerTask; s++) {
        const sampleIndex = m * p.samplesPerTask + s;
        plans.push({
          trajectoryId: trajectoryIdOf(p.jobId, task.id, sampleIndex),
          jobId: p.jobId,
          task,
          sampleIndex,
          model,
          promptVersion: p.prompts.version,
          prompt,
          sampling: p.sampling,
          seed: p.jobSeed === undefined ? undefined : deriveSeed(p.jobSeed, task.id, sampleIndex),
          maxSteps: p.stepCap(task),
          toolTimeoutMs: p.toolTimeoutMs,
          searchTopK: p.searchTopK,
          storePrefixTokenIds: p.storePrefixTokenIds,
        });
      }
    });
  }
  return plans;
}
