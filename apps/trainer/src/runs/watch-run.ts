import { status } from '@grpc/grpc-js';
import { GrpcStatusError } from '@swirl/grpc-kit';
import { RunState, type Run, type WatchRunResponse } from '@swirl/proto';
import type { RunEventLog } from './run-event-log';

const TERMINAL = new Set([RunState.RUN_STATE_SUCCEEDED, RunState.RUN_STATE_FAILED, RunState.RUN_STATE_CANCELLED]);

export function isTerminalState(state: RunState): boolean {
  return TERMINAL.has(state);
}

function isFinalEvent(event: WatchRunResponse): boolean {
  return event.event?.$case === 'stateChanged' && isTerminalState(event.event.value.run!.state);
}

/**
 * WatchRun: a snapshot (or, with `afterSequence`, the retained events after it), then live
 * events until the run is terminal or the caller goes away. Subscribes before reading, so no
 * event falls between the backlog and the live stream.
 */
export async function watchRun(
  log: RunEventLog,
  afterSequence: number,
  snapshot: () => Promise<Run>,
  emit: (event: WatchRunResponse) => void,
  signal: AbortSignal,
): Promise<void> {
  const queue: WatchRunResponse[] = [];
  let wake: (() => void) | undefined;
  const unsubscribe = log.subscribe((event) => {
    queue.push(event);
    wake?.();
  });
  const onAbort = () => wake?.();
  signal.addEventListener('abort', onAbort);
  try {
    let cursor: number;
    if (afterSequence === 0) {
      cursor = log.latestSequence;
      const run = await snapshot();
      emit({ sequence: cursor, eventTime: new Date(), event: { $case: 'stateChanged', value: { run } } });
      if (isTerminalState(run.state)) return;
    } else {
      const backlog = log.after(afterSequence);
      if (backlog === undefined) {
        throw new GrpcStatusError(
          status.OUT_OF_RANGE,
          `after_sequence ${afterSequence} is outside the retained events ${log.oldestRetained}..${log.latestSequence} of this run (older events are dropped, and numbering restarts when the trainer restarts); watch again with after_sequence 0 for a snapshot`,
        );
      }
      cursor = afterSequence;
      for (const event of backlog) {
        emit(event);
        cursor = event.sequence;
        if (isFinalEvent(event)) return;
      }
      if (isTerminalState((await snapshot()).state)) return;
    }
    for (;;) {
      while (queue.length > 0) {
        const event = queue.shift()!;
        if (event.sequence <= cursor) continue;
        emit(event);
        cursor = event.sequence;
        if (isFinalEvent(event)) return;
      }
      if (signal.aborted) return;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    unsubscribe();
    signal.removeEventListener('abort', onAbort);
  }
}
