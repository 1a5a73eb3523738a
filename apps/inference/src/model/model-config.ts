import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the runtime needs to know about a causal decoder exported in the Hugging Face /
 * transformers.js convention (`config.json` beside `model.onnx` and `tokenizer.json`).
 */
export interface DecoderConfig {
  readonly modelType: string;
  readonly numLayers: number;
  /** Key/value heads in the cache (fewer than attention heads with grouped-query attention). */
  readonly numKvHeads: number;
  readonly headDim: number;
  readonly vocabSize: number;
  readonly maxPositions: number;
  readonly bosTokenId: number | undefined;
  readonly eosTokenIds: readonly number[];
  readonly padTokenId: number;
  readonly chatTemplate: string | undefined;
}

export class ModelConfigError extends Error {
  override readonly name = 'ModelConfigError';
}

/** Reads `<dir>/config.json`, accepting both swirl's field names and common HF ones. */
export function readDecoderConfig(dir: string): DecoderConfig {
  const file = join(dir, 'config.json');
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ModelConfigError(`${file}: ${(err as Error).message}`);
  }
  const int = (...names: string[]): number => {
    for (const n of names) {
      const v = raw[n];
      if (typeof v === 'number' && Number.isInteger(v) && v > 0) return v;
    }
    throw new ModelConfigError(`${file}: needs a positive integer ${names.join(' or ')}`);
  };
  const optionalId = (name: string): number | undefined => (typeof raw[name] === 'number' ? (raw[name] as number) : undefined);
  const numHeads = int('num_heads', 'num_attention_heads');
  const headDim = typeof raw['head_dim'] === 'number' ? (raw['head_dim'] as number) : int('hidden_size', 'n_embd') / numHeads;
  // stop_token_ids (swirl) lists every id that ends a turn; HF configs give eos_token_id (one or a list).
  const eos = raw['stop_token_ids'] ?? raw['eos_token_id'];
  const eosTokenIds = Array.isArray(eos) ? (eos as number[]) : typeof eos === 'number' ? [eos] : [];
  if (eosTokenIds.length === 0) throw new ModelConfigError(`${file}: needs eos_token_id`);
  return Object.freeze({
    modelType: String(raw['model_type'] ?? 'unknown'),
    numLayers: int('num_layers', 'num_hidden_layers', 'n_layer'),
    numKvHeads: typeof raw['num_key_value_heads'] === 'number' ? (raw['num_key_value_heads'] as number) : numHeads,
    headDim,
    vocabSize: int('vocab_size'),
    maxPositions: int('max_position_embeddings', 'n_positions'),
    bosTokenId: optionalId('bos_token_id'),
    eosTokenIds: Object.freeze([...eosTokenIds]),
    padTokenId: optionalId('pad_token_id') ?? eosTokenIds[0]!,
    chatTemplate: typeof raw['chat_template'] === 'string' ? (raw['chat_template'] as string) : undefined,
  });
}
