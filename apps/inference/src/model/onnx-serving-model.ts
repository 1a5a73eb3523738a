import { invalidArgument } from '@swirl/grpc-kit';
import { GenerationEngine, type EngineLimits } from '../engine/generation-engine';
import type { EngineMetrics } from '../engine/engine-metrics';
import { scoreContinuations } from '../engine/score-continuations';
import { resolvePrompt, type PromptInput } from '../service/resolve-prompt';
import type { OnnxDecoder } from './onnx-decoder';
import type { ServingModel } from './serving-model';

/** An ONNX decoder served in-process with continuous batching. */
export function createOnnxServingModel(decoder: OnnxDecoder, limits: EngineLimits, metrics: EngineMetrics, scoreBatchSize: number): ServingModel {
  const engine = new GenerationEngine(decoder.session, decoder.config, decoder.tokenizer, limits, metrics);
  const { config, tokenizer } = decoder;
  return {
    contextLength: config.maxPositions,
    vocabSize: config.vocabSize,
    eosTokenIds: config.eosTokenIds,
    tokenizerSha256: decoder.tokenizerSha256,
    encodePrompt: async (input: PromptInput) => resolvePrompt(input, decoder),
    tokenizeText: async (text) => tokenizer.encode(text),
    tokenizeChat: async (messages, addGenerationPrompt) => {
      if (!tokenizer.hasChatTemplate) throw invalidArgument('this model has no chat template');
      const renderedText = tokenizer.renderChat(messages, addGenerationPrompt);
      return { ids: tokenizer.encode(renderedText), renderedText };
    },
    detokenize: async (ids, skip) => tokenizer.decode(ids, skip),
    tokenText: (id) => tokenizer.decode([id]),
    generate: (request) => engine.generate(request),
    score: (items) => scoreContinuations(decoder, items, scoreBatchSize),
    activeSequences: () => engine.activeRows + engine.queued,
    drained: () => engine.drained(),
    release: () => decoder.session.release(),
  };
}
