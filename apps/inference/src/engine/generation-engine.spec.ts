import { Registry } from 'prom-client';
import { createEngineMetrics, type EngineMetrics } from './engine-metrics';
import { MetricsRecorder } from './engine-thread-metrics';
import { GenerationEngine, type EngineLimits } from './generation-engine';
import type { GenerationRequest, GenerationResult } from './generation-request';
import { loadOnnxDecoder, type OnnxDecoder } from '../model/onnx-decoder';
import { readReference, tinyDecoderDir } from '../testing/tiny-decoder.test-support';

/** A greedy request for `maxNewTokens` tokens that ignores end-of-sequence. */
function greedy(promptIds: number[], maxNewTokens: number, signal = new AbortController().signal, onToken?: GenerationRequest['onToken']): GenerationRequest {
  return { promptIds, sampling: { temperature: 0, topK: 0, topP: 1 }, seed: 0n, numSamples: 1, maxNewTokens, stopSequences: [], ignoreEos: true, signal, onToken };
}

describe('GenerationEngine (tiny decoder, real onnxruntime)', () => {
  let decoder: OnnxDecoder;
  beforeAll(async () => {
    decoder = await loadOnnxDecoder(tinyDecoderDir(), { intraOpThreads: 1 });
  }, 60_000);
  afterAll(() => decoder?.session.release());
  /** An engine on the tiny decoder: batch 4, queue 8, holding and regrouping off unless `limits` say otherwise. */
  const engineWith = (limits: Partial<EngineLimits>, metrics: EngineMetrics = createEngineMetrics(new Registry())) =>
    new GenerationEngine(decoder, decoder.tokenizer, { maxBatchSize: 4, maxQueued: 8, joinHoldSteps: 0, regroupWaitMs: 0, ...limits }, metrics);

  it('serves a request queued by a caller continuing straight from the last completed one', async () => {
    // Regression: the loop used to mark itself idle a few microtasks after it ran out of work,
    // so a request queued in between waited forever.
    const engine = engineWith({});
    const request = () => greedy(readReference(tinyDecoderDir()).prompt_token_ids[0]!, 3);
    // Awaited directly (no extra promise between): a hang shows as this test's timeout.
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all([request(), request(), request()].map((r) => engine.generate(r)));
      expect(results.map((r) => r.sequences[0]!.tokenIds.length)).toEqual([3, 3, 3]);
    }
  }, 20_000);

  it('reports an inter-token latency per token after each first one, including prefills that ran in between', async () => {
    const recorder = new MetricsRecorder();
    const engine = engineWith({}, recorder.metrics);
    const prompt = readReference(tinyDecoderDir()).prompt_token_ids[0]!;
    // A second request with a long prompt arrives after the first one's 5th token: its prefill runs
    // between two of the first one's tokens.
    let tokens = 0;
    let second: Promise<GenerationResult> | undefined;
    const longPrompt = Array.from({ length: 200 }, (_, i) => prompt[i % prompt.length]!);
    const first = await engine.generate(greedy(prompt, 30, undefined, () => void (++tokens === 5 && (second = engine.generate(greedy(longPrompt, 10))))));
    const late = await second!;
    const { interTokenLatency } = recorder.take()!;
    expect(interTokenLatency).toHaveLength(29 + 9);
    // The first request's token after the second one joined waited for that whole prefill.
    expect(Math.max(...interTokenLatency)).toBeGreaterThanOrEqual(late.timings.prefillMs / 1000);
    expect(first.sequences[0]!.tokenIds).toHaveLength(30);
  }, 20_000);

  it('takes requests cancelled while queued off the queue-depth gauge at once, while another request runs', async () => {
    const recorder = new MetricsRecorder();
    const engine = engineWith({ maxBatchSize: 1 }, recorder.metrics);
    const prompt = readReference(tinyDecoderDir()).prompt_token_ids[0]!;
    const cancel = new AbortController();
    const depths: number[] = [];
    let token = 0;
    let queued: Promise<unknown>[] = [];
    const running = engine.generate(
      greedy(prompt, 40, undefined, () => {
        token++;
        // Two requests wait behind the one batch slot; both are cancelled at the 5th token.
        if (token === 2) queued = [engine.generate(greedy(prompt, 3, cancel.signal)), engine.generate(greedy(prompt, 3, cancel.signal))].map((p) => p.catch((e: unknown) => e));
        if (token === 5) cancel.abort(new Error('client went away'));
        if (token === 3 || token === 10) depths.push(recorder.take()!.queueDepth);
      }),
    );
    await running;
    expect((await Promise.all(queued)).map((e) => (e as Error).message)).toEqual(['client went away', 'client went away']);
    // Queued at token 3; gone by token 10 although the batch never had room for them.
    expect(depths).toEqual([2, 0]);
  }, 20_000);

  /**
   * Runs a request for `budget` tokens; after its first token a second request arrives. Returns
   * what happened, in order: the first one's completion and the second one's first token.
   */
  async function secondArrivesAfterFirstToken(joinHoldSteps: number, budget: number): Promise<string[]> {
    const engine = engineWith({ joinHoldSteps });
    const prompt = readReference(tinyDecoderDir()).prompt_token_ids[0]!;
    const events: string[] = [];
    let second: Promise<GenerationResult> | undefined;
    const onSecondToken = () => void (events.includes('second: first token') || events.push('second: first token'));
    const first = engine.generate(greedy(prompt, budget, undefined, () => void (second ??= engine.generate(greedy(prompt.slice(0, 5), 3, undefined, onSecondToken)))));
    await first.then(() => events.push('first: done'));
    await second;
    return events;
  }

  it('holds a request back while every running sequence ends within joinHoldSteps, then starts it', async () => {
    // 6 tokens, 5 left when the second arrives: within 8, so it waits for the first to finish.
    expect(await secondArrivesAfterFirstToken(8, 6)).toEqual(['first: done', 'second: first token']);
    // The same arrival with holding off joins at once.
    expect(await secondArrivesAfterFirstToken(0, 6)).toEqual(['second: first token', 'first: done']);
    // A running sequence with more than 8 tokens left to go: joining at once.
    expect(await secondArrivesAfterFirstToken(8, 12)).toEqual(['second: first token', 'first: done']);
  }, 20_000);

  it.each([
    // A (10 prompt tokens) is prefilled alone and takes one step (past 10); B (4) joins it at past
    // 11, left-padded by 7, for three steps (past 11, 12, 13: A's 3rd-5th tokens); A leaves, the
    // padding is trimmed, and B's last step runs alone over its own 7. Real tokens attended:
    // 10 + (11 + 4) + (12 + 5) + (13 + 6) + 7 = 68.
    { cacheOutputs: 'present' as const, positions: 10 + 2 * 11 + 2 * 12 + 2 * 13 + 7, padding: 3 * 7 },
    // The same with 16 free columns after every new layout (prefill+select 10 -> 26, merge at
    // 11 -> 27, select after A leaves 7 -> 23); 3 steps of 2 rows at 27 stay within it.
    { cacheOutputs: 'new' as const, positions: 26 + 3 * 2 * 27 + 23, padding: 26 + 3 * 2 * 27 + 23 - 68 },
  ])('counts the cache positions each decode step attends over, and the empty ones among them ($cacheOutputs cache)', async ({ cacheOutputs, positions, padding }) => {
    const graph = await loadOnnxDecoder(tinyDecoderDir(1, cacheOutputs), { intraOpThreads: 1 });
    try {
      const recorder = new MetricsRecorder();
      const engine = new GenerationEngine(graph, graph.tokenizer, { maxBatchSize: 4, maxQueued: 8, joinHoldSteps: 0, regroupWaitMs: 0 }, recorder.metrics);
      const prompt = readReference(tinyDecoderDir()).prompt_token_ids[0]!;
      const ten = Array.from({ length: 10 }, (_, i) => prompt[i % prompt.length]!);
      await Promise.all([engine.generate(greedy(ten, 5)), engine.generate(greedy(ten.slice(0, 4), 5))]);
      const counted = recorder.take()!;
      expect(counted.cachePositions).toBe(positions);
      expect(counted.paddingPositions).toBe(padding);
    } finally {
      await graph.session.release();
    }
  }, 20_000);

  describe('regrouping after the batch empties', () => {
    const request = () => greedy(readReference(tinyDecoderDir()).prompt_token_ids[0]!, 3);
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    it('prefills requests that come back within regroupWaitMs of as many completions together', async () => {
      const engine = engineWith({ regroupWaitMs: 2_000 });
      await Promise.all([request(), request(), request()].map((r) => engine.generate(r)));
      // Three completed; the first to come back waits for the other two, 50 ms later.
      const first = engine.generate(request());
      await sleep(50);
      const results = await Promise.all([first, engine.generate(request()), engine.generate(request())]);
      expect(results[0]!.timings.queueMs).toBeGreaterThanOrEqual(45);
      // One prefill for the three: the same measured duration.
      expect(new Set(results.map((r) => r.timings.prefillMs)).size).toBe(1);
    }, 20_000);

    it('waits at most regroupWaitMs, and not at all with no completion to expect back', async () => {
      const engine = engineWith({ regroupWaitMs: 200 });
      // Nothing completed yet: admitted at once (well before the 200 ms).
      const alone = await engine.generate(request());
      expect(alone.timings.queueMs).toBeLessThan(100);
      await Promise.all([request(), request()].map((r) => engine.generate(r)));
      // Two (or three) completions to expect back, and only one comes.
      const waited = await engine.generate(request());
      expect(waited.timings.queueMs).toBeGreaterThanOrEqual(190);
      expect(waited.timings.queueMs).toBeLessThan(2_000);
    }, 20_000);
  });
});
