import { randomInt } from 'node:crypto';
import { invalidArgument } from '@swirl/grpc-kit';
import type { SamplingParams } from '@swirl/proto';
import type { SamplingConfig } from '../sampling/sample-token';

export interface ResolvedSampling {
  readonly sampling: SamplingConfig;
  readonly seed: bigint;
  readonly maxNewTokens: number;
  readonly stopSequences: readonly string[];
  readonly numSamples: number;
  readonly ignoreEos: boolean;
}

const DEFAULT_MAX_NEW_TOKENS = 256;
const MAX_SEED = 2 ** 53;

/** Applies SamplingParams' documented defaults and bounds; anything absurd is INVALID_ARGUMENT. */
export function resolveSampling(params: SamplingParams | undefined, numSamples: number, promptLength: number, contextLength: number): ResolvedSampling {
  const temperature = params?.temperature ?? 1;
  const topP = params?.topP ?? 1;
  const topK = params?.topK ?? 0;
  if (!(temperature >= 0 && temperature <= 5)) throw invalidArgument(`sampling.temperature must be between 0 (greedy) and 5, got ${temperature}`);
  if (!(topP > 0 && topP <= 1)) throw invalidArgument(`sampling.top_p must be in (0, 1], got ${topP}`);
  // randomInt's range is below 2^48; any drawn seed is far below the 2^53 bound.
  const seed = params?.seed ?? randomInt(0, 2 ** 47);
  if (!Number.isSafeInteger(seed) || seed < 0 || seed >= MAX_SEED) throw invalidArgument(`sampling.seed must be below 2^53, got ${seed}`);
  const stops = params?.stopSequences ?? [];
  if (stops.length > 8) throw invalidArgument(`at most 8 stop sequences, got ${stops.length}`);
  stops.forEach((s, i) => {
    const bytes = Buffer.byteLength(s);
    if (bytes < 1 || bytes > 64) throw invalidArgument(`sampling.stop_sequences[${i}] must be 1..64 bytes, got ${bytes}`);
  });
  const samples = numSamples === 0 ? 1 : numSamples;
  if (samples > 64) throw invalidArgument(`num_samples must be at most 64, got ${samples}`);
  const room = contextLength - promptLength;
  const asked = params?.maxNewTokens || DEFAULT_MAX_NEW_TOKENS;
  return { sampling: { temperature, topP, topK }, seed: BigInt(seed), maxNewTokens: Math.max(1, Math.min(asked, room)), stopSequences: stops, numSamples: samples, ignoreEos: params?.ignoreEos ?? false };
}
