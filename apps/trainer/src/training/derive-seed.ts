import { createHash, randomInt } from 'node:crypto';

/**
 * Seeds below 2^53 - 2^16: JavaScript services reject larger seeds, and inference gives sample i
 * of a request seed + i, so a request seed must leave room for up to 64 samples.
 */
export const MAX_SEED = 2 ** 53 - 2 ** 16;

/**
 * A seed for one purpose of one run, e.g. `deriveSeed(runSeed, 'sample', update, exampleId)`:
 * the same labels always give the same seed, different labels unrelated ones (SHA-256).
 */
export function deriveSeed(runSeed: number, ...labels: readonly (string | number)[]): number {
  const hash = createHash('sha256').update(String(runSeed));
  for (const label of labels) hash.update('\u0000').update(String(label));
  const digest = hash.digest();
  // 53 bits from the digest, folded into [0, MAX_SEED).
  const value = digest.readUIntBE(0, 6) * 32 + (digest[6]! >> 3);
  return value % MAX_SEED;
}

/** A fresh seed for a run that did not ask for one; recorded in the run so it can be replayed. */
export function drawRunSeed(): number {
  return randomInt(0, 2 ** 47);
}
