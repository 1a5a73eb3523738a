import { Counter, Gauge, type Registry } from 'prom-client';
import type { Job, Step } from '@swirl/store';
import type { RolloutObserver } from '../synthesis/run-trajectory';
import type { RolloutOutcome, RolloutPlan } from '../synthesis/rollout-plan';
import { RateWindow } from './rate-window';

/** Domain series of the coordinator, in the server's registry. */
export interface CoordinatorMetrics {
  /** Counts steps, tool calls, tokens and trajectories of the loop; `kind` labels the job kind. */
  rolloutObserver(kind: string): RolloutObserver;
}

export interface CoordinatorMetricsDeps {
  readonly registry: Registry;
  /** Every job (read at scrape time for the jobs gauge). */
  readonly listJobs: () => Promise<readonly Job[]>;
}

const THROUGHPUT_WINDOW_MS = 60_000;

export function createCoordinatorMetrics(deps: CoordinatorMetricsDeps): CoordinatorMetrics {
  const registers = [deps.registry];
  new Gauge({
    name: 'swirl_coordinator_jobs',
    help: 'Jobs in the store by kind and state.',
    labelNames: ['kind', 'state'],
    registers,
    async collect() {
      this.reset();
      for (const job of await deps.listJobs()) this.inc({ kind: job.kind, state: job.status });
    },
  });
  const trajectories = new Counter({ name: 'swirl_coordinator_trajectories_total', help: 'Trajectories ended, by job kind and finish reason.', labelNames: ['kind', 'finish_reason'], registers });
  const steps = new Counter({ name: 'swirl_coordinator_steps_total', help: 'Steps written to the store, by job kind and action kind.', labelNames: ['kind', 'action'], registers });
  const toolCalls = new Counter({ name: 'swirl_coordinator_tool_calls_total', help: 'Tool calls executed for stored steps, by tool and result status.', labelNames: ['tool', 'status'], registers });
  const tokens = new Counter({ name: 'swirl_coordinator_generated_tokens_total', help: 'Policy tokens generated for stored steps, by job kind.', labelNames: ['kind'], registers });
  const trajectoryRate = new RateWindow(THROUGHPUT_WINDOW_MS);
  const tokenRate = new RateWindow(THROUGHPUT_WINDOW_MS);
  new Gauge({
    name: 'swirl_coordinator_synthesis_trajectories_per_second',
    help: 'Trajectories ended per second over the last minute (all rollout jobs).',
    registers,
    collect() {
      this.set(trajectoryRate.perSecond());
    },
  });
  new Gauge({
    name: 'swirl_coordinator_synthesis_tokens_per_second',
    help: 'Policy tokens generated per second over the last minute (all rollout jobs).',
    registers,
    collect() {
      this.set(tokenRate.perSecond());
    },
  });
  return {
    rolloutObserver: (kind) => ({
      stepStored(step: Step) {
        steps.inc({ kind, action: step.action.kind });
        tokens.inc({ kind }, step.actionTokenIds.length);
        tokenRate.add(step.actionTokenIds.length);
        if (step.toolResult !== undefined) toolCalls.inc({ tool: step.action.toolCall?.toolName ?? 'unknown', status: step.toolResult.status });
      },
      trajectoryFinished(outcome: RolloutOutcome, _plan: RolloutPlan) {
        trajectories.inc({ kind, finish_reason: outcome.finishReason ?? 'unknown' });
        trajectoryRate.add();
      },
    }),
  };
}
