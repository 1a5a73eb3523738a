import { RunEventLog } from './run-event-log';

const progress = (update: number) => ({ $case: 'progress' as const, value: { update } as never });

describe('RunEventLog', () => {
  it('numbers events from 1 and replays those after a sequence number', () => {
    const log = new RunEventLog();
    expect(log.latestSequence).toBe(0);
    expect(log.after(0)).toEqual([]);
    for (let u = 1; u <= 3; u++) log.append(progress(u));
    expect(log.latestSequence).toBe(3);
    expect(log.after(1)!.map((e) => e.sequence)).toEqual([2, 3]);
    expect(log.after(3)).toEqual([]);
  });

  it('refuses a sequence number ahead of the log', () => {
    const log = new RunEventLog();
    log.append(progress(1));
    expect(log.after(2)).toBeUndefined();
  });

  it('keeps only the newest events and refuses to resume before them', () => {
    const log = new RunEventLog(3);
    for (let u = 1; u <= 5; u++) log.append(progress(u));
    expect(log.oldestRetained).toBe(3);
    expect(log.after(2)!.map((e) => e.sequence)).toEqual([3, 4, 5]);
    expect(log.after(1)).toBeUndefined();
  });

  it('pushes new events to subscribers until they unsubscribe', () => {
    const log = new RunEventLog();
    const seen: number[] = [];
    const unsubscribe = log.subscribe((e) => seen.push(e.sequence));
    log.append(progress(1));
    log.append(progress(2));
    unsubscribe();
    log.append(progress(3));
    expect(seen).toEqual([1, 2]);
  });
});
