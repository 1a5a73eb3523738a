import { Metadata, type ClientReadableStream } from '@grpc/grpc-js';
import { createClient, idempotentMethodsFromDescriptorSet } from '@swirl/grpc-kit';
import {
  CoordinatorServiceClient,
  JobState,
  readDescriptorSet,
  TrajectoryView,
  type Job,
  type JobSpec,
  type StartJobResponse,
  type Trajectory,
  type WatchJobResponse,
} from '@swirl/proto';
import { unaryCall } from '../clients/unary-call';

const TERMINAL = new Set([JobState.JOB_STATE_SUCCEEDED, JobState.JOB_STATE_FAILED, JobState.JOB_STATE_CANCELLED]);

export function isTerminalState(state: JobState): boolean {
  return TERMINAL.has(state);
}

/** A CoordinatorService client with promise helpers for the tests. */
export class CoordinatorTestClient {
  readonly raw: CoordinatorServiceClient;
  private requests = 0;

  constructor(target: string) {
    this.raw = createClient(CoordinatorServiceClient, { target, idempotentMethods: idempotentMethodsFromDescriptorSet(readDescriptorSet()), defaultTimeoutMs: 60_000 });
  }

  close(): void {
    this.raw.close();
  }

  async start(spec: JobSpec, requestId = `test-${process.pid}-${++this.requests}-${Date.now()}`, displayName = ''): Promise<Job> {
    const res = await unaryCall<Parameters<CoordinatorServiceClient['startJob']>[0], StartJobResponse>(this.raw.startJob.bind(this.raw), { requestId, spec, displayName });
    return res.job!;
  }

  async get(jobId: string): Promise<Job> {
    return (await unaryCall(this.raw.getJob.bind(this.raw), { jobId })).job!;
  }

  async cancel(jobId: string): Promise<Job> {
    return (await unaryCall(this.raw.cancelJob.bind(this.raw), { jobId })).job!;
  }

  /** Follows a job with WatchJob until the stream ends; returns every snapshot. */
  watch(jobId: string, onMessage?: (m: WatchJobResponse, stream: ClientReadableStream<WatchJobResponse>) => void): Promise<WatchJobResponse[]> {
    return new Promise((resolve, reject) => {
      const messages: WatchJobResponse[] = [];
      const stream = this.raw.watchJob({ jobId }, new Metadata(), { deadline: Date.now() + 600_000 });
      stream.on('data', (m: WatchJobResponse) => {
        messages.push(m);
        onMessage?.(m, stream);
      });
      stream.on('error', reject);
      stream.on('end', () => resolve(messages));
    });
  }

  /** Waits for a terminal state and returns the final job. */
  async finish(jobId: string): Promise<Job> {
    const messages = await this.watch(jobId);
    return messages[messages.length - 1]!.job!;
  }

  /** Every trajectory of a job, paging through ListTrajectories. */
  async trajectories(jobId: string, view = TrajectoryView.TRAJECTORY_VIEW_FULL, pageSize = 50): Promise<Trajectory[]> {
    const all: Trajectory[] = [];
    let pageToken = '';
    do {
      const res = await unaryCall(this.raw.listTrajectories.bind(this.raw), { jobId, pageSize, pageToken, view, datasetVersionId: '', taskId: '', family: 0, finishReason: 0 });
      all.push(...res.trajectories);
      pageToken = res.nextPageToken;
    } while (pageToken !== '');
    return all;
  }
}
