import type { SessionOptions } from '../runtime/onnx-runtime';
import type { EngineLimits } from './generation-engine';
import type { MetricsDelta } from './engine-thread-metrics';
import type { GeneratedSequence, GenerationRequest, GenerationTimings, TokenEvent } from './generation-request';

/** Messages between the server thread and an engine thread (worker_threads, structured clone). */

export interface EngineThreadData {
  readonly kind: 'swirl-engine-thread';
  readonly dir: string;
  readonly session: SessionOptions;
  readonly limits: EngineLimits;
}

/** A GenerationRequest without what cannot cross threads (the signal and the callback). */
export type WireGenerationRequest = Omit<GenerationRequest, 'signal' | 'onToken'> & {
  /** Report every token as it is generated (streaming). */
  readonly stream: boolean;
};

export interface WireScoreItem {
  readonly prefix: readonly number[];
  readonly continuation: readonly number[];
}

export type ToEngineThread =
  | { readonly type: 'generate'; readonly id: number; readonly request: WireGenerationRequest }
  | { readonly type: 'cancel'; readonly id: number }
  | { readonly type: 'score'; readonly id: number; readonly items: readonly WireScoreItem[]; readonly batchSize: number }
  /** Cancel what is in flight, wait for the current forward pass, release the session, exit. */
  | { readonly type: 'close' };

/**
 * An error as it crosses threads. The server thread turns `kind` into the gRPC status (engine
 * threads do not load the gRPC packages): full = RESOURCE_EXHAUSTED, unloaded = UNAVAILABLE,
 * failed = INTERNAL.
 */
export interface WireError {
  readonly kind: 'full' | 'unloaded' | 'failed';
  readonly message: string;
  readonly cancelled: boolean;
}

export type FromEngineThread =
  | { readonly type: 'ready' }
  | { readonly type: 'load-failed'; readonly message: string }
  | { readonly type: 'tokens'; readonly id: number; readonly events: readonly TokenEvent[] }
  | { readonly type: 'generated'; readonly id: number; readonly sequences: readonly GeneratedSequence[]; readonly timings: GenerationTimings }
  | { readonly type: 'scored'; readonly id: number; readonly logprobs: number[][] }
  | { readonly type: 'failed'; readonly id: number; readonly error: WireError }
  | { readonly type: 'metrics'; readonly delta: MetricsDelta };
