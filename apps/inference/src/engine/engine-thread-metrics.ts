import type { EngineMetrics, IdlePollOutcome } from './engine-metrics';

/** Metric updates an engine thread made since its last report. */
export interface MetricsDelta {
  readonly promptTokens: number;
  readonly generatedTokens: number;
  readonly cachePositions: number;
  readonly paddingPositions: number;
  readonly batchSizes: number[];
  readonly stepSeconds: number[];
  readonly timeToFirstToken: number[];
  readonly interTokenLatency: number[];
  readonly idlePollSeconds: number;
  readonly idlePolls: Readonly<Record<IdlePollOutcome, number>>;
  /** The thread's queue length now (a gauge, not a delta). */
  readonly queueDepth: number;
}

/**
 * Inside an engine thread: records what the engine reports and hands it over in one message
 * now and then, instead of one message per token.
 */
export class MetricsRecorder {
  private promptTokens = 0;
  private generatedTokens = 0;
  private cachePositions = 0;
  private paddingPositions = 0;
  private batchSizes: number[] = [];
  private stepSeconds: number[] = [];
  private timeToFirstToken: number[] = [];
  private interTokenLatency: number[] = [];
  private idlePollSeconds = 0;
  private idlePolls: Record<IdlePollOutcome, number> = { message: 0, expired: 0 };
  private queueDepth = 0;
  private dirty = false;

  readonly metrics: EngineMetrics = {
    promptTokens: { inc: (v = 1) => void ((this.promptTokens += v), (this.dirty = true)) },
    generatedTokens: { inc: (v = 1) => void ((this.generatedTokens += v), (this.dirty = true)) },
    cachePositions: { inc: (v = 1) => void ((this.cachePositions += v), (this.dirty = true)) },
    paddingPositions: { inc: (v = 1) => void ((this.paddingPositions += v), (this.dirty = true)) },
    batchSize: { observe: (v) => void (this.batchSizes.push(v), (this.dirty = true)) },
    stepSeconds: { observe: (v) => void (this.stepSeconds.push(v), (this.dirty = true)) },
    timeToFirstToken: { observe: (v) => void (this.timeToFirstToken.push(v), (this.dirty = true)) },
    interTokenLatency: { observe: (v) => void (this.interTokenLatency.push(v), (this.dirty = true)) },
    idlePollSeconds: { inc: (v = 1) => void ((this.idlePollSeconds += v), (this.dirty = true)) },
    idlePolls: { inc: ({ outcome }, v = 1) => void ((this.idlePolls[outcome] += v), (this.dirty = true)) },
    queueDepth: { set: (v) => void ((this.queueDepth = v), (this.dirty = true)) },
  };

  /** What changed since the last call; undefined when nothing did. */
  take(): MetricsDelta | undefined {
    if (!this.dirty) return undefined;
    const delta: MetricsDelta = {
      promptTokens: this.promptTokens,
      generatedTokens: this.generatedTokens,
      cachePositions: this.cachePositions,
      paddingPositions: this.paddingPositions,
      batchSizes: this.batchSizes,
      stepSeconds: this.stepSeconds,
      timeToFirstToken: this.timeToFirstToken,
      interTokenLatency: this.interTokenLatency,
      idlePollSeconds: this.idlePollSeconds,
      idlePolls: this.idlePolls,
      queueDepth: this.queueDepth,
    };
    this.promptTokens = 0;
    this.generatedTokens = 0;
    this.cachePositions = 0;
    this.paddingPositions = 0;
    this.batchSizes = [];
    this.stepSeconds = [];
    this.timeToFirstToken = [];
    this.interTokenLatency = [];
    this.idlePollSeconds = 0;
    this.idlePolls = { message: 0, expired: 0 };
    this.dirty = false;
    return delta;
  }
}

/**
 * In the server thread: applies the reports of every engine thread to the registry's series.
 * The queue-depth gauge is the sum over live threads.
 */
export class EngineMetricsSink {
  private readonly queueDepths = new Map<number, number>();

  constructor(private readonly metrics: EngineMetrics) {}

  apply(threadId: number, delta: MetricsDelta): void {
    const m = this.metrics;
    if (delta.promptTokens > 0) m.promptTokens.inc(delta.promptTokens);
    if (delta.generatedTokens > 0) m.generatedTokens.inc(delta.generatedTokens);
    if (delta.cachePositions > 0) m.cachePositions.inc(delta.cachePositions);
    if (delta.paddingPositions > 0) m.paddingPositions.inc(delta.paddingPositions);
    for (const v of delta.batchSizes) m.batchSize.observe(v);
    for (const v of delta.stepSeconds) m.stepSeconds.observe(v);
    for (const v of delta.timeToFirstToken) m.timeToFirstToken.observe(v);
    for (const v of delta.interTokenLatency) m.interTokenLatency.observe(v);
    if (delta.idlePollSeconds > 0) m.idlePollSeconds.inc(delta.idlePollSeconds);
    for (const [outcome, n] of Object.entries(delta.idlePolls) as [IdlePollOutcome, number][]) if (n > 0) m.idlePolls.inc({ outcome }, n);
    this.queueDepths.set(threadId, delta.queueDepth);
    this.publishQueueDepth();
  }

  /** A thread that stopped waits for nothing any more. */
  forget(threadId: number): void {
    this.queueDepths.delete(threadId);
    this.publishQueueDepth();
  }

  private publishQueueDepth(): void {
    let sum = 0;
    for (const d of this.queueDepths.values()) sum += d;
    this.metrics.queueDepth.set(sum);
  }
}
