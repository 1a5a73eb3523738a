import { createHash, randomBytes } from 'node:crypto';

/** Seeds stay below 2^48: inside the proto's 2^53 bound for JavaScript services, with room. */
const SEED_BYTES = 6;

/**
 * A child seed from a parent seed and labels (task id, sample index, step index ...): the same
 * inputs always give the same seed, so a job seed reproduces every trajectory, and a resumed
 * trajectory regenerates its interrupted step with the seed the first attempt used.
 */
export function deriveSeed(parent: number, ...labels: readonly (string | number)[]): number {
  const hash = createHash('sha256').update(String(parent));
  for (const label of labels) hash.update('\u0000').update(String(label));
  return hash.digest().readUIntBE(0, SEED_BYTES);
}

/** A fresh job seed, drawn when the request sets none (and then recorded in the job's spec). */
export function drawSeed(): number {
  return randomBytes(SEED_BYTES).readUIntBE(0, SEED_BYTES);
}
