import { randomUUID } from 'node:crypto';
import type { ClientReadableStream } from '@grpc/grpc-js';
import { RunState, type CreateRunRequest, type ModelRef, type Run, type RunMetrics, type TrainerServiceClient, type WatchRunResponse } from '@swirl/proto';
import type { Output } from '../output/terminal-output';

const TERMINAL = new Set([RunState.RUN_STATE_SUCCEEDED, RunState.RUN_STATE_FAILED, RunState.RUN_STATE_CANCELLED]);

export interface FinishedRun {
  readonly run: Run;
  /** Every update's metrics, in update order. */
  readonly metrics: readonly RunMetrics[];
  /** Versions exported into inference, in update order. */
  readonly exports: readonly { readonly update: number; readonly model: ModelRef }[];
}

export class RunFailedError extends Error {
  constructor(readonly run: Run) {
    super(`training run ${run.id} ended ${RunState[run.state]}${run.errorMessage ? `: ${run.errorMessage}` : ''}`);
    this.name = 'RunFailedError';
  }
}

/** Creates a training run and follows WatchRun to its end, drawing progress per update. */
export async function runTraining(client: TrainerServiceClient, request: Omit<CreateRunRequest, 'requestId'>, out: Output, signal?: AbortSignal): Promise<FinishedRun> {
  const created = await new Promise<Run>((resolve, reject) => client.createRun({ ...request, requestId: randomUUID() }, (err, res) => (err ? reject(err) : resolve(res.run!))));
  out.event('run-started', { runId: created.id }, `training: run ${created.id}`);
  const onAbort = () => client.cancelRun({ runId: created.id }, () => undefined);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const finished = await follow(client, created.id, out);
    out.endProgress();
    if (finished.run.state !== RunState.RUN_STATE_SUCCEEDED) throw new RunFailedError(finished.run);
    return finished;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

function follow(client: TrainerServiceClient, runId: string, out: Output): Promise<FinishedRun> {
  return new Promise((resolve, reject) => {
    const metrics = new Map<number, RunMetrics>();
    const exports: { update: number; model: ModelRef }[] = [];
    let run: Run | undefined;
    let done = false;
    const finish = () => {
      done = true;
      resolve({ run: run!, metrics: [...metrics.values()].sort((a, b) => a.update - b.update), exports });
    };
    const stream: ClientReadableStream<WatchRunResponse> = client.watchRun({ runId, afterSequence: 0 }, { deadline: Infinity });
    stream.on('data', (event: WatchRunResponse) => {
      const e = event.event;
      if (e === undefined) return;
      if (e.$case === 'stateChanged' && e.value.run !== undefined) {
        run = e.value.run;
        if (TERMINAL.has(run.state)) {
          stream.cancel();
          finish();
        }
      } else if (e.$case === 'progress') {
        metrics.set(e.value.update, e.value);
        const total = run?.totalUpdates ?? 0;
        out.progress('training', e.value.update, total, `reward ${e.value.meanReward.toFixed(3)} kl ${e.value.kl.toFixed(4)}`);
      } else if (e.$case === 'modelExported' && e.value.model !== undefined) {
        exports.push({ update: e.value.update, model: e.value.model });
      }
    });
    stream.on('error', (err) => (done ? undefined : reject(err)));
    stream.on('end', () => (done ? undefined : run !== undefined && TERMINAL.has(run.state) ? finish() : reject(new Error(`the watch of run ${runId} ended before the run did`))));
  });
}
