import type { GenerationRequest, GenerationResult } from '../engine/generation-request';
import type { PromptInput } from '../service/resolve-prompt';

/** What a model version can do, whichever backend runs it (in-process ONNX or a remote server). */
export interface ServingModel {
  readonly contextLength: number;
  /** 0 when the backend does not say. */
  readonly vocabSize: number;
  readonly eosTokenIds: readonly number[];
  readonly tokenizerSha256: string;
  /**
   * Prompt token ids for a request's input (chat through the chat template), validated. `signal`:
   * the request's; a backend that waits (a remote tokenizer) stops waiting when it aborts.
   */
  encodePrompt(input: PromptInput, signal: AbortSignal): Promise<{ ids: number[]; renderedText: string }>;
  /** `signal` (here and below): the request's; a backend that waits for a remote server stops when it aborts. */
  tokenizeText(text: string, signal: AbortSignal): Promise<number[]>;
  /** The chat template's text and ids, optionally with the assistant generation prompt. */
  tokenizeChat(messages: readonly { role: string; content: string }[], addGenerationPrompt: boolean, signal: AbortSignal): Promise<{ ids: number[]; renderedText: string }>;
  detokenize(ids: readonly number[], skipSpecialTokens: boolean, signal: AbortSignal): Promise<string>;
  /** Text of single tokens (for logprob listings). */
  tokenText(id: number): string;
  generate(request: GenerationRequest): Promise<GenerationResult>;
  /** Per-token log-probs of each continuation after its prefix (teacher forcing). */
  score(items: readonly { prefix: readonly number[]; continuation: readonly number[] }[], signal: AbortSignal): Promise<number[][]>;
  /** Sequences generating or waiting right now. */
  activeSequences(): number;
  /** Resolves once no request is in flight. */
  drained(): Promise<void>;
  release(): Promise<void>;
}
