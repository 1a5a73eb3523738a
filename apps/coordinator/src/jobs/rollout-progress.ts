import type { Step } from '@swirl/store';
import type { RolloutOutcome, RolloutPlan } from '../synthesis/rollout-plan';
import type { RolloutObserver } from '../synthesis/run-trajectory';
import type { StoredRollouts } from '../synthesis/run-rollouts';
import type { ProgressTracker } from './progress-tracker';

/** Starts a rollout stage, counting what a previous process already finished. */
export function startRolloutStage(progress: ProgressTracker, stage: string, plans: readonly RolloutPlan[], stored: StoredRollouts): void {
  const planned = new Set(plans.map((p) => p.trajectoryId));
  let completed = 0;
  let failed = 0;
  for (const [id, reason] of stored.finished) {
    if (!planned.has(id)) continue;
    if (reason === 'error') failed += 1;
    else completed += 1;
  }
  progress.startStage(stage, 'trajectories', plans.length, { completed, failed });
}

/** Live counters of a rollout stage (steps, tool calls, tokens, finish reasons) plus the metrics observer. */
export function rolloutProgressObserver(progress: ProgressTracker, metrics: RolloutObserver): RolloutObserver {
  return {
    stepStored(step: Step, plan: RolloutPlan) {
      metrics.stepStored(step, plan);
      progress.count('steps');
      progress.count('generated_tokens', step.actionTokenIds.length);
      if (step.toolResult !== undefined) progress.count('tool_calls');
    },
    trajectoryFinished(outcome: RolloutOutcome, plan: RolloutPlan) {
      metrics.trajectoryFinished(outcome, plan);
      if (outcome.finishReason !== undefined) progress.count(outcome.finishReason);
      progress.advance(outcome.finishReason === 'error' ? { failed: 1 } : { completed: 1 });
    },
  };
}
