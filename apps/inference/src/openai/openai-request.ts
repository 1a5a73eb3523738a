import { status } from '@grpc/grpc-js';
import { GrpcStatusError, invalidArgument } from '@swirl/grpc-kit';
import type { SamplingParams } from '@swirl/proto';

/** The parts of an OpenAI completions / chat request this server understands (vLLM extensions included). */
export interface OpenAiRequest {
  readonly model: string;
  readonly prompt?: string | number[];
  readonly messages?: { role: string; content: string }[];
  readonly max_tokens?: number;
  readonly max_completion_tokens?: number;
  readonly temperature?: number;
  readonly top_p?: number;
  readonly top_k?: number;
  readonly seed?: number;
  readonly stop?: string | string[];
  readonly n?: number;
  readonly logprobs?: number | boolean | null;
  readonly stream?: boolean;
  readonly ignore_eos?: boolean;
  /** vLLM: report tokens as "token_id:<id>" so clients get exact ids. */
  readonly return_tokens_as_token_ids?: boolean;
  /** vLLM: keep the matched stop string in the text (OpenAI drops it). */
  readonly include_stop_str_in_output?: boolean;
  /** Completions: put the prompt (and, with logprobs, its log-probs) before the completion. */
  readonly echo?: boolean;
}

/** An HTTP status and an OpenAI-style error body for a gRPC-style error. */
export function httpError(err: unknown): { status: number; body: object } {
  const code = err instanceof GrpcStatusError ? err.code : status.INTERNAL;
  const message = err instanceof GrpcStatusError ? err.details : 'internal error (see the server log)';
  const http =
    code === status.INVALID_ARGUMENT || code === status.FAILED_PRECONDITION ? 400 : code === status.NOT_FOUND ? 404 : code === status.RESOURCE_EXHAUSTED ? 429 : 500;
  const type = http === 400 ? 'invalid_request_error' : http === 404 ? 'not_found_error' : http === 429 ? 'rate_limit_error' : 'server_error';
  return { status: http, body: { error: { message, type, param: null, code: null } } };
}

export function parseJsonObject(body: string): object {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw invalidArgument('the request body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalidArgument('the request body must be a JSON object');
  return parsed;
}

export function parseOpenAiRequest(body: string, chat: boolean): OpenAiRequest {
  const req = parseJsonObject(body) as OpenAiRequest;
  if (typeof req.model !== 'string') throw invalidArgument('"model" is required (a model name, or name@version)');
  if (chat && !Array.isArray(req.messages)) throw invalidArgument('"messages" is required: an array of {role, content}');
  if (!chat && !(typeof req.prompt === 'string' || Array.isArray(req.prompt))) throw invalidArgument('"prompt" is required: a string or an array of token ids');
  return req;
}

export function toSamplingParams(req: OpenAiRequest): SamplingParams {
  return {
    temperature: req.temperature,
    topP: req.top_p,
    topK: req.top_k,
    seed: req.seed,
    maxNewTokens: req.max_completion_tokens ?? req.max_tokens ?? 16,
    stopSequences: req.stop === undefined ? [] : Array.isArray(req.stop) ? req.stop : [req.stop],
    ignoreEos: req.ignore_eos ?? false,
  };
}

/** OpenAI's finish reasons: "stop" (end of sequence or a stop string) or "length". */
export function finishReasonName(reason: number | undefined, stopOrEos: readonly number[]): string {
  return reason !== undefined && stopOrEos.includes(reason) ? 'stop' : 'length';
}
