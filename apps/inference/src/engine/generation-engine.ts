import { FinishReason } from '@swirl/proto/common';
import type { DecoderGraph } from '../model/decoder-graph';
import type { DecoderConfig } from '../model/model-config';
import { sampleToken } from '../sampling/sample-token';
import type { TextTokenizer } from '../tokenizer/text-tokenizer';
import { DecoderBatch } from './decoder-batch';
import { EngineFullError } from './engine-full-error';
import type { EngineMetrics } from './engine-metrics';
import { SequenceState } from './sequence-state';
import type { GenerationRequest, GenerationResult, TokenEvent } from './generation-request';

export interface EngineLimits {
  /** Sequences decoded together in one forward pass. */
  readonly maxBatchSize: number;
  /** Requests waiting for a place in the batch; one more gets RESOURCE_EXHAUSTED. */
  readonly maxQueued: number;
  /**
   * Decode steps queued requests may wait for a batch that is about to finish instead of joining
   * it (see `GenerationEngine.holdsQueue`); 0 joins at once.
   */
  readonly joinHoldSteps: number;
  /**
   * Milliseconds the first requests reaching an empty batch may wait for as many as completed in
   * the last that many milliseconds (see `GenerationEngine.regroup`); 0 admits at once.
   */
  readonly regroupWaitMs: number;
  /**
   * Milliseconds an engine thread that has just answered a lone sequence polls for the next
   * request before it sleeps (engine-thread-main.ts; the engine itself does not use it; the
   * service's `--engine-idle-spin-ms` sets 10). @default 0
   */
  readonly idleSpinMs?: number;
}

interface Pending {
  readonly request: GenerationRequest;
  readonly enqueuedAt: number;
  readonly resolve: (r: GenerationResult) => void;
  readonly reject: (e: unknown) => void;
}

interface Active {
  readonly pending: Pending;
  readonly sequences: SequenceState[];
  readonly startedAt: number;
  prefillMs: number;
  firstTokenAt: number | undefined;
}

/** One sequence in the batch. */
interface Row {
  readonly active: Active;
  readonly seq: SequenceState;
  /** When its newest token was sampled (performance.now()). */
  lastTokenAt: number;
}

/**
 * Continuous batching for one model version: requests queue, join the running batch between
 * decode steps (their prompts prefilled together), and leave as soon as they finish or are
 * cancelled. One loop per engine; it runs only while there is work.
 */
export class GenerationEngine {
  private readonly queue: Pending[] = [];
  private rows: Row[] = [];
  /** Requests between the queue and the batch while their prompts are prefilled. */
  private readonly joining: Pending[] = [];
  /** Each row's newest token: the input of the next decode step. */
  private lastTokens: number[] = [];
  private batch: DecoderBatch;
  private running = false;
  private idle: Promise<void> = Promise.resolve();
  /** When requests completed, the last `regroupWaitMs` only: how many to expect back. */
  private readonly completedAt: number[] = [];
  /** Wakes `regroup` when a request is queued. */
  private onQueued: (() => void) | undefined;

  constructor(
    private readonly graph: DecoderGraph,
    private readonly tokenizer: TextTokenizer,
    private readonly limits: EngineLimits,
    private readonly metrics: EngineMetrics,
  ) {
    this.batch = DecoderBatch.empty(graph);
  }

  get config(): DecoderConfig {
    return this.graph.config;
  }

  get queued(): number {
    return this.queue.length;
  }

  get activeRows(): number {
    return this.rows.length;
  }

  /** Resolves when no request is queued or running (used before releasing an old version). */
  drained(): Promise<void> {
    return this.idle;
  }

  generate(request: GenerationRequest): Promise<GenerationResult> {
    if (request.numSamples > this.limits.maxBatchSize) {
      return Promise.reject(new EngineFullError(`num_samples ${request.numSamples} exceeds the batch size ${this.limits.maxBatchSize}`));
    }
    if (this.queue.length >= this.limits.maxQueued) {
      return Promise.reject(new EngineFullError(`the generation queue is full (${this.limits.maxQueued} requests waiting); retry later`));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ request, enqueuedAt: performance.now(), resolve, reject });
      this.metrics.queueDepth.set(this.queue.length);
      this.onQueued?.();
      if (!this.running) {
        this.running = true;
        this.idle = this.loop();
      }
    });
  }

  private async loop(): Promise<void> {
    while (this.queue.length > 0 || this.rows.length > 0) {
      try {
        this.dropCancelled();
        // Checked here, not only inside: an async call costs a promise and a microtask turn on every step.
        if (this.rows.length === 0 && this.queue.length > 0 && this.limits.regroupWaitMs > 0) await this.regroup();
        if (this.queue.length > 0 && !this.holdsQueue()) await this.admit();
        if (this.rows.length > 0) await this.decodeStep();
      } catch (err) {
        this.failAll(err);
      }
    }
    // Cleared in the same synchronous run that found no work: a `.finally` would clear it a few
    // microtasks later, and a request queued in between (by a caller continuing straight from a
    // completed request) would find the loop "running" and wait forever.
    this.running = false;
  }

  private dropCancelled(): void {
    const queued = this.queue.length;
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const p = this.queue[i]!;
      if (p.request.signal.aborted) {
        this.queue.splice(i, 1);
        p.reject(p.request.signal.reason);
      }
    }
    if (this.queue.length !== queued) this.metrics.queueDepth.set(this.queue.length);
    for (const { active, seq } of this.rows) {
      if (!seq.finished && active.pending.request.signal.aborted) seq.finishReason = FinishReason.FINISH_REASON_CANCELLED;
    }
    this.retireFinished();
  }

  /**
   * Whether queued requests wait for the running rows to finish instead of joining them: true
   * when every row will have ended within `joinHoldSteps` steps (its token budget says so; EOS or
   * a stop sequence can only end it sooner). A request joining such a batch would be left-padded
   * to its longest row (every row pays for the longest past), and would run out of step with the
   * requests that arrive when these rows finish, so that their batch is padded for its whole run:
   * clients that send their next request when the last one returns (RL rollouts, the benchmark's
   * closed loop) then keep a batch ragged for good. Waiting costs a request at most
   * `joinHoldSteps` steps; it is then prefilled with whatever else has arrived.
   */
  private holdsQueue(): boolean {
    const hold = this.limits.joinHoldSteps;
    if (hold === 0 || this.rows.length === 0) return false;
    for (const { seq } of this.rows) if (seq.tokensLeft > hold) return false;
    return true;
  }

  /**
   * With the batch empty, waits until as many requests are queued as completed in the last
   * `regroupWaitMs`, for `regroupWaitMs` at most. Clients that send their next request as soon as
   * one returns come back a few milliseconds apart (each reply and request is its own gRPC call):
   * admitted as they come, the first would be prefilled alone and run steps ahead of the others,
   * which then join it left-padded; waiting prefills them together, in one forward pass, level.
   * A request with no recent completion to wait for (a single client, the first of a burst) is
   * admitted at once. A queued request cancelled meanwhile leaves when the wait ends.
   */
  private async regroup(): Promise<void> {
    const wait = this.limits.regroupWaitMs;
    const started = performance.now();
    this.forgetCompletionsBefore(started - wait);
    const expected = this.completedAt.length;
    // Each completion is expected back once.
    this.completedAt.length = 0;
    while (this.queue.length < expected) {
      const left = started + wait - performance.now();
      if (left <= 0) return;
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.onQueued = undefined;
          resolve();
        };
        const timer = setTimeout(wake, left);
        this.onQueued = wake;
      });
    }
  }

  private forgetCompletionsBefore(time: number): void {
    let old = 0;
    while (old < this.completedAt.length && this.completedAt[old]! < time) old++;
    if (old > 0) this.completedAt.splice(0, old);
  }

  /** Moves queued requests into the batch while there is room, prefilling their prompts together. */
  private async admit(): Promise<void> {
    const joining = this.joining;
    joining.length = 0;
    let room = this.limits.maxBatchSize - this.rows.length;
    while (this.queue.length > 0 && this.queue[0]!.request.numSamples <= room) {
      const p = this.queue.shift()!;
      room -= p.request.numSamples;
      joining.push(p);
    }
    this.metrics.queueDepth.set(this.queue.length);
    if (joining.length === 0) return;
    const started = performance.now();
    const { batch, logits } = await DecoderBatch.prefill(this.graph, joining.map((p) => p.request.promptIds));
    const prefillMs = performance.now() - started;
    const rowsOfPrompt: number[] = [];
    const newRows: Row[] = [];
    joining.forEach((pending, i) => {
      const req = pending.request;
      this.metrics.promptTokens.inc(req.promptIds.length);
      const active: Active = { pending, sequences: [], startedAt: started, prefillMs, firstTokenAt: undefined };
      for (let s = 0; s < req.numSamples; s++) {
        const seq = new SequenceState(s, req.seed + BigInt(s), req.sampling, req.maxNewTokens, req.stopSequences, this.config.eosTokenIds, req.ignoreEos, this.tokenizer);
        active.sequences.push(seq);
        newRows.push({ active, seq, lastTokenAt: 0 });
        rowsOfPrompt.push(i);
      }
    });
    const grown = batch.select(rowsOfPrompt);
    // First tokens come from the prefill logits of each row's prompt.
    const firstTokens = newRows.map(({ active, seq }, r) => this.sampleInto(active, seq, logits, rowsOfPrompt[r]!, grown.lengthOf(r) + 1));
    const sampledAt = performance.now();
    for (const row of newRows) row.lastTokenAt = sampledAt;
    this.batch = this.batch.merge(grown);
    this.rows.push(...newRows);
    this.lastTokens.push(...firstTokens);
    joining.length = 0;
    this.retireFinished();
  }

  private async decodeStep(): Promise<void> {
    const started = performance.now();
    this.countCachePositions();
    const logits = await this.batch.step(this.lastTokens);
    this.metrics.batchSize.observe(this.rows.length);
    this.metrics.stepSeconds.observe((performance.now() - started) / 1000);
    this.lastTokens = this.rows.map(({ active, seq }, r) => this.sampleInto(active, seq, logits, r, this.batch.lengthOf(r) + 1));
    // What each sequence waited for this token: the step, and whatever ran since its previous one.
    const sampledAt = performance.now();
    for (const row of this.rows) {
      this.metrics.interTokenLatency.observe((sampledAt - row.lastTokenAt) / 1000);
      row.lastTokenAt = sampledAt;
    }
    this.retireFinished();
  }

  /** What this step attends over: every row pays for the longest past (left padding) and any free cache columns. */
  private countCachePositions(): void {
    const rows = this.rows.length;
    let real = 0;
    for (let r = 0; r < rows; r++) real += this.batch.lengthOf(r);
    const positions = rows * this.batch.attended;
    this.metrics.cachePositions.inc(positions);
    this.metrics.paddingPositions.inc(positions - real);
  }

  /** Samples row `row` of `logits` into `seq`, reports the token to the request, returns it. */
  private sampleInto(active: Active, seq: SequenceState, logits: Float32Array, row: number, nextLength: number): number {
    const vocab = this.config.vocabSize;
    const { tokenId, logprob } = sampleToken(logits, row * vocab, vocab, seq.sampling, seq.random);
    const text = seq.accept(tokenId, logprob, this.config.maxPositions - nextLength);
    this.metrics.generatedTokens.inc();
    if (active.firstTokenAt === undefined) {
      active.firstTokenAt = performance.now();
      this.metrics.timeToFirstToken.observe((active.firstTokenAt - active.pending.enqueuedAt) / 1000);
    }
    const onToken = active.pending.request.onToken;
    if (onToken !== undefined) onToken({ sampleIndex: seq.index, tokenId, logprob, text } satisfies TokenEvent);
    return tokenId;
  }

  private retireFinished(): void {
    // Most steps finish no sequence: nothing to allocate or copy then.
    if (!this.rows.some((row) => row.seq.finished)) return;
    const keep: number[] = [];
    const done = new Set<Active>();
    this.rows.forEach(({ active, seq }, r) => {
      if (seq.finished) done.add(active);
      else keep.push(r);
    });
    if (keep.length !== this.rows.length) {
      this.batch = this.batch.select(keep);
      this.lastTokens = keep.map((r) => this.lastTokens[r]!);
      this.rows = keep.map((r) => this.rows[r]!);
    }
    for (const active of done) if (active.sequences.every((s) => s.finished)) this.complete(active);
  }

  private complete(active: Active): void {
    const req = active.pending.request;
    if (req.signal.aborted && active.sequences.some((s) => s.finishReason === FinishReason.FINISH_REASON_CANCELLED)) {
      active.pending.reject(req.signal.reason);
      return;
    }
    const now = performance.now();
    if (this.limits.regroupWaitMs > 0) {
      this.forgetCompletionsBefore(now - this.limits.regroupWaitMs);
      this.completedAt.push(now);
    }
    active.pending.resolve({
      sequences: active.sequences,
      timings: {
        queueMs: active.startedAt - active.pending.enqueuedAt,
        prefillMs: active.prefillMs,
        decodeMs: now - active.startedAt - active.prefillMs,
        timeToFirstTokenMs: (active.firstTokenAt ?? now) - active.pending.enqueuedAt,
        totalMs: now - active.pending.enqueuedAt,
      },
    });
  }

  /** A failed step fails every request the engine holds, wherever it is: none may hang. */
  private failAll(err: unknown): void {
    for (const { active } of this.rows) active.pending.reject(err);
    for (const p of this.queue) p.reject(err);
    for (const p of this.joining) p.reject(err);
    this.joining.length = 0;
    this.rows = [];
    this.queue.length = 0;
    this.lastTokens = [];
    this.batch = DecoderBatch.empty(this.graph);
  }
}
