import type { TrajectoryRepository, TrajectoryWithSteps } from '@swirl/store';
import { JobStop } from './job-stop';
import type { RolloutOutcome, RolloutPlan } from './rollout-plan';
import { runTrajectory, type RolloutDeps } from './run-trajectory';

/** How far a job's planned trajectories already got in the store. */
export interface StoredRollouts {
  /** Plans whose trajectory has ended (by id, with its finish reason). */
  readonly finished: ReadonlyMap<string, import('@swirl/store').TrajectoryFinishReason>;
  /** Trajectories still `running`, with their stored steps: continued, not restarted. */
  readonly unfinished: ReadonlyMap<string, TrajectoryWithSteps>;
}

export async function readStoredRollouts(store: TrajectoryRepository, jobId: string): Promise<StoredRollouts> {
  const finished = new Map<string, import('@swirl/store').TrajectoryFinishReason>();
  for (const t of await store.listTrajectories({ jobId })) if (t.finishReason !== undefined) finished.set(t.id, t.finishReason);
  const unfinished = new Map((await store.listUnfinishedTrajectories(jobId)).map((t) => [t.id, t]));
  return { finished, unfinished };
}

/**
 * Runs the plans not finished yet, `concurrency` at a time (enough to keep the inference batch
 * full while others wait for tools), continuing unfinished ones from their stored steps. Stops
 * taking new work when the signal aborts. A store failure stops the others and rejects.
 */
export async function runRollouts(
  plans: readonly RolloutPlan[],
  stored: StoredRollouts,
  concurrency: number,
  deps: RolloutDeps,
  signal: AbortSignal,
  onOutcome: (outcome: RolloutOutcome, plan: RolloutPlan) => void,
): Promise<void> {
  const todo = plans.filter((p) => !stored.finished.has(p.trajectoryId));
  const failure = new AbortController();
  const combined = AbortSignal.any([signal, failure.signal]);
  let next = 0;
  let firstError: unknown;
  const worker = async () => {
    while (!combined.aborted && next < todo.length) {
      const plan = todo[next++]!;
      try {
        const outcome = await runTrajectory(plan, stored.unfinished.get(plan.trajectoryId), deps, combined);
        if (outcome.finishReason !== undefined) onOutcome(outcome, plan);
      } catch (err) {
        firstError ??= err;
        // The store failed: stop the others, leaving their trajectories running for a retry.
        failure.abort(new JobStop('shutdown'));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, todo.length) }, worker));
  if (firstError !== undefined) throw firstError;
}
