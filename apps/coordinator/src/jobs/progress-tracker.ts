import type { Logger } from '@swirl/grpc-kit';
import type { JobProgress, JobStore } from '@swirl/store';

/** A job's progress as WatchJob shows it (the store keeps stage and counts; unit and counters are live). */
export interface ProgressSnapshot {
  readonly stage: string;
  readonly unit: string;
  readonly completed: number;
  readonly total: number;
  readonly failed: number;
  readonly counters: Readonly<Record<string, number>>;
  /** Milliseconds since the job started running (in this process, including resumed work). */
  readonly elapsedMs: number;
  /** Estimated milliseconds left in the stage; undefined when unknown. */
  readonly etaMs: number | undefined;
}

/**
 * Live progress of one running job. Counts are written through to the store (one small
 * transaction per change, so a restarted coordinator shows where the job was) and every change
 * is announced to watchers. Store writes are chained so they land in order.
 */
export class ProgressTracker {
  private stage = '';
  private unit = '';
  private completed = 0;
  private total = 0;
  private failed = 0;
  private counters = new Map<string, number>();
  private readonly startedMs = Date.now();
  private stageStartedMs = Date.now();
  /** Units already done when the stage (re)started in this process: excluded from the ETA rate. */
  private stageBaseline = 0;
  private writes: Promise<unknown> = Promise.resolve();

  /**
   * @param stored the progress the store holds (a resumed job's): within its stage the store
   *   only lets counts grow, so writes wait until the live counts have caught up with it.
   */
  constructor(
    private readonly jobId: string,
    private readonly store: Pick<JobStore, 'updateJobProgress'>,
    private readonly onChange: () => void,
    private readonly logger: Logger,
    private stored: JobProgress,
  ) {}

  /** Starts a stage; `completed`/`failed` carry work already done before a restart. */
  startStage(stage: string, unit: string, total: number, done: { completed?: number; failed?: number } = {}): void {
    this.stage = stage;
    this.unit = unit;
    this.total = total;
    this.completed = done.completed ?? 0;
    this.failed = done.failed ?? 0;
    this.counters = new Map();
    this.stageStartedMs = Date.now();
    this.stageBaseline = this.completed + this.failed;
    this.changed();
  }

  advance(delta: { completed?: number; failed?: number }): void {
    this.completed += delta.completed ?? 0;
    this.failed += delta.failed ?? 0;
    this.changed();
  }

  /** Adds to a live counter (lower_snake_case). */
  count(key: string, delta = 1): void {
    this.counters.set(key, (this.counters.get(key) ?? 0) + delta);
    this.onChange();
  }

  setCounter(key: string, value: number): void {
    this.counters.set(key, value);
    this.onChange();
  }

  snapshot(): ProgressSnapshot {
    const now = Date.now();
    const doneHere = this.completed + this.failed - this.stageBaseline;
    const left = this.total - this.completed - this.failed;
    const etaMs = this.total > 0 && doneHere > 0 ? ((now - this.stageStartedMs) / doneHere) * Math.max(0, left) : undefined;
    return {
      stage: this.stage,
      unit: this.unit,
      completed: this.completed,
      total: this.total,
      failed: this.failed,
      counters: Object.fromEntries(this.counters),
      elapsedMs: now - this.startedMs,
      etaMs,
    };
  }

  /** Resolves when every progress write so far has reached the store. */
  flushed(): Promise<void> {
    return this.writes.then(() => undefined);
  }

  private changed(): void {
    const progress = { stage: this.stage, done: this.completed, total: this.total, failed: this.failed };
    const behind = progress.stage === this.stored.stage && (progress.done < this.stored.done || progress.failed < this.stored.failed);
    if (!behind) {
      this.stored = progress;
      this.writes = this.writes.then(() => this.store.updateJobProgress(this.jobId, progress)).catch((err: unknown) => this.logger.warn('progress not stored', { jobId: this.jobId, err }));
    }
    this.onChange();
  }
}
