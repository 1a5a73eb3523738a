import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/**
 * What the engine records. Structural, so the engine thread can record into a plain buffer
 * (see engine-thread-metrics.ts) while the server's registry holds the prom-client series.
 */
export interface EngineMetrics {
  readonly promptTokens: { inc(value?: number): void };
  readonly generatedTokens: { inc(value?: number): void };
  /** KV-cache positions decode steps attended over (rows x padded past length), and how many of them were padding. */
  readonly cachePositions: { inc(value?: number): void };
  readonly paddingPositions: { inc(value?: number): void };
  readonly batchSize: { observe(value: number): void };
  readonly stepSeconds: { observe(value: number): void };
  readonly queueDepth: { set(value: number): void };
  readonly timeToFirstToken: { observe(value: number): void };
  readonly interTokenLatency: { observe(value: number): void };
  /** Engine threads polling for a next request instead of sleeping (`--engine-idle-spin-ms`). */
  readonly idlePollSeconds: { inc(value?: number): void };
  readonly idlePolls: { inc(labels: { outcome: IdlePollOutcome }, value?: number): void };
}

/** How an idle poll ended: a message arrived, or the spin ran out and the thread slept. */
export type IdlePollOutcome = 'message' | 'expired';

/** Domain series of the inference service, in the server's registry. */
export function createEngineMetrics(registry: Registry): EngineMetrics {
  return {
    promptTokens: new Counter({ name: 'swirl_inference_prompt_tokens_total', help: 'Prompt tokens prefilled.', registers: [registry] }),
    generatedTokens: new Counter({ name: 'swirl_inference_generated_tokens_total', help: 'Tokens generated.', registers: [registry] }),
    cachePositions: new Counter({
      name: 'swirl_inference_cache_positions_total',
      help: 'KV-cache positions the decode steps attended over: rows x the batch\'s cache length (left-padded past, plus the free columns an append-signature cache keeps ahead), summed over steps.',
      registers: [registry],
    }),
    paddingPositions: new Counter({
      name: 'swirl_inference_cache_padding_positions_total',
      help: 'Of swirl_inference_cache_positions_total, those holding no token (left padding of rows shorter than the longest, free columns): work a step spends on nothing.',
      registers: [registry],
    }),
    batchSize: new Histogram({
      name: 'swirl_inference_batch_size',
      help: 'Sequences per decode step.',
      buckets: [1, 2, 4, 8, 16, 32, 64],
      registers: [registry],
    }),
    stepSeconds: new Histogram({
      name: 'swirl_inference_decode_step_seconds',
      help: 'Time of one decode step of the whole batch (one forward pass; see inter_token_latency for what a sequence waits).',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers: [registry],
    }),
    timeToFirstToken: new Histogram({
      name: 'swirl_inference_time_to_first_token_seconds',
      help: 'From a request entering the queue to its first generated token.',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    interTokenLatency: new Histogram({
      name: 'swirl_inference_inter_token_latency_seconds',
      help: "Time between consecutive tokens of one sequence: a decode step plus what ran between (other requests' prefills, sampling).",
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers: [registry],
    }),
    idlePollSeconds: new Counter({
      name: 'swirl_inference_engine_idle_poll_seconds_total',
      help: 'Time engine threads spent polling for a next request after answering a lone sequence, instead of sleeping (--engine-idle-spin-ms): a core busy waiting.',
      registers: [registry],
    }),
    idlePolls: new Counter({
      name: 'swirl_inference_engine_idle_polls_total',
      help: 'Idle polls of engine threads, by outcome: message (the next request found the thread awake) or expired (it slept after --engine-idle-spin-ms).',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    queueDepth: new Gauge({ name: 'swirl_inference_queue_depth', help: 'Requests waiting for a place in a batch (all engine threads).', registers: [registry] }),
  };
}
