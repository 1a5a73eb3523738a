import { getMaxListeners, setMaxListeners } from 'node:events';
import { ConcurrencyLimiter, invalidArgument } from '@swirl/grpc-kit';
import { FinishReason } from '@swirl/proto';
import type { GeneratedSequence, GenerationRequest, GenerationResult } from '../engine/generation-request';
import type { ServingModel } from '../model/serving-model';
import { OpenAiHttpClient } from './openai-http-client';

export interface OpenAiRemoteOptions {
  /** Base URL with /v1, e.g. http://vllm:8000/v1. */
  readonly baseUrl: string;
  /** The model id on the remote server. */
  readonly remoteModel: string;
  readonly apiKey: string | undefined;
  /** Requests in flight to the server at once; more wait. */
  readonly maxConcurrency: number;
  /** Requests waiting for one of those slots; one more gets RESOURCE_EXHAUSTED. */
  readonly maxQueued: number;
}

interface CompletionChoice {
  index: number;
  text: string;
  finish_reason: string | null;
  logprobs: { tokens: string[]; token_logprobs: (number | null)[] } | null;
}

const TOKEN_ID = /^token_id:(\d+)$/;

/**
 * A model behind an OpenAI-compatible server (vLLM, SGLang, TGI, llama.cpp, or another swirl
 * inference service). Generation always sends token-id prompts and asks for token ids back
 * (`return_tokens_as_token_ids`), so ids and log-probs stay exact; chat input is tokenized by
 * the server's /tokenize (vLLM's API). Each sample is its own request with seed + i, which is
 * what makes samples reproducible one by one, as on the ONNX backend.
 */
export async function createOpenAiRemoteModel(options: OpenAiRemoteOptions): Promise<ServingModel> {
  const http = new OpenAiHttpClient(options.baseUrl, options.apiKey);
  const models = await http.get<{ data: { id: string; max_model_len?: number }[] }>(`${options.baseUrl}/models`);
  const card = models.data.find((m) => m.id === options.remoteModel);
  if (card === undefined) throw invalidArgument(`the server at ${options.baseUrl} has no model "${options.remoteModel}"; it serves: ${models.data.map((m) => m.id).join(', ')}`);
  const contextLength = card.max_model_len ?? 4096;
  const limiter = new ConcurrencyLimiter(`remote ${options.remoteModel}`, { maxConcurrent: options.maxConcurrency, maxQueued: options.maxQueued });
  let inFlight = 0;
  let idle: (() => void)[] = [];
  const tracked = async <T>(signal: AbortSignal, fn: () => Promise<T>): Promise<T> => {
    inFlight++;
    try {
      return await limiter.run(signal, fn);
    } finally {
      inFlight--;
      if (inFlight === 0) {
        idle.forEach((r) => r());
        idle = [];
      }
    }
  };
  // Every call waits in the queue and for the server on its request's signal: a call whose
  // deadline passed or whose client went away leaves the queue and drops its HTTP request.
  // A request that fans out (Score items, samples) runs at most max_concurrency parts at once,
  // so that it never fills the queue with its own parts (a 40-item Score used to be refused with
  // RESOURCE_EXHAUSTED) and other requests get their turns. Each running part puts two listeners
  // on the request's one signal (queue place, HTTP request): expected, so Node's leak warning
  // is raised past them.
  const fanOut = async <T, R>(signal: AbortSignal, parts: readonly T[], run: (part: T, index: number) => Promise<R>): Promise<R[]> => {
    const width = Math.min(parts.length, options.maxConcurrency);
    setMaxListeners(Math.max(getMaxListeners(signal), 2 * width + 1), signal);
    const results: R[] = new Array(parts.length);
    let next = 0;
    const worker = async () => {
      while (next < parts.length) {
        const i = next++;
        try {
          results[i] = await run(parts[i]!, i);
        } catch (err) {
          next = parts.length; // the request has failed: start no more of its parts
          throw err;
        }
      }
    };
    await Promise.all(Array.from({ length: width }, worker));
    return results;
  };
  const tokenize = async (body: object, signal: AbortSignal) =>
    (await tracked(signal, () => http.post<{ tokens: number[] }>(`${http.rootUrl}/tokenize`, { model: options.remoteModel, ...body }, signal))).tokens;
  const detokenize = async (ids: readonly number[], signal: AbortSignal) =>
    (await tracked(signal, () => http.post<{ prompt: string }>(`${http.rootUrl}/detokenize`, { model: options.remoteModel, tokens: ids }, signal))).prompt;

  const generateOne = async (req: GenerationRequest, index: number): Promise<GeneratedSequence> => {
    const seed = req.seed + BigInt(index);
    const body = {
      model: options.remoteModel,
      prompt: req.promptIds,
      max_tokens: req.maxNewTokens,
      temperature: req.sampling.temperature,
      top_p: req.sampling.topP,
      ...(req.sampling.topK > 0 ? { top_k: req.sampling.topK } : {}),
      seed: Number(seed),
      n: 1,
      stop: req.stopSequences,
      logprobs: 0,
      ignore_eos: req.ignoreEos,
      return_tokens_as_token_ids: true,
      include_stop_str_in_output: true,
    };
    const ids: number[] = [];
    const logprobs: number[] = [];
    let text = '';
    let finish: string | null = null;
    const take = (choice: CompletionChoice) => {
      const tokens = choice.logprobs?.tokens ?? [];
      tokens.forEach((t, k) => {
        const m = TOKEN_ID.exec(t);
        if (m === null) throw new Error(`the remote server did not return token ids ("${t}"); it must support return_tokens_as_token_ids`);
        ids.push(Number(m[1]));
        logprobs.push(choice.logprobs!.token_logprobs[k] ?? 0);
        req.onToken?.({ sampleIndex: index, tokenId: Number(m[1]), logprob: logprobs[logprobs.length - 1]!, text: k === 0 ? choice.text : '' });
      });
      text += choice.text;
      finish = choice.finish_reason ?? finish;
    };
    await tracked(req.signal, async () => {
      if (req.onToken === undefined) {
        const res = await http.post<{ choices: CompletionChoice[] }>(`${options.baseUrl}/completions`, body, req.signal);
        take(res.choices[0]!);
      } else {
        for await (const event of http.stream(`${options.baseUrl}/completions`, body, req.signal)) {
          const choice = (event as { choices: CompletionChoice[] }).choices[0];
          if (choice !== undefined) take(choice);
        }
      }
    });
    const matchedStop = finish === 'stop' ? (req.stopSequences.find((s) => text.endsWith(s)) ?? '') : '';
    const finishReason = finish === 'length' ? FinishReason.FINISH_REASON_MAX_TOKENS : matchedStop !== '' ? FinishReason.FINISH_REASON_STOP_SEQUENCE : FinishReason.FINISH_REASON_EOS;
    return { index, seed, tokenIds: ids, logprobs, text, finishReason, matchedStop };
  };

  return {
    contextLength,
    vocabSize: 0,
    eosTokenIds: [],
    tokenizerSha256: '',
    encodePrompt: async (input, signal) => {
      if (input === undefined) throw invalidArgument('the prompt is required: set chat (messages) or prompt_token_ids');
      if (input.$case === 'promptTokenIds') {
        if (input.value.ids.length === 0) throw invalidArgument('prompt_token_ids is empty');
        return { ids: input.value.ids, renderedText: '' };
      }
      const roles = ['', 'system', 'user', 'assistant'];
      const messages = input.value.messages.map((m) => ({ role: roles[m.role] ?? 'user', content: m.content }));
      if (messages.length === 0) throw invalidArgument('chat.messages is empty: send at least one message');
      return { ids: await tokenize({ messages, add_generation_prompt: true }, signal), renderedText: '' };
    },
    tokenizeText: (text, signal) => tokenize({ prompt: text, add_special_tokens: false }, signal),
    tokenizeChat: async (messages, addGenerationPrompt, signal) => {
      const ids = await tokenize({ messages, add_generation_prompt: addGenerationPrompt }, signal);
      return { ids, renderedText: await detokenize(ids, signal) };
    },
    detokenize: (ids, _skip, signal) => detokenize(ids, signal),
    tokenText: (id) => `token_id:${id}`,
    generate: async (req): Promise<GenerationResult> => {
      const started = performance.now();
      const sequences = await fanOut(req.signal, Array.from({ length: req.numSamples }, (_, i) => i), (i) => generateOne(req, i));
      const totalMs = performance.now() - started;
      return { sequences, timings: { queueMs: 0, prefillMs: 0, decodeMs: totalMs, timeToFirstTokenMs: totalMs, totalMs } };
    },
    score: async (items, signal) =>
      fanOut(signal, items, async (it) => {
        const prompt = [...it.prefix, ...it.continuation];
        const res = await tracked(signal, () =>
          http.post<{ choices: CompletionChoice[] }>(`${options.baseUrl}/completions`, { model: options.remoteModel, prompt, max_tokens: 1, echo: true, logprobs: 0, temperature: 0, return_tokens_as_token_ids: true }, signal),
        );
        const lp = res.choices[0]!.logprobs!.token_logprobs;
        return it.continuation.map((_, k) => lp[it.prefix.length + k] ?? 0);
      }),
    activeSequences: () => inFlight,
    drained: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => idle.push(resolve))),
    release: async () => undefined,
  };
}
