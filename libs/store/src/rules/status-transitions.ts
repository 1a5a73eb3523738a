import type { JobStatus } from '../domain/job';
import type { RunStatus } from '../domain/training-run';

/**
 * Job and run statuses only move forward (a trajectory only goes from running to the status
 * its finish reason implies). Re-applying the current status is allowed (a restarted
 * coordinator re-marks its job running; cancelling a cancelled job is a no-op) and changes
 * nothing; everything not listed here is refused.
 */
const JOB_TRANSITIONS: Readonly<Record<JobStatus, readonly JobStatus[]>> = {
  pending: ['running', 'cancelling', 'cancelled', 'failed'],
  running: ['succeeded', 'failed', 'cancelling', 'cancelled'],
  cancelling: ['cancelled', 'failed'],
  succeeded: [],
  failed: [],
  cancelled: [],
};

const RUN_TRANSITIONS: Readonly<Record<RunStatus, readonly RunStatus[]>> = {
  pending: ['initializing', 'running', 'cancelling', 'cancelled', 'failed'],
  initializing: ['running', 'cancelling', 'cancelled', 'failed'],
  running: ['succeeded', 'failed', 'cancelling', 'cancelled'],
  cancelling: ['cancelled', 'failed'],
  succeeded: [],
  failed: [],
  cancelled: [],
};

export function isJobTransitionAllowed(from: JobStatus, to: JobStatus): boolean {
  return JOB_TRANSITIONS[from].includes(to);
}

export function isRunTransitionAllowed(from: RunStatus, to: RunStatus): boolean {
  return RUN_TRANSITIONS[from].includes(to);
}

export function isTerminalJobStatus(status: JobStatus): boolean {
  return JOB_TRANSITIONS[status].length === 0;
}

export function isTerminalRunStatus(status: RunStatus): boolean {
  return RUN_TRANSITIONS[status].length === 0;
}

/** The words a refusal uses, e.g. "running -> succeeded | failed | cancelling | cancelled". */
export function describeJobTransitions(from: JobStatus): string {
  return describe(from, JOB_TRANSITIONS[from]);
}

export function describeRunTransitions(from: RunStatus): string {
  return describe(from, RUN_TRANSITIONS[from]);
}

function describe(from: string, to: readonly string[]): string {
  return to.length ? `${from} -> ${to.join(' | ')}` : `${from} is terminal`;
}
