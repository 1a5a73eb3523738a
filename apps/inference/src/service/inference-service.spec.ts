import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { createClient, createLogger, idempotentMethodsFromDescriptorSet } from '@swirl/grpc-kit';
import {
  ChatRole,
  FinishReason,
  InferenceServiceClient,
  ModelBackend,
  readDescriptorSet,
  type GenerateRequest,
  type GenerateResponse,
  type GenerateStreamResponse,
  type SamplingParams,
} from '@swirl/proto';
import { loadInferenceConfig } from '../inference-config';
import { startInferenceService, type RunningInferenceService } from '../start-inference-service';
import { readReference, tinyDecoderDir } from '../testing/tiny-decoder.test-support';

/** Starting services loads models; on a loaded CI machine that takes longer than Jest's 5 s default. */
const START_TIMEOUT_MS = 60_000;

type Call<Req, Res> = (req: Req, md: grpc.Metadata, opts: grpc.CallOptions, cb: (e: grpc.ServiceError | null, r: Res) => void) => grpc.ClientUnaryCall;
const unaryCall = <Req, Res>(fn: Call<Req, Res>, req: Req, opts: grpc.CallOptions = {}) =>
  new Promise<Res>((resolve, reject) => fn(req, new grpc.Metadata(), opts, (e, r) => (e ? reject(e) : resolve(r))));

/**
 * The same behaviour from both backends: the in-process ONNX model, and a model behind an
 * OpenAI-compatible HTTP server (here another inference service's own endpoint on loopback).
 */
describe.each([['onnx'], ['openai-remote']] as const)('inference service over gRPC, %s backend (tiny decoder, real onnxruntime)', (backend) => {
  let running: RunningInferenceService;
  let upstream: RunningInferenceService | undefined;
  let client: InferenceServiceClient;
  let dir: string;
  const sampling = (over: Partial<SamplingParams> = {}): SamplingParams => ({
    temperature: 0,
    topP: undefined,
    topK: undefined,
    seed: undefined,
    maxNewTokens: 24,
    stopSequences: [],
    ignoreEos: false,
    ...over,
  });
  const request = (over: Partial<GenerateRequest> = {}): GenerateRequest => ({
    model: undefined,
    input: { $case: 'chat', value: { messages: [{ role: ChatRole.CHAT_ROLE_USER, content: 'What is 48 / 2?' }] } },
    sampling: sampling(),
    numSamples: 0,
    returnPromptTokenIds: false,
    ...over,
  });
  const generate = (req: GenerateRequest, opts: grpc.CallOptions = {}) => unaryCall<GenerateRequest, GenerateResponse>(client.generate.bind(client), req, opts);

  const logger = createLogger({ service: 'inference', write: (l) => (process.env['DBG'] ? process.stderr.write(l) : undefined) });
  // Holding and regrouping off: these tests are about requests joining a running batch at any
  // step (both are generation-engine.spec.ts's subject).
  const common = ['--host=127.0.0.1', '--grpc-port=0', '--metrics-port=0', '--intra-op-threads=1', '--max-batch-size=8', '--max-queued=16', '--join-hold-steps=0', '--regroup-wait-ms=0'];
  /** LoadModel request for version `version` of "tiny" on this backend. */
  const loadRequest = (version: string, activate: boolean) =>
    backend === 'onnx'
      ? { requestId: `load-${version}`, model: { name: 'tiny', version }, sourceUri: dir, backend: ModelBackend.MODEL_BACKEND_ONNX, activate, openaiRemote: undefined }
      : {
          requestId: `load-${version}`,
          model: { name: 'tiny', version },
          sourceUri: `http://127.0.0.1:${upstream!.openaiPort}/v1`,
          backend: ModelBackend.MODEL_BACKEND_OPENAI_REMOTE,
          activate,
          openaiRemote: { remoteModel: 'tiny', apiKeyEnv: '', maxConcurrency: 16 },
        };

  beforeAll(async () => {
    dir = tinyDecoderDir();
    if (backend === 'onnx') {
      running = await startInferenceService(loadInferenceConfig({ argv: [...common, `--models=tiny@v1=${dir}`, '--openai-port=-1'], env: {} }), logger);
    } else {
      upstream = await startInferenceService(loadInferenceConfig({ argv: [...common, `--models=tiny@v1=${dir}`, '--openai-port=0'], env: {} }), logger);
      running = await startInferenceService(loadInferenceConfig({ argv: [...common, '--openai-port=-1'], env: {} }), logger);
    }
    client = createClient(InferenceServiceClient, { target: `127.0.0.1:${running.grpcPort}`, idempotentMethods: idempotentMethodsFromDescriptorSet(readDescriptorSet()) });
    if (backend === 'openai-remote') {
      const loaded = await unaryCall(client.loadModel.bind(client), loadRequest('v1', true));
      expect(loaded.model).toMatchObject({ backend: ModelBackend.MODEL_BACKEND_OPENAI_REMOTE, contextLength: 512, active: true });
    }
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    client?.close();
    await running?.shutdown('test over');
    await upstream?.shutdown('test over');
  }, START_TIMEOUT_MS);

  it('renders the chat template exactly as the learner does', async () => {
    const ref = readReference(dir);
    const res = await generate(request({ input: { $case: 'chat', value: { messages: ref.messages[1]!.map((m) => ({ role: m.role === 'user' ? ChatRole.CHAT_ROLE_USER : ChatRole.CHAT_ROLE_SYSTEM, content: m.content })) } }, returnPromptTokenIds: true }));
    expect(res.promptTokenIds).toEqual(ref.prompt_token_ids[1]);
  });

  it('greedy generation with the KV cache reproduces the torch greedy tokens', async () => {
    const ref = readReference(dir);
    const res = await generate(request({ input: { $case: 'promptTokenIds', value: { ids: ref.prompt_token_ids[0]! } }, sampling: sampling({ maxNewTokens: 4 }) }));
    expect(res.completions[0]!.tokenIds).toEqual(ref.greedy_token_ids[0]);
    expect(res.completions[0]!.finishReason).toBe(FinishReason.FINISH_REASON_MAX_TOKENS);
    expect(res.model).toEqual({ name: 'tiny', version: 'v1' });
  });

  it('batched generation gives the same tokens as batch-1, log-probs within 1e-4', async () => {
    const prompts = ['Hi', 'What is 48 / 2?', 'A longer question about rivers and mountains?'];
    const one: GenerateResponse[] = [];
    for (const p of prompts) one.push(await generate(request({ input: { $case: 'chat', value: { messages: [{ role: ChatRole.CHAT_ROLE_USER, content: p }] } } })));
    const together = await Promise.all(prompts.map((p) => generate(request({ input: { $case: 'chat', value: { messages: [{ role: ChatRole.CHAT_ROLE_USER, content: p }] } } }))));
    together.forEach((res, i) => {
      expect(res.completions[0]!.tokenIds).toEqual(one[i]!.completions[0]!.tokenIds);
      res.completions[0]!.logprobs.forEach((lp, k) => expect(Math.abs(lp - one[i]!.completions[0]!.logprobs[k]!)).toBeLessThanOrEqual(1e-4));
    });
  });

  it('more requests than the batch holds, finishing at different steps, give the batch-1 samples', async () => {
    // Rows that finish leave the batch and queued requests join it between steps.
    // 16 = the queue limit: all may wait while the first prefill runs.
    const prompts = ['Hi', 'What is 48 / 2?', 'A longer question about rivers and mountains and the seas between them?', 'Ok'];
    const reqs = Array.from({ length: 16 }, (_, i) =>
      request({
        input: { $case: 'chat', value: { messages: [{ role: ChatRole.CHAT_ROLE_USER, content: prompts[i % prompts.length]! }] } },
        sampling: sampling({ temperature: 1, seed: 100 + i, maxNewTokens: 3 + ((i * 7) % 29), ignoreEos: true }),
      }),
    );
    const one: GenerateResponse[] = [];
    for (const r of reqs) one.push(await generate(r));
    const together = await Promise.all(reqs.map((r) => generate(r)));
    together.forEach((res, i) => {
      expect(res.completions[0]!.tokenIds).toEqual(one[i]!.completions[0]!.tokenIds);
      res.completions[0]!.logprobs.forEach((lp, k) => expect(Math.abs(lp - one[i]!.completions[0]!.logprobs[k]!)).toBeLessThanOrEqual(1e-4));
    });
  });

  it('Score returns the log-probs Generate reported for the same tokens', async () => {
    const gen = await generate(request({ sampling: sampling({ temperature: 1, seed: 7 }), numSamples: 3, returnPromptTokenIds: true }));
    const scored = await unaryCall(client.score.bind(client), {
      model: undefined,
      items: gen.completions.map((c) => ({ prefixTokenIds: gen.promptTokenIds, continuationTokenIds: c.tokenIds })),
    });
    scored.results.forEach((r, i) => {
      expect(r.logprobs).toHaveLength(gen.completions[i]!.tokenIds.length);
      r.logprobs.forEach((lp, k) => expect(Math.abs(lp - gen.completions[i]!.logprobs[k]!)).toBeLessThanOrEqual(1e-4));
    });
  });

  it('ignore_eos generates exactly max_new_tokens', async () => {
    const res = await generate(request({ sampling: sampling({ temperature: 1, seed: 5, maxNewTokens: 80, ignoreEos: true }), numSamples: 4 }));
    for (const c of res.completions) {
      expect(c.tokenIds).toHaveLength(80);
      expect(c.finishReason).toBe(FinishReason.FINISH_REASON_MAX_TOKENS);
    }
  });

  it('the same seed reproduces the samples; another seed differs', async () => {
    const sampled = (seed: number) => generate(request({ sampling: sampling({ temperature: 1, seed }), numSamples: 4 }));
    const [a, b, c] = [await sampled(11), await sampled(11), await sampled(12)];
    expect(a.completions.map((x) => x.tokenIds)).toEqual(b.completions.map((x) => x.tokenIds));
    expect(a.completions.map((x) => x.seed)).toEqual([11, 12, 13, 14]);
    expect(c.completions.map((x) => x.tokenIds)).not.toEqual(a.completions.map((x) => x.tokenIds));
  });

  it('cuts exactly at a stop sequence, which stays in the text', async () => {
    const plain = await generate(request({ sampling: sampling({ maxNewTokens: 40 }) }));
    const text = plain.completions[0]!.text;
    // An ASCII character of the output (the random model writes many invalid bytes, shown as U+FFFD).
    const stop = [...text.slice(5)].find((ch) => /^[!-~]$/.test(ch))!;
    const res = await generate(request({ sampling: sampling({ maxNewTokens: 40, stopSequences: ['never-appears', stop] }) }));
    const c = res.completions[0]!;
    expect(c.finishReason).toBe(FinishReason.FINISH_REASON_STOP_SEQUENCE);
    expect(c.matchedStopSequence).toBe(stop);
    expect(c.text).toBe(text.slice(0, text.indexOf(stop) + stop.length));
    expect(plain.completions[0]!.tokenIds.slice(0, c.tokenIds.length)).toEqual(c.tokenIds);
  });

  it('streams chunks whose concatenation equals the summary', async () => {
    const stream = client.generateStream(request({ numSamples: 2, sampling: sampling({ temperature: 1, seed: 3 }) }));
    const texts = ['', ''];
    const ids: number[][] = [[], []];
    let summary: GenerateResponse | undefined;
    for await (const msg of stream as AsyncIterable<GenerateStreamResponse>) {
      if (msg.event?.$case === 'chunk') {
        texts[msg.event.value.completionIndex] += msg.event.value.text;
        ids[msg.event.value.completionIndex]!.push(...msg.event.value.tokenIds);
      } else if (msg.event?.$case === 'summary') summary = msg.event.value;
    }
    expect(summary!.completions.map((c) => c.tokenIds)).toEqual(ids);
    expect(summary!.completions.map((c) => c.text)).toEqual(texts);
  });

  it('hot-swaps a new version under concurrent load without failing a request', async () => {
    const load = Array.from({ length: 12 }, (_, i) => generate(request({ sampling: sampling({ temperature: 1, seed: i, maxNewTokens: 30 }) })));
    await new Promise((r) => setTimeout(r, 20));
    const loaded = await unaryCall(client.loadModel.bind(client), loadRequest('v2', true));
    expect(loaded.model!.active).toBe(true);
    // The ONNX backend names its tokenizer by content; a remote server does not say.
    expect(loaded.model!.tokenizerSha256).toBe(backend === 'onnx' ? createHash('sha256').update(readFileSync(join(dir, 'tokenizer.json'))).digest('hex') : '');
    const after = Array.from({ length: 4 }, () => generate(request()));
    const results = await Promise.all([...load, ...after]);
    expect(results).toHaveLength(16);
    expect(results.slice(12).every((r) => r.model!.version === 'v2')).toBe(true);
    expect(new Set(results.slice(0, 12).map((r) => r.model!.version))).toContain('v1');
    await expect(unaryCall(client.unloadModel.bind(client), { model: { name: 'tiny', version: 'v1' }, allowActive: false })).resolves.toEqual({ wasLoaded: true });
  });

  it.each([
    ['an empty prompt', { input: { $case: 'promptTokenIds', value: { ids: [] } } }, grpc.status.INVALID_ARGUMENT, 'prompt_token_ids is empty'],
    ['no prompt', { input: undefined }, grpc.status.INVALID_ARGUMENT, 'the prompt is required'],
    ['an over-long prompt', { input: { $case: 'promptTokenIds', value: { ids: Array(5000).fill(65) } } }, grpc.status.INVALID_ARGUMENT, 'must be shorter'],
    ['an out-of-vocabulary id', { input: { $case: 'promptTokenIds', value: { ids: [1, 99999] } } }, grpc.status.INVALID_ARGUMENT, 'outside the vocabulary'],
    ['an unknown model', { model: { name: 'gpt-9', version: '' } }, grpc.status.NOT_FOUND, 'model "gpt-9" is not loaded'],
    ['an unknown version', { model: { name: 'tiny', version: 'v9' } }, grpc.status.NOT_FOUND, 'has no version "v9"'],
    ['a temperature of 50', { sampling: sampling({ temperature: 50, topP: undefined, topK: undefined, seed: undefined, maxNewTokens: 4, stopSequences: [] }) }, grpc.status.INVALID_ARGUMENT, 'temperature must be between 0'],
    ['top_p of 0', { sampling: sampling({ temperature: 1, topP: 0, topK: undefined, seed: undefined, maxNewTokens: 4, stopSequences: [] }) }, grpc.status.INVALID_ARGUMENT, 'top_p must be in (0, 1]'],
    ['a huge seed', { sampling: sampling({ temperature: 1, topP: undefined, topK: undefined, seed: 2 ** 60, maxNewTokens: 4, stopSequences: [] }) }, grpc.status.INVALID_ARGUMENT, 'the request could not be decoded: Value is larger than Number.MAX_SAFE_INTEGER'],
    ['100 samples', { numSamples: 100 }, grpc.status.INVALID_ARGUMENT, 'num_samples must be at most 64'],
  ])('rejects %s with a clear error', async (_name, over, code, message) => {
    await expect(generate(request(over as Partial<GenerateRequest>))).rejects.toMatchObject({ code, details: expect.stringContaining(message) });
  });

  // The remote backend has no batch of its own: its server decides how to batch the samples.
  if (backend === 'onnx') {
    it('refuses more samples than its batch holds', async () => {
      await expect(generate(request({ numSamples: 20 }))).rejects.toMatchObject({ code: grpc.status.RESOURCE_EXHAUSTED, details: expect.stringContaining('exceeds the batch size 8') });
    });
  }

  if (backend === 'openai-remote') {
    it('a request whose deadline passes while its prompt waits for the remote tokenizer leaves that queue', async () => {
      // One request at a time to the remote server; the service holds --max-queued=16 waiting calls.
      const narrow = { ...loadRequest('narrow', false), openaiRemote: { remoteModel: 'tiny', apiKeyEnv: '', maxConcurrency: 1 } };
      await unaryCall(client.loadModel.bind(client), narrow);
      const model = { name: 'tiny', version: 'narrow' };
      let holderDone = false;
      const holder = generate(request({ model, input: { $case: 'promptTokenIds', value: { ids: readReference(dir).prompt_token_ids[0]! } }, sampling: sampling({ maxNewTokens: 480, ignoreEos: true }) })).finally(() => (holderDone = true));
      while (running.registry.resolve(model).model!.activeSequences() === 0) await new Promise((r) => setTimeout(r, 5));
      // Chat prompts need the remote tokenizer, so these wait behind the holder until their deadlines pass.
      const late = await Promise.all(Array.from({ length: 16 }, () => generate(request({ model }), { deadline: Date.now() + 150 }).then(() => 'ok', (e: grpc.ServiceError) => e.code)));
      expect(late).toEqual(Array(16).fill(grpc.status.DEADLINE_EXCEEDED));
      expect(holderDone).toBe(false); // else the queue had emptied by itself and the next call proves nothing
      // The queue is empty again: this one waits for its turn instead of finding 16 abandoned calls ahead of it.
      await expect(generate(request({ model }))).resolves.toMatchObject({ model });
      await holder;
      await unaryCall(client.unloadModel.bind(client), { model, allowActive: false });
    });
  }

  if (backend === 'openai-remote') {
    const prompt = () => readReference(dir).prompt_token_ids[0]!;
    const calls: [string, (model: { name: string; version: string }, opts?: grpc.CallOptions) => Promise<unknown>][] = [
      ['Score', (model, opts) => unaryCall(client.score.bind(client), { model, items: [{ prefixTokenIds: prompt().slice(0, 4), continuationTokenIds: prompt().slice(4, 8) }] }, opts)],
      ['Tokenize (text)', (model, opts) => unaryCall(client.tokenize.bind(client), { model, input: { $case: 'text', value: 'hello' }, addSpecialTokens: false, addGenerationPrompt: false }, opts)],
      ['Tokenize (chat)', (model, opts) => unaryCall(client.tokenize.bind(client), { model, input: { $case: 'chat', value: { messages: [{ role: 2, content: 'hi' }] } }, addSpecialTokens: false, addGenerationPrompt: true }, opts)],
      ['Detokenize', (model, opts) => unaryCall(client.detokenize.bind(client), { model, tokenIds: prompt().slice(0, 4), skipSpecialTokens: false }, opts)],
    ];
    it('a Score of more items, and a Generate of more samples, than the remote queue holds are served', async () => {
      const items = Array.from({ length: 40 }, (_, i) => ({ prefixTokenIds: prompt().slice(0, 2 + (i % 5)), continuationTokenIds: prompt().slice(7, 10) }));
      const scored = await unaryCall(client.score.bind(client), { model: undefined, items }, { deadline: Date.now() + 30_000 });
      expect(scored.results).toHaveLength(40);
      const sampled = await generate(request({ numSamples: 16, sampling: sampling({ temperature: 1, seed: 3, maxNewTokens: 4 }) }), { deadline: Date.now() + 30_000 });
      expect(sampled.completions).toHaveLength(16);
    });

    /**
     * A loopback HTTP hop in front of the upstream's OpenAI endpoint that holds completion
     * requests while closed: a remote call that holds the only slot for exactly as long as the
     * test needs (a real generation's length depends on the machine).
     */
    const gatedUpstream = async () => {
      let open = false;
      let held = 0;
      const waiters: (() => void)[] = [];
      const server: Server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', async () => {
          if (req.url?.endsWith('/completions') && !open) {
            held++;
            await new Promise<void>((r) => waiters.push(r));
          }
          const body = Buffer.concat(chunks);
          const reply = await fetch(`http://127.0.0.1:${upstream!.openaiPort}${req.url}`, { method: req.method, headers: { 'content-type': 'application/json' }, body: req.method === 'POST' ? body : undefined });
          res.writeHead(reply.status, { 'content-type': reply.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await reply.arrayBuffer()));
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      return {
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
        held: () => held,
        release: () => {
          open = true;
          waiters.splice(0).forEach((w) => w());
        },
        close: () => new Promise<void>((r) => server.close(() => r())),
      };
    };

    it.each(calls)('a %s call whose deadline passes while it waits for the remote server leaves the queue', async (name, call) => {
      const gate = await gatedUpstream();
      const version = `narrow-${calls.findIndex(([n]) => n === name)}`;
      await unaryCall(client.loadModel.bind(client), { ...loadRequest(version, false), sourceUri: gate.url, openaiRemote: { remoteModel: 'tiny', apiKeyEnv: '', maxConcurrency: 1 } });
      const model = { name: 'tiny', version };
      // Holds the one slot until the gate opens.
      const holder = generate(request({ model, input: { $case: 'promptTokenIds', value: { ids: prompt() } }, sampling: sampling({ maxNewTokens: 8 }) }));
      try {
        while (gate.held() === 0) await new Promise((r) => setTimeout(r, 5));
        const waiting = () => running.registry.resolve(model).model!.activeSequences();
        const late = await Promise.all(Array.from({ length: 12 }, () => call(model, { deadline: Date.now() + 80 }).then(() => 'ok', (e: grpc.ServiceError) => e.code)));
        expect(late).toEqual(Array(12).fill(grpc.status.DEADLINE_EXCEEDED));
        // Only the holder is left, none of the expired calls.
        for (let i = 0; i < 40 && waiting() > 1; i++) await new Promise((r) => setTimeout(r, 5));
        expect(waiting()).toBe(1);
      } finally {
        // Also when a check failed: else the held call would keep the service from shutting down.
        gate.release();
      }
      await expect(holder).resolves.toMatchObject({ model });
      await expect(call(model)).resolves.toBeDefined();
      await unaryCall(client.unloadModel.bind(client), { model, allowActive: false });
      await gate.close();
    });
  }

  it('refuses more queued requests than it holds with RESOURCE_EXHAUSTED, and stays up', async () => {
    const flood = Array.from({ length: 60 }, (_, i) => generate(request({ sampling: sampling({ temperature: 1, seed: i, maxNewTokens: 60 }) })).then(() => 'ok', (e: grpc.ServiceError) => e.code));
    const outcomes = await Promise.all(flood);
    expect(outcomes).toContain(grpc.status.RESOURCE_EXHAUSTED);
    expect(outcomes).toContain('ok');
    await expect(generate(request())).resolves.toBeDefined();
  });

  it('exports token, latency, batch, queue and model-version series on /metrics', async () => {
    await generate(request());
    const text = await (await fetch(`http://127.0.0.1:${running.metricsPort}/metrics`)).text();
    const value = (re: RegExp) => Number(re.exec(text)?.[1] ?? 'NaN');
    expect(value(/^grpc_server_handled_total\{(?=[^}]*grpc_method="Generate")(?=[^}]*grpc_code="OK")[^}]*\} (\d+)/m)).toBeGreaterThan(0);
    expect(value(/^swirl_inference_model_info\{(?=[^}]*model="tiny")(?=[^}]*active="true")[^}]*\} (\d+)/m)).toBe(1);
    if (backend === 'onnx') {
      expect(value(/^swirl_inference_prompt_tokens_total\{[^}]*\} (\d+)/m)).toBeGreaterThan(0);
      expect(value(/^swirl_inference_generated_tokens_total\{[^}]*\} (\d+)/m)).toBeGreaterThan(0);
      expect(value(/^swirl_inference_batch_size_count\{[^}]*\} (\d+)/m)).toBeGreaterThan(0);
      expect(value(/^swirl_inference_time_to_first_token_seconds_count\{[^}]*\} (\d+)/m)).toBeGreaterThan(0);
      expect(value(/^swirl_inference_inter_token_latency_seconds_count\{[^}]*\} (\d+)/m)).toBeGreaterThan(0);
      expect(value(/^swirl_inference_decode_step_seconds_count\{[^}]*\} (\d+)/m)).toBeGreaterThan(0);
      expect(value(/^swirl_inference_cache_positions_total\{[^}]*\} (\d+)/m)).toBeGreaterThan(0);
      // Exported; how much of it is padding depends on what ran together (exact counts: generation-engine.spec.ts).
      expect(text).toMatch(/^swirl_inference_cache_padding_positions_total\{[^}]*\} \d+$/m);
      expect(text).toMatch(/^swirl_inference_queue_depth\{[^}]*\} 0$/m);
      // Exported; polling itself is counted in engine-thread.spec.ts.
      expect(text).toMatch(/^swirl_inference_engine_idle_poll_seconds_total\{[^}]*\} [\d.e-]+$/m);
    }
  });

  it('a request whose deadline passes ends with DEADLINE_EXCEEDED and frees its slot', async () => {
    await expect(generate(request({ sampling: sampling({ maxNewTokens: 500, ignoreEos: true }) }), { deadline: Date.now() + 60 })).rejects.toMatchObject({
      code: grpc.status.DEADLINE_EXCEEDED,
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(running.registry.resolve(undefined).model!.activeSequences()).toBe(0);
  });

  it('sends the response headers once it accepts a request, while the model still generates', async () => {
    // Sent with the response, the headers would come after the last token, with nothing left in flight.
    // A plain client: createClient's retry interceptor holds the headers until the call's outcome.
    const plain = new InferenceServiceClient(`127.0.0.1:${running.grpcPort}`, grpc.credentials.createInsecure());
    let inFlight = -1;
    const err = await new Promise<grpc.ServiceError | null>((resolve) => {
      const call = plain.generate(request({ sampling: sampling({ maxNewTokens: 400, ignoreEos: true }) }), (e) => resolve(e));
      call.on('metadata', () => {
        inFlight = running.registry.resolve(undefined).model!.activeSequences();
        call.cancel();
      });
    });
    plain.close();
    expect(inFlight).toBe(1);
    expect(err?.code).toBe(grpc.status.CANCELLED);
    // A request refused before it is accepted still gets its status.
    await expect(generate(request({ sampling: sampling({ temperature: -1 }) }))).rejects.toMatchObject({ code: grpc.status.INVALID_ARGUMENT });
  });

  it('a cancelled request leaves the batch and the service keeps serving', async () => {
    const err = await new Promise<grpc.ServiceError | null>((resolve) => {
      const call = client.generate(request({ sampling: sampling({ maxNewTokens: 500 }) }), (e) => resolve(e));
      setTimeout(() => call.cancel(), 30);
    });
    expect(err?.code).toBe(grpc.status.CANCELLED);
    await new Promise((r) => setTimeout(r, 50));
    expect(running.registry.resolve(undefined).model!.activeSequences()).toBe(0);
    await expect(generate(request())).resolves.toBeDefined();
  });
});
