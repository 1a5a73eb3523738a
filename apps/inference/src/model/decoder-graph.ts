import type { RuntimeSession } from '../runtime/onnx-runtime';
import type { DecoderConfig } from './model-config';

/**
 * How a decoder graph hands back its KV cache (both take the same inputs):
 * - `present`: the Hugging Face / transformers.js convention; `present.N.key/value` hold the
 *   past and this call's tokens, so every call copies the whole cache (in the graph, and again
 *   when onnxruntime-node returns it).
 * - `new`: swirl's append signature (`swirl-onnx-kv-append/1`); `new_key_values.N.key/value`
 *   hold this call's tokens only, and the caller writes them into a cache buffer it keeps.
 */
export type CacheOutputs = 'present' | 'new';

/** A loaded graph and the one fact about its signature that decoding depends on. */
export interface DecoderGraph {
  readonly session: RuntimeSession;
  readonly config: DecoderConfig;
  readonly cacheOutputs: CacheOutputs;
}

export interface CacheTensorNames {
  /** Inputs, by layer: key, value, key, value, ... */
  readonly past: readonly string[];
  /** The matching outputs of the graph's signature. */
  readonly out: readonly string[];
}

const OUTPUT_PREFIX: Readonly<Record<CacheOutputs, string>> = { present: 'present', new: 'new_key_values' };

/** Cache tensor names by layer count and signature: built once, not at every step. */
const namesByKey = new Map<string, CacheTensorNames>();
export function cacheTensorNames(layers: number, cacheOutputs: CacheOutputs): CacheTensorNames {
  const key = `${layers}/${cacheOutputs}`;
  let names = namesByKey.get(key);
  if (names === undefined) {
    const per = (prefix: string) => Array.from({ length: layers }, (_, l) => [`${prefix}.${l}.key`, `${prefix}.${l}.value`]).flat();
    names = Object.freeze({ past: per('past_key_values'), out: per(OUTPUT_PREFIX[cacheOutputs]) });
    namesByKey.set(key, names);
  }
  return names;
}

/** The signature whose cache outputs the graph has for every layer, if any. */
export function detectCacheOutputs(outputNames: readonly string[], layers: number): CacheOutputs | undefined {
  const has = new Set(outputNames);
  return (['new', 'present'] as const).find((kind) => cacheTensorNames(layers, kind).out.every((n) => has.has(n)));
}
