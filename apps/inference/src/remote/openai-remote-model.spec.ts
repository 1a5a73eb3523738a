import { getEventListeners, getMaxListeners } from 'node:events';
import { createLogger } from '@swirl/grpc-kit';
import { loadInferenceConfig } from '../inference-config';
import { startInferenceService, type RunningInferenceService } from '../start-inference-service';
import { readReference, tinyDecoderDir } from '../testing/tiny-decoder.test-support';
import type { ServingModel } from '../model/serving-model';
import { createOpenAiRemoteModel } from './openai-remote-model';

const START_TIMEOUT_MS = 60_000;

/**
 * The remote backend against a real OpenAI-compatible server on loopback (another inference
 * service's HTTP API). The service-level behaviour is inference-service.spec.ts's; this is about
 * one request fanning out into many HTTP calls on its one signal.
 */
describe('OpenAI remote model: a request that fans out', () => {
  let upstream: RunningInferenceService;
  let model: ServingModel;
  const logger = createLogger({ service: 'inference', write: () => undefined });

  beforeAll(async () => {
    const argv = ['--host=127.0.0.1', '--grpc-port=0', '--metrics-port=0', '--openai-port=0', '--intra-op-threads=1', `--models=tiny@v1=${tinyDecoderDir()}`];
    upstream = await startInferenceService(loadInferenceConfig({ argv, env: {} }), logger);
    model = await createOpenAiRemoteModel({ baseUrl: `http://127.0.0.1:${upstream.openaiPort}/v1`, remoteModel: 'tiny', apiKey: undefined, maxConcurrency: 16, maxQueued: 16 });
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    await model?.release();
    await upstream?.shutdown('test over');
  }, START_TIMEOUT_MS);

  /**
   * Runs `call` on a fresh signal and samples the signal's abort listeners at every turn of the
   * event loop. Node warns of a leak (MaxListenersExceededWarning) once they exceed the signal's
   * limit; Jest's `process` does not see that warning, so the condition itself is checked.
   */
  async function listenersDuring(call: (signal: AbortSignal) => Promise<unknown>): Promise<{ peak: number; overLimit: string[] }> {
    const signal = new AbortController().signal;
    let peak = 0;
    const overLimit = new Set<string>();
    let running = true;
    const sample = () => {
      const count = getEventListeners(signal, 'abort').length;
      peak = Math.max(peak, count);
      if (count > getMaxListeners(signal)) overLimit.add(`${count} > ${getMaxListeners(signal)}`);
      if (running) setImmediate(sample);
    };
    sample();
    try {
      await call(signal);
    } finally {
      running = false;
    }
    return { peak, overLimit: [...overLimit] };
  }

  it('a 40-item Score whose 16 parts all wait for the remote slots keeps its signal under its listener limit', async () => {
    const prompt = readReference(tinyDecoderDir()).prompt_token_ids[0]!;
    // A 16-sample Generate takes all 16 slots first, so every part of the Score queues: one
    // listener each on the Score's signal before any of its HTTP requests starts (fetch raises a
    // signal's limit itself, but only once it is called).
    let holding = true;
    const holder = model.generate({ promptIds: prompt, sampling: { temperature: 1, topK: 0, topP: 1 }, seed: 3n, numSamples: 16, maxNewTokens: 160, stopSequences: [], ignoreEos: true, signal: new AbortController().signal });
    const released = () => (holding = false);
    holder.then(released, released);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(holding).toBe(true);
    const items = Array.from({ length: 40 }, (_, i) => ({ prefix: prompt.slice(0, 2 + (i % 5)), continuation: prompt.slice(7, 10) }));
    const scored = await listenersDuring(async (signal) => expect(await model.score(items, signal)).toHaveLength(40));
    expect((await holder).sequences).toHaveLength(16);
    // More than Node's default limit of 10 did listen at once: the check below had something to catch.
    expect(scored.peak).toBeGreaterThan(10);
    expect(scored.overLimit).toEqual([]);
  });
});
