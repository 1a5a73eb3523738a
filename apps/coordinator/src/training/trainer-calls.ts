import { Metadata, status, type ClientReadableStream } from '@grpc/grpc-js';
import { GrpcStatusError } from '@swirl/grpc-kit';
import type { CancelRunResponse, CreateRunRequest, CreateRunResponse, GetRunResponse, Run, TrainerServiceClient, WatchRunResponse } from '@swirl/proto';
import { unaryCall } from '../clients/unary-call';

/** The trainer service as the PIPELINE job's train stage uses it. */
export interface TrainerCalls {
  /** Creates a run, or returns the one an earlier CreateRun with the same request_id created. */
  createRun(request: CreateRunRequest, signal: AbortSignal): Promise<Run>;
  getRun(runId: string, signal: AbortSignal): Promise<Run>;
  /** Not tied to a job signal: it is what a cancelled job sends after its signal aborted. */
  cancelRun(runId: string): Promise<Run>;
  /**
   * Streams WatchRun events to `onEvent` until the stream ends (the run is terminal); rejects
   * with the stream's error, or CANCELLED when the signal aborts.
   */
  watchRun(runId: string, onEvent: (event: WatchRunResponse) => void, signal: AbortSignal): Promise<void>;
}

export function grpcTrainerCalls(client: TrainerServiceClient, timeoutMs: number): TrainerCalls {
  return {
    createRun: async (request, signal) => (await unaryCall<CreateRunRequest, CreateRunResponse>(client.createRun.bind(client), request, { signal, timeoutMs })).run!,
    getRun: async (runId, signal) => (await unaryCall<{ runId: string }, GetRunResponse>(client.getRun.bind(client), { runId }, { signal, timeoutMs })).run!,
    cancelRun: async (runId) => (await unaryCall<{ runId: string }, CancelRunResponse>(client.cancelRun.bind(client), { runId }, { timeoutMs })).run!,
    watchRun: (runId, onEvent, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal.aborted) return reject(new GrpcStatusError(status.CANCELLED, 'cancelled before the watch started'));
        // A run takes as long as it takes: the stream has no deadline; the signal ends it.
        const stream: ClientReadableStream<WatchRunResponse> = client.watchRun({ runId, afterSequence: 0 }, new Metadata(), { deadline: Infinity });
        const onAbort = () => stream.cancel();
        signal.addEventListener('abort', onAbort, { once: true });
        const settle = (err?: unknown) => {
          signal.removeEventListener('abort', onAbort);
          if (err === undefined) resolve();
          else reject(err);
        };
        stream.on('data', onEvent);
        stream.on('error', settle);
        stream.on('end', () => settle());
      }),
  };
}
