import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { invalidArgument, notFound, type Logger } from '@swirl/grpc-kit';
import { FinishReason } from '@swirl/proto';
import type { GeneratedSequence, TokenEvent } from '../engine/generation-request';
import type { ModelRegistry, ModelVersion } from '../model/model-registry';
import { resolveSampling } from '../service/resolve-sampling';
import { finishReasonName, httpError, parseJsonObject, parseOpenAiRequest, toSamplingParams, type OpenAiRequest } from './openai-request';

const STOPPED = [FinishReason.FINISH_REASON_EOS, FinishReason.FINISH_REASON_STOP_SEQUENCE];
const MAX_BODY_BYTES = 16 * 1024 * 1024;

/**
 * The inference service as an OpenAI-compatible HTTP server (/v1/models, /v1/completions,
 * /v1/chat/completions, streaming included), so tools written for vLLM or OpenAI can use the
 * embedded policy. Same engine, same validation and errors as the gRPC API.
 */
export async function startOpenAiHttpServer(registry: ModelRegistry, logger: Logger, host: string, port: number): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    handle(registry, req, res).catch((err: unknown) => {
      const { status, body } = httpError(err);
      if (status === 500) logger.error('openai endpoint failed', { err });
      if (res.headersSent) res.end();
      else res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}

async function handle(registry: ModelRegistry, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? '/').split('?')[0];
  if (req.method === 'GET' && path === '/v1/models') {
    const card = (id: string, v: ModelVersion) => ({ id, object: 'model', created: Math.floor((v.loadTime?.getTime() ?? 0) / 1000), owned_by: 'swirl', max_model_len: v.model?.contextLength });
    // Every version answers to name@version; the active one also to its bare name.
    const data = registry.all().flatMap((v) => [...(registry.isActive(v) ? [card(v.name, v)] : []), card(`${v.name}@${v.version}`, v)]);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data }));
    return;
  }
  if (req.method === 'POST' && (path === '/tokenize' || path === '/detokenize')) {
    await tokenizeRoute(registry, path, await readBody(req), res, abortWhenClientLeaves(res));
    return;
  }
  const chat = path === '/v1/chat/completions';
  if (req.method !== 'POST' || (!chat && path !== '/v1/completions')) {
    throw notFound(`no route ${req.method} ${path}: use GET /v1/models, POST /v1/completions, POST /v1/chat/completions, POST /tokenize or POST /detokenize`);
  }
  const body = parseOpenAiRequest(await readBody(req), chat);
  const version = resolveModel(registry, body.model);
  await complete(version, body, chat, res);
}

function resolveModel(registry: ModelRegistry, id: string): ModelVersion {
  const at = id.lastIndexOf('@');
  return registry.resolve(at === -1 ? { name: id, version: '' } : { name: id.slice(0, at), version: id.slice(at + 1) });
}

/**
 * Aborts when the client goes away: the response's 'close' before it finished. (The request's
 * own 'close' is no signal: it fires once the body has been read, before any work starts.)
 */
function abortWhenClientLeaves(res: ServerResponse): AbortSignal {
  const abort = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) abort.abort(new Error('the client closed the connection'));
  });
  return abort.signal;
}

async function tokenizeRoute(registry: ModelRegistry, path: string, raw: string, res: ServerResponse, signal: AbortSignal): Promise<void> {
  const body = parseJsonObject(raw) as { model?: string; prompt?: string; messages?: { role: string; content: string }[]; add_generation_prompt?: boolean; tokens?: number[] };
  if (typeof body.model !== 'string') throw invalidArgument('"model" is required');
  const model = resolveModel(registry, body.model).model!;
  let out: object;
  if (path === '/detokenize') {
    if (!Array.isArray(body.tokens)) throw invalidArgument('"tokens" is required: an array of token ids');
    out = { prompt: await model.detokenize(body.tokens, false, signal) };
  } else {
    if (!Array.isArray(body.messages) && typeof body.prompt !== 'string') throw invalidArgument('"prompt" (a string) or "messages" is required');
    const ids = Array.isArray(body.messages) ? (await model.tokenizeChat(body.messages, body.add_generation_prompt ?? true, signal)).ids : await model.tokenizeText(body.prompt!, signal);
    out = { tokens: ids, count: ids.length, max_model_len: model.contextLength };
  }
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(out));
}

async function complete(version: ModelVersion, body: OpenAiRequest, chat: boolean, res: ServerResponse): Promise<void> {
  const model = version.model!;
  const signal = abortWhenClientLeaves(res);
  const prompt = chat
    ? await model.encodePrompt({ $case: 'chat', value: { messages: body.messages!.map((m) => ({ role: roleOf(m.role), content: String(m.content) })) } }, signal)
    : await model.encodePrompt({ $case: 'promptTokenIds', value: { ids: typeof body.prompt === 'string' ? nonEmpty(await model.tokenizeText(body.prompt, signal)) : body.prompt! } }, signal);
  if (prompt.ids.length >= model.contextLength) throw invalidArgument(`the prompt has ${prompt.ids.length} tokens; the context holds ${model.contextLength}`);
  const s = resolveSampling(toSamplingParams(body), body.n ?? 1, prompt.ids.length, model.contextLength);
  const id = `${chat ? 'chatcmpl' : 'cmpl'}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const created = Math.floor(Date.now() / 1000);
  const modelId = body.model;
  const tokenText = (t: number) => (body.return_tokens_as_token_ids ? `token_id:${t}` : model.tokenText(t));
  // OpenAI leaves the stop string out of the text; vLLM's include_stop_str_in_output keeps it.
  const visible = (seq: GeneratedSequence) =>
    seq.matchedStop !== '' && !body.include_stop_str_in_output ? seq.text.slice(0, seq.text.length - seq.matchedStop.length) : seq.text;
  const wantLogprobs = body.logprobs !== undefined && body.logprobs !== null && body.logprobs !== false;
  const object = chat ? 'chat.completion' : 'text_completion';

  if (body.stream) {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const send = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
    const onToken = (e: TokenEvent) => {
      const lp = wantLogprobs ? logprobsOf(chat, [e.tokenId], [e.logprob], tokenText) : null;
      send({ id, object: `${object}.chunk`, created, model: modelId, choices: [chat ? { index: e.sampleIndex, delta: { content: e.text }, logprobs: lp, finish_reason: null } : { index: e.sampleIndex, text: e.text, logprobs: lp, finish_reason: null }] });
    };
    const result = await model.generate({ promptIds: prompt.ids, ...s, signal, onToken });
    for (const seq of result.sequences) {
      send({ id, object: `${object}.chunk`, created, model: modelId, choices: [chat ? { index: seq.index, delta: {}, finish_reason: finishReasonName(seq.finishReason, STOPPED) } : { index: seq.index, text: '', finish_reason: finishReasonName(seq.finishReason, STOPPED) }] });
    }
    res.end('data: [DONE]\n\n');
    return;
  }
  const result = await model.generate({ promptIds: prompt.ids, ...s, signal });
  const completionTokens = result.sequences.reduce((n, seq) => n + seq.tokenIds.length, 0);
  // echo (completions): the prompt's own tokens and log-probs come first (the first has none).
  const echo = !chat && body.echo === true;
  const promptLogprobs = echo && wantLogprobs ? [null, ...(await model.score([{ prefix: prompt.ids.slice(0, 1), continuation: prompt.ids.slice(1) }], signal))[0]!] : [];
  const promptText = echo ? await model.detokenize(prompt.ids, false, signal) : '';
  const choices = result.sequences.map((seq) => {
    const ids = echo ? [...prompt.ids, ...seq.tokenIds] : seq.tokenIds;
    const lps = echo ? [...promptLogprobs, ...seq.logprobs] : seq.logprobs;
    const lp = wantLogprobs ? logprobsOf(chat, ids, lps, tokenText) : null;
    const finish_reason = finishReasonName(seq.finishReason, STOPPED);
    return chat ? { index: seq.index, message: { role: 'assistant', content: visible(seq) }, logprobs: lp, finish_reason } : { index: seq.index, text: promptText + visible(seq), logprobs: lp, finish_reason };
  });
  res.writeHead(200, { 'content-type': 'application/json' }).end(
    JSON.stringify({ id, object, created, model: modelId, choices, usage: { prompt_tokens: prompt.ids.length, completion_tokens: completionTokens, total_tokens: prompt.ids.length + completionTokens } }),
  );
}

/** OpenAI's two logprob layouts: per-token content entries (chat) or parallel arrays (completions). */
function logprobsOf(chat: boolean, ids: readonly number[], logprobs: readonly (number | null)[], text: (t: number) => string): object {
  if (chat) return { content: ids.map((t, i) => ({ token: text(t), logprob: logprobs[i], bytes: [...Buffer.from(text(t))], top_logprobs: [] })) };
  let offset = 0;
  const text_offset = ids.map((t) => {
    const at = offset;
    offset += text(t).length;
    return at;
  });
  return { tokens: ids.map(text), token_logprobs: [...logprobs], top_logprobs: null, text_offset };
}

function roleOf(role: string): number {
  const roles: Record<string, number> = { system: 1, user: 2, assistant: 3, tool: 2 };
  const r = roles[role];
  if (r === undefined) throw invalidArgument(`message role "${role}" is not one of system, user, assistant, tool`);
  return r;
}

function nonEmpty(ids: number[]): number[] {
  if (ids.length === 0) throw invalidArgument('"prompt" is empty');
  return ids;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(invalidArgument(`the request body exceeds ${MAX_BODY_BYTES} bytes`));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
