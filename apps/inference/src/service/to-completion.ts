import { durationFromMs, type Completion, type GenerationTimings as TimingsMessage } from '@swirl/proto';
import type { GeneratedSequence, GenerationTimings } from '../engine/generation-request';

export function toCompletion(seq: GeneratedSequence, greedy: boolean): Completion {
  return {
    index: seq.index,
    text: seq.text,
    tokenIds: [...seq.tokenIds],
    logprobs: [...seq.logprobs],
    finishReason: seq.finishReason!,
    matchedStopSequence: seq.matchedStop,
    seed: greedy ? undefined : Number(seq.seed),
  };
}

export function toTimings(t: GenerationTimings): TimingsMessage {
  return {
    queue: durationFromMs(t.queueMs),
    prefill: durationFromMs(t.prefillMs),
    decode: durationFromMs(t.decodeMs),
    timeToFirstToken: durationFromMs(t.timeToFirstTokenMs),
    total: durationFromMs(t.totalMs),
  };
}
