import { createHash } from 'node:crypto';

/**
 * The sampling seed of an LLM judgement, derived from what is judged (a cache key), so the same
 * input always draws the same votes: judging is reproducible and the verdict cache is sound.
 * Below 2^53, as the inference service requires.
 */
export function voteSeed(key: string): number {
  const digest = createHash('sha256').update(key).digest();
  return digest.readUIntBE(0, 6) % 2 ** 53;
}
