import type { SamplingConfig } from '../sampling/sample-token';
import type { FinishReason } from '@swirl/proto/common';

/** A validated generation request as the engine runs it. */
export interface GenerationRequest {
  readonly promptIds: readonly number[];
  readonly sampling: SamplingConfig;
  /** Sample i uses seed + i. */
  readonly seed: bigint;
  readonly numSamples: number;
  readonly maxNewTokens: number;
  readonly stopSequences: readonly string[];
  /** Generate past end-of-sequence tokens (benchmarks). */
  readonly ignoreEos: boolean;
  /** Aborted on cancellation or deadline: the request leaves the batch at the next step. */
  readonly signal: AbortSignal;
  /** Called for every generated token (streaming). */
  readonly onToken?: (event: TokenEvent) => void;
}

export interface TokenEvent {
  readonly sampleIndex: number;
  readonly tokenId: number;
  readonly logprob: number;
  /** Text this token added (may be empty while a multi-byte character is incomplete). */
  readonly text: string;
}

export interface GenerationTimings {
  readonly queueMs: number;
  readonly prefillMs: number;
  readonly decodeMs: number;
  readonly timeToFirstTokenMs: number;
  readonly totalMs: number;
}

/** One finished sample, whichever backend produced it. */
export interface GeneratedSequence {
  readonly index: number;
  readonly seed: bigint;
  readonly tokenIds: readonly number[];
  readonly logprobs: readonly number[];
  readonly text: string;
  readonly finishReason: FinishReason | undefined;
  /** The stop sequence that ended it; '' otherwise. */
  readonly matchedStop: string;
}

export interface GenerationResult {
  readonly sequences: readonly GeneratedSequence[];
  readonly timings: GenerationTimings;
}
