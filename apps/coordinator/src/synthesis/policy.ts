import type { ChatMessage, GenerationFinishReason, ModelRef } from '@swirl/store';

/** Sampling settings of a job with every default resolved (the seed is per step). */
export interface ResolvedSampling {
  /** 0: greedy. */
  readonly temperature: number;
  readonly topP?: number;
  readonly topK?: number;
  readonly maxNewTokens: number;
  readonly stopSequences: readonly string[];
}

/** One action request: the state s_i as chat messages. */
export interface PolicyRequest {
  readonly model: ModelRef;
  readonly messages: readonly ChatMessage[];
  readonly sampling: ResolvedSampling;
  /** undefined for greedy decoding. */
  readonly seed: number | undefined;
  /** Ask for the prefix token ids (PrefixRef.token_ids). */
  readonly returnPromptTokenIds: boolean;
}

/** What the policy generated for one state. */
export interface PolicyTurn {
  readonly text: string;
  readonly tokenIds: readonly number[];
  readonly logprobs: readonly number[];
  readonly finishReason: GenerationFinishReason;
  /** The concrete model version that generated. */
  readonly model: ModelRef;
  readonly promptTokenIds: readonly number[] | undefined;
  readonly promptTokenCount: number;
}

/** The conversation no longer fits the model's context window: the trajectory ends there. */
export class ContextLengthExceeded extends Error {
  override readonly name = 'ContextLengthExceeded';
}

/**
 * The policy as the synthesis loop sees it. The gRPC implementation calls the inference service;
 * the interface keeps the loop independent of transport.
 */
export interface Policy {
  /** Rejects with ContextLengthExceeded when the state is too long, with the gRPC error otherwise. */
  generate(request: PolicyRequest, signal: AbortSignal): Promise<PolicyTurn>;
}
