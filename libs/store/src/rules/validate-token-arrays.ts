import { InvalidStoreInputError } from '../errors/store-error';

/** Token ids are vocabulary indices: integers in [0, 2^32). */
export function toTokenIds(field: string, values: ArrayLike<number>): Uint32Array {
  if (values === null || typeof values !== 'object' || typeof values.length !== 'number') {
    throw new InvalidStoreInputError(`${field} must be an array of token ids`);
  }
  const ids = new Uint32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const id = values[i];
    if (!Number.isInteger(id) || id < 0 || id > 0xffffffff) throw new InvalidStoreInputError(`${field}[${i}] must be an integer in [0, 2^32), got ${id}`);
    ids[i] = id;
  }
  return ids;
}

/**
 * Log-probs are kept as float32 (what inference returns); NaN and +Infinity are refused,
 * -Infinity (a zero-probability token under sampling filters) is kept.
 */
export function toLogprobs(field: string, values: ArrayLike<number>): Float32Array {
  if (values === null || typeof values !== 'object' || typeof values.length !== 'number') {
    throw new InvalidStoreInputError(`${field} must be an array of log-probabilities`);
  }
  const logprobs = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value !== 'number' || Number.isNaN(value) || value === Infinity) {
      throw new InvalidStoreInputError(`${field}[${i}] must be a log-probability (a number, not NaN or +Infinity), got ${value}`);
    }
    logprobs[i] = value;
  }
  return logprobs;
}
