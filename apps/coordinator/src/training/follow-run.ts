import { status } from '@grpc/grpc-js';
import { RunState, type Run, type RunMetrics } from '@swirl/proto';
import { describeCallError, grpcCode } from '../clients/unary-call';
import { abortableSleep } from './abortable-sleep';
import type { TrainerCalls } from './trainer-calls';

const TERMINAL = new Set([RunState.RUN_STATE_SUCCEEDED, RunState.RUN_STATE_FAILED, RunState.RUN_STATE_CANCELLED]);

/** Errors that say something about the request, not about the trainer being briefly away. */
const PERMANENT = new Set([status.NOT_FOUND, status.INVALID_ARGUMENT, status.UNAUTHENTICATED, status.PERMISSION_DENIED, status.UNIMPLEMENTED]);

export function isTerminalRun(run: Run): boolean {
  return TERMINAL.has(run.state);
}

export interface RunObserver {
  /** A snapshot of the run (the first event of every watch, and every state change). */
  snapshot(run: Run): void;
  /** An update finished. */
  update(metrics: RunMetrics): void;
}

export interface FollowOptions {
  /** How long the trainer may stay unreachable (e.g. restarting) before following fails. */
  readonly recoveryMs: number;
  /** First pause before watching again; doubles up to 5 s. */
  readonly retryDelayMs?: number;
}

/**
 * Follows a trainer run with WatchRun until it is terminal and returns its last snapshot;
 * undefined when the signal aborts first. A watch that breaks (the trainer restarting, which
 * resumes its runs by itself) is opened again with a fresh snapshot, for up to `recoveryMs` of
 * consecutive failures.
 */
export async function followRun(trainer: TrainerCalls, runId: string, observer: RunObserver, signal: AbortSignal, options: FollowOptions): Promise<Run | undefined> {
  const firstDelayMs = options.retryDelayMs ?? 500;
  let failingSince: number | undefined;
  let delayMs = firstDelayMs;
  for (;;) {
    let last: Run | undefined;
    try {
      await trainer.watchRun(
        runId,
        (event) => {
          failingSince = undefined;
          delayMs = firstDelayMs;
          const e = event.event;
          if (e?.$case === 'stateChanged' && e.value.run !== undefined) {
            last = e.value.run;
            observer.snapshot(last);
          } else if (e?.$case === 'progress') observer.update(e.value);
        },
        signal,
      );
      if (last !== undefined && isTerminalRun(last)) return last;
      // The stream ended without a terminal snapshot: ask directly before watching again.
      const run = await trainer.getRun(runId, signal);
      if (isTerminalRun(run)) {
        observer.snapshot(run);
        return run;
      }
    } catch (err) {
      if (signal.aborted) return undefined;
      const code = grpcCode(err);
      if (code !== undefined && PERMANENT.has(code)) throw err;
      failingSince ??= Date.now();
      if (Date.now() - failingSince > options.recoveryMs) {
        throw new Error(`lost the trainer while following run ${runId} for more than ${Math.round(options.recoveryMs / 1000)} s: ${describeCallError(err)}`);
      }
    }
    if (signal.aborted) return undefined;
    await abortableSleep(delayMs, signal);
    delayMs = Math.min(delayMs * 2, 5000);
    if (signal.aborted) return undefined;
  }
}
