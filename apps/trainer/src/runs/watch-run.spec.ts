import { status } from '@grpc/grpc-js';
import { RunState, type Run, type WatchRunResponse } from '@swirl/proto';
import { RunEventLog } from './run-event-log';
import { watchRun } from './watch-run';

const run = (state: RunState) => ({ id: 'r', state }) as Run;
const stateEvent = (state: RunState) => ({ $case: 'stateChanged' as const, value: { run: run(state) } });
const progress = (update: number) => ({ $case: 'progress' as const, value: { update } as never });

describe('watchRun', () => {
  it('sends a snapshot, then live events, and ends after the terminal state', async () => {
    const log = new RunEventLog();
    log.append(stateEvent(RunState.RUN_STATE_PENDING));
    log.append(stateEvent(RunState.RUN_STATE_RUNNING));
    const seen: WatchRunResponse[] = [];
    const done = watchRun(log, 0, async () => run(RunState.RUN_STATE_RUNNING), (e) => seen.push(e), new AbortController().signal);
    await new Promise((r) => setImmediate(r));
    log.append(progress(1));
    log.append(stateEvent(RunState.RUN_STATE_SUCCEEDED));
    log.append(progress(99)); // after the end: never sent
    await done;
    expect(seen.map((e) => [e.sequence, e.event!.$case])).toEqual([[2, 'stateChanged'], [3, 'progress'], [4, 'stateChanged']]);
  });

  it('resumes after a sequence number without gaps or repeats', async () => {
    const log = new RunEventLog();
    for (let u = 1; u <= 3; u++) log.append(progress(u));
    log.append(stateEvent(RunState.RUN_STATE_CANCELLED));
    const seen: number[] = [];
    await watchRun(log, 2, async () => run(RunState.RUN_STATE_CANCELLED), (e) => seen.push(e.sequence), new AbortController().signal);
    expect(seen).toEqual([3, 4]);
  });

  it('ends at once after the snapshot of a finished run, and when the caller goes away', async () => {
    const log = new RunEventLog();
    log.append(stateEvent(RunState.RUN_STATE_FAILED));
    const seen: number[] = [];
    await watchRun(log, 0, async () => run(RunState.RUN_STATE_FAILED), (e) => seen.push(e.sequence), new AbortController().signal);
    expect(seen).toEqual([1]);
    const live = new RunEventLog();
    live.append(stateEvent(RunState.RUN_STATE_RUNNING));
    const controller = new AbortController();
    const watching = watchRun(live, 0, async () => run(RunState.RUN_STATE_RUNNING), () => undefined, controller.signal);
    controller.abort();
    await expect(watching).resolves.toBeUndefined();
  });

  it('refuses a sequence number it does not have with OUT_OF_RANGE', async () => {
    const log = new RunEventLog(2);
    for (let u = 1; u <= 5; u++) log.append(progress(u));
    const watch = (after: number) => watchRun(log, after, async () => run(RunState.RUN_STATE_RUNNING), () => undefined, new AbortController().signal);
    await expect(watch(1)).rejects.toMatchObject({ code: status.OUT_OF_RANGE });
    await expect(watch(9)).rejects.toMatchObject({ code: status.OUT_OF_RANGE });
  });
});
