import { status } from '@grpc/grpc-js';
import { Registry } from 'prom-client';
import { createEngineMetrics } from './engine-metrics';
import { EngineMetricsSink } from './engine-thread-metrics';
import { EngineThread } from './engine-thread';
import { GenerationEngine } from './generation-engine';
import type { GenerationRequest, TokenEvent } from './generation-request';
import { loadOnnxDecoder, type OnnxDecoder } from '../model/onnx-decoder';
import { readReference, tinyDecoderDir } from '../testing/tiny-decoder.test-support';

const LIMITS = { maxBatchSize: 4, maxQueued: 4, joinHoldSteps: 0, regroupWaitMs: 0 };

/** A real worker thread with a real onnxruntime session, against the same engine run in this thread. */
describe('EngineThread (tiny decoder, real onnxruntime in a worker thread)', () => {
  let dir: string;
  let decoder: OnnxDecoder;
  let registry: Registry;
  let thread: EngineThread;
  const request = (over: Partial<GenerationRequest> = {}): GenerationRequest => ({
    promptIds: readReference(dir).prompt_token_ids[0]!,
    sampling: { temperature: 1, topK: 0, topP: 1 },
    seed: 5n,
    numSamples: 2,
    maxNewTokens: 12,
    stopSequences: [],
    ignoreEos: true,
    signal: new AbortController().signal,
    ...over,
  });
  const metric = async (name: string) => (await registry.getSingleMetric(name)!.get()).values;

  beforeAll(async () => {
    dir = tinyDecoderDir();
    decoder = await loadOnnxDecoder(dir, { intraOpThreads: 1 });
    registry = new Registry();
    thread = await EngineThread.start(dir, { intraOpThreads: 1 }, LIMITS, new EngineMetricsSink(createEngineMetrics(registry)));
  }, 60_000);
  afterAll(async () => {
    await thread?.close();
    await decoder?.session.release();
  });

  it('generates what the engine generates in this thread: tokens, log-probs, text, reasons', async () => {
    const local = new GenerationEngine(decoder, decoder.tokenizer, LIMITS, createEngineMetrics(new Registry()));
    for (const over of [{}, { sampling: { temperature: 0, topK: 0, topP: 1 }, numSamples: 1 }, { ignoreEos: false, maxNewTokens: 40 }]) {
      const here = await local.generate(request(over));
      const there = await thread.generate(request(over));
      expect(there.sequences.map((s) => [s.tokenIds, s.logprobs, s.text, s.finishReason, s.seed])).toEqual(here.sequences.map((s) => [[...s.tokenIds], [...s.logprobs], s.text, s.finishReason, s.seed]));
    }
  });

  it('streams every token before the result, and reports metrics to this thread', async () => {
    const before = (await metric('swirl_inference_generated_tokens_total'))[0]?.value ?? 0;
    const gaps = async () => (await metric('swirl_inference_inter_token_latency_seconds')).find((v) => (v as { metricName?: string }).metricName === 'swirl_inference_inter_token_latency_seconds_count')?.value ?? 0;
    const gapsBefore = await gaps();
    const events: TokenEvent[] = [];
    const result = await thread.generate(request({ onToken: (e) => events.push(e) }));
    for (const s of result.sequences) expect(events.filter((e) => e.sampleIndex === s.index).map((e) => e.tokenId)).toEqual(s.tokenIds);
    expect((await metric('swirl_inference_generated_tokens_total'))[0]!.value - before).toBe(24);
    // Two samples of 12 tokens: 11 gaps each.
    expect((await gaps()) - gapsBefore).toBe(22);
    expect((await metric('swirl_inference_queue_depth'))[0]!.value).toBe(0);
  });

  it('scores continuations with the log-probs generation reported', async () => {
    const gen = await thread.generate(request());
    const prefix = request().promptIds;
    const scored = await thread.score(gen.sequences.map((s) => ({ prefix, continuation: s.tokenIds })), 4);
    scored.forEach((lps, i) => lps.forEach((lp, k) => expect(Math.abs(lp - gen.sequences[i]!.logprobs[k]!)).toBeLessThanOrEqual(1e-4)));
  });

  it('a cancelled request fails with its own abort reason and frees its rows', async () => {
    const controller = new AbortController();
    const reason = new Error('client went away');
    const running = thread.generate(request({ maxNewTokens: 2000, signal: controller.signal, onToken: () => controller.abort(reason) }));
    await expect(running).rejects.toBe(reason);
    expect(thread.load).toBe(0);
    await expect(thread.generate(request())).resolves.toBeDefined();
  });

  it('engine errors cross the thread with their gRPC status', async () => {
    await expect(thread.generate(request({ numSamples: 9 }))).rejects.toMatchObject({ code: status.RESOURCE_EXHAUSTED, details: expect.stringContaining('exceeds the batch size 4') });
    // Requests long enough that the batch (2 of them) and the queue (4) stay full while the rest
    // arrive, however the thread interleaves their messages; then all are cancelled.
    const controllers = Array.from({ length: 12 }, () => new AbortController());
    const flood = controllers.map((c) => thread.generate(request({ maxNewTokens: 100_000, signal: c.signal })).then(() => 'finished', (e: { code?: number }) => e.code ?? 'cancelled'));
    await new Promise((r) => setTimeout(r, 200));
    for (const c of controllers) c.abort(new Error('flood over'));
    const outcomes = await Promise.all(flood);
    expect(outcomes.filter((o) => o === status.RESOURCE_EXHAUSTED).length).toBeGreaterThanOrEqual(5);
    // Accepted: one request or two in the batch and four queued (finished or cancelled by now).
    expect(outcomes.filter((o) => o === 'finished' || o === 'cancelled').length).toBeGreaterThanOrEqual(5);
    expect(thread.load).toBe(0);
  });

  it('a directory that cannot load rejects start with the load error', async () => {
    await expect(EngineThread.start('/nonexistent/model', {}, LIMITS, new EngineMetricsSink(createEngineMetrics(new Registry())))).rejects.toThrow('/nonexistent/model has no model.onnx');
  });

  it('a thread that dies fails later calls with UNAVAILABLE, and closing it still returns', async () => {
    const other = await EngineThread.start(dir, { intraOpThreads: 1 }, LIMITS, new EngineMetricsSink(createEngineMetrics(new Registry())));
    await expect(other.generate(request())).resolves.toBeDefined();
    // Stopped from outside while idle (safe between forward passes), as a crash would stop it.
    await other['worker'].terminate();
    await expect(other.generate(request())).rejects.toMatchObject({ code: status.UNAVAILABLE, details: expect.stringContaining('stopped (exit code 1); reload the model') });
    await expect(other.close()).resolves.toBeUndefined();
  });

  it('closing mid-request fails it with UNAVAILABLE, and the thread refuses later calls', async () => {
    const other = await EngineThread.start(dir, { intraOpThreads: 1 }, LIMITS, new EngineMetricsSink(createEngineMetrics(new Registry())));
    let first!: () => void;
    const started = new Promise<void>((r) => (first = r));
    const running = other.generate(request({ maxNewTokens: 2000, onToken: () => first() })).then(() => 'finished', (e: unknown) => e);
    await started;
    await other.close();
    expect(await running).toMatchObject({ code: status.UNAVAILABLE, details: expect.stringContaining('unloaded while this request ran') });
    await expect(other.generate(request())).rejects.toMatchObject({ code: status.UNAVAILABLE });
  });

  it('with idleSpinMs, a thread that answered a lone sequence polls for the next request (served as usual, counted, closes from the poll); after a batch it sleeps', async () => {
    const polled = new Registry();
    const spinning = await EngineThread.start(dir, { intraOpThreads: 1 }, { ...LIMITS, idleSpinMs: 1500 }, new EngineMetricsSink(createEngineMetrics(polled)));
    const lone = (over: Partial<GenerationRequest> = {}) => request({ numSamples: 1, ...over });
    /** CPU milliseconds this process (the thread is in it) used while sending nothing for 1.7 s. */
    const cpuWhileIdle = async () => {
      const cpu = process.cpuUsage();
      await new Promise((r) => setTimeout(r, 1700));
      const used = process.cpuUsage(cpu);
      return (used.user + used.system) / 1000;
    };
    // A failed expectation must still end the thread, or Jest waits for it forever.
    try {
      const local = new GenerationEngine(decoder, decoder.tokenizer, LIMITS, createEngineMetrics(new Registry()));
      // Each call follows the last answer at once, so it reaches the thread while it polls.
      const here = await local.generate(lone());
      for (let i = 0; i < 3; i++) expect((await spinning.generate(lone())).sequences.map((s) => s.tokenIds)).toEqual(here.sequences.map((s) => [...s.tokenIds]));
      const events: TokenEvent[] = [];
      const streamed = await spinning.generate(lone({ onToken: (e) => events.push(e) }));
      expect(events.map((e) => e.tokenId)).toEqual(streamed.sequences[0]!.tokenIds);
      const scored = await spinning.score([{ prefix: request().promptIds, continuation: streamed.sequences[0]!.tokenIds }], 4);
      scored[0]!.forEach((lp, k) => expect(Math.abs(lp - streamed.sequences[0]!.logprobs[k]!)).toBeLessThanOrEqual(1e-4));
      const controller = new AbortController();
      const reason = new Error('cancelled while the thread polled');
      const cancelled = spinning.generate(lone({ maxNewTokens: 2000, signal: controller.signal, onToken: () => controller.abort(reason) }));
      await expect(cancelled).rejects.toBe(reason);
      await spinning.generate(lone());
      // It polled: for most of the idle time this process used a core; a sleeping thread uses next to none.
      expect(await cpuWhileIdle()).toBeGreaterThan(450);
      // A request of two samples is a batch: the thread sleeps as soon as it has answered.
      expect((await spinning.generate(request({ numSamples: 2 }))).sequences).toHaveLength(2);
      expect(await cpuWhileIdle()).toBeLessThan(200);
      // So are two lone requests at once, answered one after the other (the last reply decides).
      const pair = [lone(), lone()]; // built first: request() reads the reference file
      const both = await Promise.all(pair.map((r) => spinning.generate(r)));
      expect(both.map((r) => r.sequences[0]!.tokenIds)).toEqual([here.sequences[0]!.tokenIds, here.sequences[0]!.tokenIds]);
      expect(await cpuWhileIdle()).toBeLessThan(200);
      const polls = (await polled.getSingleMetric('swirl_inference_engine_idle_polls_total')!.get()).values;
      // Six requests found it polling (after the first), one poll ran out (the first idle wait).
      expect(Object.fromEntries(polls.map((v) => [v.labels['outcome'], v.value]))).toEqual({ message: 6, expired: 1 });
      const pollSeconds = (await polled.getSingleMetric('swirl_inference_engine_idle_poll_seconds_total')!.get()).values[0]!.value;
      expect(pollSeconds).toBeGreaterThanOrEqual(1.5);
      expect(pollSeconds).toBeLessThan(2.5);
      await spinning.generate(lone());
    } finally {
      await spinning.close();
    }
  }, 30_000);
});
