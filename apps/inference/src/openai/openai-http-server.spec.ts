import { createClient, createLogger } from '@swirl/grpc-kit';
import { ChatRole, InferenceServiceClient, type GenerateRequest, type GenerateResponse } from '@swirl/proto';
import { loadInferenceConfig } from '../inference-config';
import { startInferenceService, type RunningInferenceService } from '../start-inference-service';
import { tinyDecoderDir } from '../testing/tiny-decoder.test-support';

describe('OpenAI-compatible HTTP API (a real HTTP server on loopback)', () => {
  let running: RunningInferenceService;
  let base: string;
  let client: InferenceServiceClient;
  beforeAll(async () => {
    const config = loadInferenceConfig({ argv: ['--host=127.0.0.1', '--grpc-port=0', '--metrics-port=0', '--openai-port=0', `--models=tiny@v1=${tinyDecoderDir()}`], env: {} });
    running = await startInferenceService(config, createLogger({ service: 'inference', write: () => undefined }));
    base = `http://127.0.0.1:${running.openaiPort}`;
    client = createClient(InferenceServiceClient, { target: `127.0.0.1:${running.grpcPort}` });
  }, 60_000);
  afterAll(async () => {
    client?.close();
    await running?.shutdown('test over');
  }, 60_000);

  const post = async (path: string, body: object) => {
    const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, json: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const grpcGenerate = (req: Partial<GenerateRequest>) =>
    new Promise<GenerateResponse>((resolve, reject) =>
      client.generate({ model: undefined, input: undefined, sampling: undefined, numSamples: 0, returnPromptTokenIds: true, ...req }, (e, r) => (e ? reject(e) : resolve(r))),
    );

  it('lists the loaded models', async () => {
    const res = await fetch(`${base}/v1/models`);
    expect(await res.json()).toMatchObject({
      object: 'list',
      data: [
        { id: 'tiny', object: 'model', max_model_len: 512 },
        { id: 'tiny@v1', object: 'model' },
      ],
    });
  });

  it('chat completions match gRPC Generate for the same seed, with token log-probs', async () => {
    const { status, json } = await post('/v1/chat/completions', {
      model: 'tiny',
      messages: [{ role: 'user', content: 'What is 48 / 2?' }],
      max_tokens: 12,
      temperature: 0.8,
      seed: 42,
      logprobs: true,
      return_tokens_as_token_ids: true,
    });
    expect(status).toBe(200);
    const viaGrpc = await grpcGenerate({
      input: { $case: 'chat', value: { messages: [{ role: ChatRole.CHAT_ROLE_USER, content: 'What is 48 / 2?' }] } },
      sampling: { temperature: 0.8, seed: 42, maxNewTokens: 12, stopSequences: [], ignoreEos: false, topP: undefined, topK: undefined },
    });
    const choice = json['choices'][0];
    const c = viaGrpc.completions[0]!;
    expect(choice.message).toEqual({ role: 'assistant', content: c.text });
    expect(choice.logprobs.content.map((x: { token: string }) => Number(x.token.slice('token_id:'.length)))).toEqual(c.tokenIds);
    choice.logprobs.content.forEach((x: { logprob: number }, i: number) => expect(Math.abs(x.logprob - c.logprobs[i]!)).toBeLessThan(1e-5));
    expect(json['usage']).toEqual({ prompt_tokens: viaGrpc.promptTokenCount, completion_tokens: c.tokenIds.length, total_tokens: viaGrpc.promptTokenCount + c.tokenIds.length });
  });

  it('completions take token-id prompts and report parallel logprob arrays', async () => {
    const { json } = await post('/v1/completions', { model: 'tiny@v1', prompt: [256, 260, 10, 72, 105], max_tokens: 6, temperature: 0, logprobs: 1, n: 2 });
    expect(json['choices']).toHaveLength(2);
    expect(json['choices'][0].text).toBe(json['choices'][1].text); // greedy: both samples agree
    expect(json['choices'][0].logprobs.token_logprobs).toHaveLength(json['usage'].completion_tokens / 2);
  });

  it('streams server-sent events whose pieces add up to the non-streamed text', async () => {
    const body = { model: 'tiny', prompt: 'Hello', max_tokens: 10, temperature: 0 };
    const whole = (await post('/v1/completions', body)).json['choices'][0].text;
    const res = await fetch(`${base}/v1/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...body, stream: true }) });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const events = (await res.text()).split('\n\n').filter((e) => e.startsWith('data: ')).map((e) => e.slice(6));
    expect(events[events.length - 1]).toBe('[DONE]');
    const pieces = events.slice(0, -1).map((e) => JSON.parse(e).choices[0]);
    expect(pieces.map((p) => p.text).join('')).toBe(whole);
    expect(pieces[pieces.length - 1].finish_reason).toMatch(/^(stop|length)$/);
  });

  it.each([
    ['an unknown model', '/v1/completions', { model: 'gpt-9', prompt: 'x' }, 404, 'model "gpt-9" is not loaded'],
    ['a temperature of 50', '/v1/completions', { model: 'tiny', prompt: 'x', temperature: 50 }, 400, 'temperature must be between 0'],
    ['no messages', '/v1/chat/completions', { model: 'tiny' }, 400, '"messages" is required'],
    ['an unknown role', '/v1/chat/completions', { model: 'tiny', messages: [{ role: 'robot', content: 'x' }] }, 400, 'role "robot"'],
  ])('answers %s with an OpenAI-style error', async (_n, path, body, status, message) => {
    const res = await post(path, body);
    expect(res.status).toBe(status);
    expect(res.json['error'].message).toContain(message);
  });

  it.each([
    ['streaming', true],
    ['whole', false],
  ])('stops generating when the client disconnects (%s)', async (_name, stream) => {
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const generatedTokens = async () => Number(/^swirl_inference_generated_tokens_total\{[^}]*\} (\d+)/m.exec(await (await fetch(`http://127.0.0.1:${running.metricsPort}/metrics`)).text())?.[1] ?? 0);
    const model = running.registry.resolve(undefined).model!;
    const before = await generatedTokens();
    const full = 8 * 480;
    const abort = new AbortController();
    const body = JSON.stringify({ model: 'tiny', prompt: [1, 2, 3], max_tokens: 480, n: 8, ignore_eos: true, stream });
    const res = fetch(`${base}/v1/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: abort.signal });
    if (stream) await (await res).body!.getReader().read(); // the first chunk came: generation runs
    else while (model.activeSequences() === 0) await sleep(5);
    abort.abort();
    await res.catch(() => undefined);
    while (model.activeSequences() > 0) await sleep(10);
    await sleep(400); // engine threads report metrics every 250 ms
    expect((await generatedTokens()) - before).toBeLessThan(full / 2);
  }, 30_000);

  it('answers malformed JSON and unknown routes clearly', async () => {
    const bad = await fetch(`${base}/v1/completions`, { method: 'POST', body: '{not json' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toBe('the request body is not valid JSON');
    const missing = await fetch(`${base}/v2/anything`);
    expect(missing.status).toBe(404);
  });
});
