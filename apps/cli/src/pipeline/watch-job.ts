import { randomUUID } from 'node:crypto';
import type { ClientReadableStream } from '@grpc/grpc-js';
import { JobState, type CoordinatorServiceClient, type Job, type JobSpec, type WatchJobResponse } from '@swirl/proto';
import type { Output } from '../output/terminal-output';

const TERMINAL = new Set([JobState.JOB_STATE_SUCCEEDED, JobState.JOB_STATE_FAILED, JobState.JOB_STATE_CANCELLED]);

export class JobFailedError extends Error {
  constructor(readonly job: Job) {
    super(`job ${job.id} (${job.displayName}) ended ${JobState[job.state]}${job.errorMessage ? `: ${job.errorMessage}` : ''}`);
    this.name = 'JobFailedError';
  }
}

/**
 * Starts a coordinator job and follows WatchJob until it ends, drawing its progress. Resolves
 * with the finished job; rejects with JobFailedError unless it SUCCEEDED. Aborting the signal
 * cancels the job on the coordinator (CancelJob) and ends the watch.
 */
export async function runJob(client: CoordinatorServiceClient, spec: JobSpec, displayName: string, out: Output, signal?: AbortSignal): Promise<Job> {
  const started = await new Promise<Job>((resolve, reject) =>
    client.startJob({ requestId: randomUUID(), spec, displayName }, (err, res) => (err ? reject(err) : resolve(res.job!))),
  );
  out.event('job-started', { jobId: started.id, name: displayName }, `${displayName}: job ${started.id}`);
  const onAbort = () => client.cancelJob({ jobId: started.id }, () => undefined);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const job = await watchUntilTerminal(client, started.id, displayName, out);
    out.endProgress();
    if (job.state !== JobState.JOB_STATE_SUCCEEDED) throw new JobFailedError(job);
    return job;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

function watchUntilTerminal(client: CoordinatorServiceClient, jobId: string, label: string, out: Output): Promise<Job> {
  return new Promise<Job>((resolve, reject) => {
    let last: Job | undefined;
    const stream: ClientReadableStream<WatchJobResponse> = client.watchJob({ jobId }, { deadline: Infinity });
    stream.on('data', (event: WatchJobResponse) => {
      const job = event.job;
      if (job === undefined) return;
      last = job;
      const p = job.progress;
      if (p !== undefined) out.progress(label.endsWith(p.stage) ? label : `${label} ${p.stage}`.trim(), Number(p.completed), Number(p.total), p.failed > 0 ? `(${p.failed} failed)` : '');
      if (TERMINAL.has(job.state)) {
        stream.cancel();
        resolve(job);
      }
    });
    stream.on('error', (err: Error & { code?: number }) => {
      // Our own cancel after the terminal event ends the stream with CANCELLED.
      if (last !== undefined && TERMINAL.has(last.state)) return;
      reject(err);
    });
    stream.on('end', () => {
      if (last !== undefined && TERMINAL.has(last.state)) resolve(last);
      else reject(new Error(`the watch of job ${jobId} ended before the job did`));
    });
  });
}
