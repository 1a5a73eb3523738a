import { STOP_SEQUENCES } from '@swirl/actions';
import { invalidArgument } from '@swirl/grpc-kit';
import type { SamplingParams } from '@swirl/proto';
import { drawSeed } from '../../synthesis/derive-seed';
import type { ResolvedSampling } from '../../synthesis/policy';

export interface SamplingDefaults {
  /** Temperature when unset: 1.0 for synthesis, 0 (greedy) for evaluation. */
  readonly temperature: number;
}

const DEFAULT_MAX_NEW_TOKENS = 256;

/**
 * The request's sampling with every default filled in (stop sequences = the action grammar's
 * closing tags; a seed drawn when unset and sampling is random), checked against the contract's
 * ranges. The resolved params are what the job records and resumes with.
 */
export function resolveSampling(params: SamplingParams | undefined, defaults: SamplingDefaults, field: string): SamplingParams {
  const temperature = params?.temperature ?? defaults.temperature;
  if (!(temperature >= 0 && temperature <= 5)) throw invalidArgument(`${field}.temperature must be in [0, 5], got ${temperature}`);
  const topP = params?.topP;
  if (topP !== undefined && !(topP > 0 && topP <= 1)) throw invalidArgument(`${field}.top_p must be in (0, 1], got ${topP}`);
  const stops = params?.stopSequences.length ? params.stopSequences : [...STOP_SEQUENCES];
  if (stops.length > 8) throw invalidArgument(`${field}.stop_sequences holds at most 8 sequences, got ${stops.length}`);
  for (const s of stops) {
    const bytes = Buffer.byteLength(s);
    if (bytes < 1 || bytes > 64) throw invalidArgument(`${field}.stop_sequences: each must be 1..64 bytes, got ${JSON.stringify(s)}`);
  }
  let seed = params?.seed;
  if (seed !== undefined && !(Number.isSafeInteger(seed) && seed >= 0)) throw invalidArgument(`${field}.seed must be an integer below 2^53, got ${seed}`);
  if (seed === undefined && temperature > 0) seed = drawSeed();
  return {
    temperature,
    topP,
    topK: params?.topK === 0 ? undefined : params?.topK,
    seed,
    maxNewTokens: params?.maxNewTokens || DEFAULT_MAX_NEW_TOKENS,
    stopSequences: stops,
    ignoreEos: false,
  };
}

/** The loop's view of resolved sampling params. */
export function samplingForPolicy(params: SamplingParams): ResolvedSampling {
  return {
    temperature: params.temperature ?? 0,
    ...(params.topP === undefined ? {} : { topP: params.topP }),
    ...(params.topK === undefined ? {} : { topK: params.topK }),
    maxNewTokens: params.maxNewTokens,
    stopSequences: params.stopSequences,
  };
}
