import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, type SessionOptions } from '../runtime/onnx-runtime';
import { TextTokenizer } from '../tokenizer/text-tokenizer';
import { cacheTensorNames, detectCacheOutputs, type DecoderGraph } from './decoder-graph';
import { ModelConfigError, readDecoderConfig, type DecoderConfig } from './model-config';

/** A decoder directory's config and tokenizer: what the server thread needs (no session). */
export interface DecoderFiles {
  readonly dir: string;
  readonly config: DecoderConfig;
  readonly tokenizer: TextTokenizer;
}

/** A causal decoder loaded from a directory: session, config, tokenizer and cache signature. */
export type OnnxDecoder = DecoderFiles & DecoderGraph;

/** Reads `<dir>/{config.json, tokenizer.json}` after checking that `model.onnx` is there too. */
export function readDecoderFiles(dir: string): DecoderFiles {
  for (const file of ['model.onnx', 'config.json', 'tokenizer.json']) {
    if (!existsSync(join(dir, file))) throw new ModelConfigError(`${dir} has no ${file}: a model directory holds model.onnx, config.json and tokenizer.json`);
  }
  const config = readDecoderConfig(dir);
  const tokenizer = new TextTokenizer(dir, config.chatTemplate);
  return { dir, config, tokenizer };
}

/**
 * Loads `<dir>/{model.onnx, config.json, tokenizer.json}` and checks that the graph has the
 * inputs of the KV-cache convention and the cache outputs of one of the two signatures
 * (`present.N.*` or `new_key_values.N.*`, see `CacheOutputs`), so a wrong export fails at load
 * time with a list of what is missing rather than at the first request.
 */
export async function loadOnnxDecoder(dir: string, options: SessionOptions = {}): Promise<OnnxDecoder> {
  const files = readDecoderFiles(dir);
  const { config } = files;
  const session = await openSession(join(dir, 'model.onnx'), options);
  const wantInputs = ['input_ids', 'attention_mask', 'position_ids', ...cacheTensorNames(config.numLayers, 'present').past];
  const cacheOutputs = detectCacheOutputs(session.outputNames, config.numLayers);
  const wantOutputs = ['logits', ...cacheTensorNames(config.numLayers, cacheOutputs ?? 'present').out];
  const missing = [...wantInputs.filter((n) => !session.inputNames.includes(n)), ...wantOutputs.filter((n) => !session.outputNames.includes(n))];
  if (missing.length > 0 || cacheOutputs === undefined) {
    await session.release();
    throw new ModelConfigError(
      `${dir}/model.onnx lacks ${missing.join(', ')}: export a decoder with a KV cache (inputs ${wantInputs.slice(0, 4).join(', ')}, ...; outputs logits and present.N.key/value, or new_key_values.N.key/value)`,
    );
  }
  return { ...files, session, cacheOutputs };
}
