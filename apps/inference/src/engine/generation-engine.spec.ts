import { Registry } from 'prom-client';
import { createEngineMetrics } from './engine-metrics';
import { GenerationEngine } from './generation-engine';
import type { GenerationRequest } from './generation-request';
import { loadOnnxDecoder, type OnnxDecoder } from '../model/onnx-decoder';
import { readReference, tinyDecoderDir } from '../testing/tiny-decoder.test-support';

describe('GenerationEngine (tiny decoder, real onnxruntime)', () => {
  let decoder: OnnxDecoder;
  beforeAll(async () => {
    decoder = await loadOnnxDecoder(tinyDecoderDir(), { intraOpThreads: 1 });
  }, 60_000);
  afterAll(() => decoder?.session.release());

  it('serves a request queued by a caller continuing straight from the last completed one', async () => {
    // Regression: the loop used to mark itself idle a few microtasks after it ran out of work,
    // so a request queued in between waited forever.
    const engine = new GenerationEngine(decoder.session, decoder.config, decoder.tokenizer, { maxBatchSize: 4, maxQueued: 8 }, createEngineMetrics(new Registry()));
    const request = (): GenerationRequest => ({
      promptIds: readReference(tinyDecoderDir()).prompt_token_ids[0]!,
      sampling: { temperature: 0, topK: 0, topP: 1 },
      seed: 0n,
      numSamples: 1,
      maxNewTokens: 3,
      stopSequences: [],
      ignoreEos: true,
      signal: new AbortController().signal,
    });
    // Awaited directly (no extra promise between): a hang shows as this test's timeout.
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all([request(), request(), request()].map((r) => engine.generate(r)));
      expect(results.map((r) => r.sequences[0]!.tokenIds.length)).toEqual([3, 3, 3]);
    }
  }, 20_000);
});
