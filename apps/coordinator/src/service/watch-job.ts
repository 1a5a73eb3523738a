import type { WatchJobResponse } from '@swirl/proto';
import { jobToProto } from '../convert/job-to-proto';
import { isTerminal, type JobManager, type JobView } from '../jobs/job-manager';

/** What identifies a change worth a snapshot (elapsed time alone is not one). */
function changeKey(view: JobView): string {
  const p = view.live ?? { stage: view.job.progress.stage, completed: view.job.progress.done, total: view.job.progress.total, failed: view.job.progress.failed, counters: {} };
  return JSON.stringify([view.job.status, p.stage, p.completed, p.total, p.failed, p.counters, view.job.error ?? '']);
}

function eventMessage(previous: JobView | undefined, current: JobView): string {
  const job = current.job;
  if (previous?.job.status === job.status) return '';
  if (job.status === 'failed') return `job failed: ${job.error ?? ''}`;
  if (job.status === 'succeeded') return `job succeeded: ${job.progress.done} of ${job.progress.total} ${job.progress.stage} units done`;
  return `job ${job.status}`;
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted || ms <= 0) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * WatchJob: the current snapshot first, then one per change (at most one per `intervalMs`),
 * and a last one in the terminal state, after which the stream ends. Ends quietly when the
 * signal aborts (the client went away, or the coordinator is stopping).
 */
export async function watchJob(manager: JobManager, jobId: string, emit: (message: WatchJobResponse) => void, signal: AbortSignal, intervalMs: number): Promise<'terminal' | 'aborted'> {
  let sequence = 0;
  let lastSentMs = 0;
  let previous: JobView | undefined;
  const send = (view: JobView) => {
    emit({ sequence: ++sequence, eventTime: new Date(), job: jobToProto(view.job, view.live), message: eventMessage(previous, view) });
    previous = view;
    lastSentMs = Date.now();
  };
  let view = await manager.view(jobId);
  send(view);
  if (isTerminal(view.job)) return 'terminal';

  let changed = false;
  let wake: (() => void) | undefined;
  const unsubscribe = manager.subscribe(view.job.parentJobId ?? jobId, () => {
    changed = true;
    wake?.();
  });
  const onAbort = () => wake?.();
  signal.addEventListener('abort', onAbort);
  try {
    for (;;) {
      if (!changed && !signal.aborted) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      if (signal.aborted) return 'aborted';
      await delay(lastSentMs + intervalMs - Date.now(), signal);
      if (signal.aborted) return 'aborted';
      changed = false;
      view = await manager.view(jobId);
      if (isTerminal(view.job) || changeKey(view) !== changeKey(previous!)) send(view);
      if (isTerminal(view.job)) return 'terminal';
    }
  } finally {
    unsubscribe();
    signal.removeEventListener('abort', onAbort);
  }
}
