import type { WatchRunResponse } from '@swirl/proto';

/** The event part of a WatchRunResponse (one of its oneof cases). */
export type RunEvent = NonNullable<WatchRunResponse['event']>;

/** Events of the last this many sequence numbers are retained for resuming watchers (trainer.proto). */
export const RETAINED_EVENTS = 10_000;

/**
 * The numbered events of one run: appended by the run's execution, replayed to watchers that
 * reconnect with `after_sequence`, pushed to live watchers. Sequence numbers start at 1 and grow
 * by one per event; only the newest `retention` events are kept.
 */
export class RunEventLog {
  private readonly events: WatchRunResponse[] = [];
  private readonly listeners = new Set<(event: WatchRunResponse) => void>();
  private latest = 0;

  constructor(private readonly retention = RETAINED_EVENTS) {}

  /** Sequence number of the newest event, 0 before the first. */
  get latestSequence(): number {
    return this.latest;
  }

  /** Oldest sequence number still retained (latest + 1 when empty). */
  get oldestRetained(): number {
    return this.events[0]?.sequence ?? this.latest + 1;
  }

  append(event: RunEvent, at = new Date()): WatchRunResponse {
    const message: WatchRunResponse = { sequence: ++this.latest, eventTime: at, event };
    this.events.push(message);
    if (this.events.length > this.retention) this.events.splice(0, this.events.length - this.retention);
    for (const listener of this.listeners) listener(message);
    return message;
  }

  /**
   * Events after `sequence`, oldest first; `undefined` when some of them are no longer retained
   * or `sequence` is ahead of the log (e.g. from before a trainer restart).
   */
  after(sequence: number): WatchRunResponse[] | undefined {
    if (sequence > this.latest || sequence + 1 < this.oldestRetained) return undefined;
    return this.events.filter((e) => e.sequence > sequence);
  }

  /** Calls `listener` for every event appended from now on; returns the unsubscribe function. */
  subscribe(listener: (event: WatchRunResponse) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
