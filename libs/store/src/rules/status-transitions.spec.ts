import { JOB_STATUSES } from '../domain/job';
import { RUN_STATUSES } from '../domain/training-run';
import { isJobTransitionAllowed, isRunTransitionAllowed, isTerminalJobStatus, isTerminalRunStatus } from './status-transitions';

describe('status transitions', () => {
  it('lets a job move forward only', () => {
    expect(isJobTransitionAllowed('pending', 'running')).toBe(true);
    expect(isJobTransitionAllowed('running', 'succeeded')).toBe(true);
    expect(isJobTransitionAllowed('running', 'cancelling')).toBe(true);
    expect(isJobTransitionAllowed('cancelling', 'cancelled')).toBe(true);
    expect(isJobTransitionAllowed('running', 'pending')).toBe(false);
    expect(isJobTransitionAllowed('cancelling', 'running')).toBe(false);
    expect(isJobTransitionAllowed('cancelling', 'succeeded')).toBe(false);
  });

  it('never leaves a terminal status', () => {
    for (const from of JOB_STATUSES.filter(isTerminalJobStatus)) {
      for (const to of JOB_STATUSES) expect(isJobTransitionAllowed(from, to)).toBe(false);
    }
    for (const from of RUN_STATUSES.filter(isTerminalRunStatus)) {
      for (const to of RUN_STATUSES) expect(isRunTransitionAllowed(from, to)).toBe(false);
    }
    expect(JOB_STATUSES.filter(isTerminalJobStatus)).toEqual(['succeeded', 'failed', 'cancelled']);
    expect(RUN_STATUSES.filter(isTerminalRunStatus)).toEqual(['succeeded', 'failed', 'cancelled']);
  });

  it('lets a run go through initialisation to a terminal status', () => {
    expect(isRunTransitionAllowed('pending', 'initializing')).toBe(true);
    expect(isRunTransitionAllowed('initializing', 'running')).toBe(true);
    expect(isRunTransitionAllowed('running', 'succeeded')).toBe(true);
    expect(isRunTransitionAllowed('running', 'initializing')).toBe(false);
  });
});
