import * as grpc from '@grpc/grpc-js';
import { createClient, createLogger } from '@swirl/grpc-kit';
import { InferenceServiceClient, type GenerateRequest, type GenerateResponse } from '@swirl/proto';
import { loadInferenceConfig } from '../inference-config';
import { startInferenceService, type RunningInferenceService } from '../start-inference-service';
import { readReference, tinyDecoderDir } from '../testing/tiny-decoder.test-support';

/** The service with two engine threads, each holding one running and one queued request. */
describe('inference service with two engine threads (tiny decoder, real onnxruntime)', () => {
  let running: RunningInferenceService;
  let client: InferenceServiceClient;
  let prompt: number[];
  const request = (seed: number): GenerateRequest => ({
    model: undefined,
    input: { $case: 'promptTokenIds', value: { ids: prompt } },
    // Long enough that every request of a burst is still running when the last one arrives.
    sampling: { temperature: 1, topP: undefined, topK: undefined, seed, maxNewTokens: 400, stopSequences: [], ignoreEos: true },
    numSamples: 1,
    returnPromptTokenIds: false,
  });
  const generate = (req: GenerateRequest) =>
    new Promise<GenerateResponse>((resolve, reject) => client.generate(req, new grpc.Metadata(), {}, (e, r) => (e ? reject(e) : resolve(r!))));

  beforeAll(async () => {
    const dir = tinyDecoderDir();
    prompt = readReference(dir).prompt_token_ids[0]!;
    const argv = ['--host=127.0.0.1', '--grpc-port=0', '--metrics-port=-1', '--openai-port=-1', '--intra-op-threads=1', '--engine-threads=2', '--max-batch-size=1', '--max-queued=1', `--models=tiny@v1=${dir}`];
    running = await startInferenceService(loadInferenceConfig({ argv, env: {} }), createLogger({ service: 'inference', write: () => undefined }));
    client = createClient(InferenceServiceClient, { target: `127.0.0.1:${running.grpcPort}` });
  }, 60_000);
  afterAll(async () => {
    client?.close();
    await running?.shutdown('test over');
  });

  it('spreads a burst over both threads (4 fit, one thread holds 2) with the samples of one-at-a-time', async () => {
    const seeds = [1, 2, 3, 4];
    const one: GenerateResponse[] = [];
    for (const s of seeds) one.push(await generate(request(s)));
    const burst = await Promise.all(seeds.map((s) => generate(request(s))));
    expect(burst.map((r) => r.completions[0]!.tokenIds)).toEqual(one.map((r) => r.completions[0]!.tokenIds));
  }, 60_000);

  it('refuses the fifth request of a burst with RESOURCE_EXHAUSTED', async () => {
    const outcomes = await Promise.all([1, 2, 3, 4, 5].map((s) => generate(request(s)).then(() => 'ok', (e: grpc.ServiceError) => e.code)));
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(4);
    expect(outcomes).toContain(grpc.status.RESOURCE_EXHAUSTED);
  }, 60_000);
});
