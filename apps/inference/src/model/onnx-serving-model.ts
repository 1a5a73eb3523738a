import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { invalidArgument } from '@swirl/grpc-kit';
import type { EngineLimits } from '../engine/generation-engine';
import { EngineThread } from '../engine/engine-thread';
import type { EngineMetricsSink } from '../engine/engine-thread-metrics';
import type { SessionOptions } from '../runtime/onnx-runtime';
import { resolvePrompt, type PromptInput } from '../service/resolve-prompt';
import { readDecoderFiles } from './onnx-decoder';
import type { ServingModel } from './serving-model';

export interface OnnxServingOptions {
  readonly session: SessionOptions;
  readonly limits: EngineLimits;
  readonly scoreBatchSize: number;
  /** Engine threads, each with its own session and batch; requests go to the least loaded. */
  readonly engineThreads: number;
  readonly sink: EngineMetricsSink;
}

/**
 * An ONNX decoder served with continuous batching. Decoding runs in engine threads; this thread
 * keeps a tokenizer of its own for prompts, Tokenize and Detokenize.
 */
export async function createOnnxServingModel(dir: string, options: OnnxServingOptions): Promise<ServingModel> {
  const files = readDecoderFiles(dir);
  const { config, tokenizer } = files;
  const started = await Promise.allSettled(Array.from({ length: options.engineThreads }, () => EngineThread.start(dir, options.session, options.limits, options.sink)));
  const threads = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed !== undefined) {
    await Promise.all(threads.map((t) => t.close()));
    throw failed.reason;
  }
  const leastLoaded = () => threads.reduce((best, t) => (t.load < best.load ? t : best));
  return {
    contextLength: config.maxPositions,
    vocabSize: config.vocabSize,
    eosTokenIds: config.eosTokenIds,
    // Hashed here, once per version: the engine threads load the same directory without it.
    tokenizerSha256: createHash('sha256').update(readFileSync(join(dir, 'tokenizer.json'))).digest('hex'),
    encodePrompt: async (input: PromptInput) => resolvePrompt(input, files),
    tokenizeText: async (text) => tokenizer.encode(text),
    tokenizeChat: async (messages, addGenerationPrompt) => {
      if (!tokenizer.hasChatTemplate) throw invalidArgument('this model has no chat template');
      const renderedText = tokenizer.renderChat(messages, addGenerationPrompt);
      return { ids: tokenizer.encode(renderedText), renderedText };
    },
    detokenize: async (ids, skip) => tokenizer.decode(ids, skip),
    tokenText: (id) => tokenizer.decode([id]),
    generate: (request) => leastLoaded().generate(request),
    // In-process: a Score's forward passes are bounded by its item limit and run to the end.
    score: (items) => leastLoaded().score(items, options.scoreBatchSize),
    activeSequences: () => threads.reduce((sum, t) => sum + t.load, 0),
    drained: async () => {
      await Promise.all(threads.map((t) => t.drained()));
    },
    release: async () => {
      await Promise.all(threads.map((t) => t.close()));
    },
  };
}
