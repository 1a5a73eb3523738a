import { deadlineExceeded, resourceExhausted } from '../status-error';

export interface ConcurrencyLimiterOptions {
  /** Calls running at once. */
  readonly maxConcurrent: number;
  /** Calls waiting for a slot; one more is refused with RESOURCE_EXHAUSTED rather than queued without bound. */
  readonly maxQueued: number;
}

/**
 * A counting semaphore with a bounded queue. A waiter whose call is cancelled (or whose
 * deadline passes) leaves the queue at once, so abandoned calls never hold or wait for slots.
 */
export class ConcurrencyLimiter {
  private running = 0;
  private readonly queue: (() => void)[] = [];

  constructor(
    readonly name: string,
    private readonly options: ConcurrencyLimiterOptions,
  ) {}

  get inFlight(): number {
    return this.running;
  }

  get waiting(): number {
    return this.queue.length;
  }

  async run<T>(signal: AbortSignal, fn: () => Promise<T>): Promise<T> {
    await this.acquire(signal);
    try {
      return await fn();
    } finally {
      this.release();
    }
  }

  private acquire(signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.reject(deadlineExceeded(`${this.name}: call ended before it started`));
    if (this.running < this.options.maxConcurrent) {
      this.running++;
      return Promise.resolve();
    }
    if (this.queue.length >= this.options.maxQueued) {
      return Promise.reject(
        resourceExhausted(`${this.name} is at its concurrency limit (${this.options.maxConcurrent} running, ${this.queue.length} queued); retry later`),
      );
    }
    return new Promise<void>((resolve, reject) => {
      const grant = () => {
        signal.removeEventListener('abort', onAbort);
        this.running++;
        resolve();
      };
      const onAbort = () => {
        const i = this.queue.indexOf(grant);
        if (i !== -1) this.queue.splice(i, 1);
        reject(deadlineExceeded(`${this.name}: call ended while waiting for a free slot`));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.queue.push(grant);
    });
  }

  private release(): void {
    this.running--;
    this.queue.shift()?.();
  }
}
