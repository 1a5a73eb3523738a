import { invalidArgument, serverStreaming, unary, type CallContext, type Logger, type ServiceRegistration } from '@swirl/grpc-kit';
import {
  InferenceServiceService,
  type GenerateRequest,
  type GenerateResponse,
  type GenerateStreamResponse,
  type InferenceServiceServer,
  type ModelRef,
} from '@swirl/proto';
import type { TokenEvent } from '../engine/generation-request';
import type { ModelRegistry } from '../model/model-registry';
import { resolveSampling } from './resolve-sampling';
import { toCompletion, toTimings } from './to-completion';

export interface InferenceServerDeps {
  readonly registry: ModelRegistry;
  readonly logger: Logger;
  /** Items per Score request. */
  readonly maxScoreItems: number;
}

/** The swirl.v1.InferenceService implementation. */
export function createInferenceServer(deps: InferenceServerDeps): ServiceRegistration {
  const { registry, logger } = deps;

  const generate = async (req: Omit<GenerateRequest, 'returnPromptTokenIds'> & { returnPromptTokenIds: boolean }, ctx: CallContext, onToken?: (e: TokenEvent) => void): Promise<GenerateResponse> => {
    const version = registry.resolve(req.model);
    const model = version.model!;
    const prompt = await model.encodePrompt(req.input, ctx.signal);
    if (prompt.ids.length >= model.contextLength) {
      throw invalidArgument(`the prompt has ${prompt.ids.length} tokens; this model's context holds ${model.contextLength}, so the prompt must be shorter to leave room to generate`);
    }
    const s = resolveSampling(req.sampling, req.numSamples, prompt.ids.length, model.contextLength);
    // Accepted: the client takes the headers while the model generates (see CallContext.sendHeaders).
    ctx.sendHeaders();
    const result = await model.generate({ promptIds: prompt.ids, ...s, signal: ctx.signal, onToken });
    return {
      model: { name: version.name, version: version.version },
      completions: result.sequences.map((seq) => toCompletion(seq, s.sampling.temperature === 0)),
      promptTokenIds: req.returnPromptTokenIds ? prompt.ids : [],
      promptTokenCount: prompt.ids.length,
      timings: toTimings(result.timings),
    };
  };

  const implementation: InferenceServiceServer = {
    generate: unary(logger, (req, ctx) => generate(req, ctx)),
    generateStream: serverStreaming<GenerateRequest, GenerateStreamResponse>(logger, async (req, emit, ctx) => {
      const summary = await generate(req, ctx, (e) =>
        emit({ event: { $case: 'chunk', value: { completionIndex: e.sampleIndex, text: e.text, tokenIds: [e.tokenId], logprobs: [e.logprob] } } }),
      );
      emit({ event: { $case: 'summary', value: summary } });
    }),
    score: unary(logger, async (req, ctx) => {
      if (req.items.length === 0 || req.items.length > deps.maxScoreItems) throw invalidArgument(`items must hold 1..${deps.maxScoreItems} sequences, got ${req.items.length}`);
      const version = registry.resolve(req.model);
      const model = version.model!;
      req.items.forEach((it, i) => {
        if (it.prefixTokenIds.length === 0) throw invalidArgument(`items[${i}].prefix_token_ids is empty: the first token has nothing to be predicted from`);
        if (it.continuationTokenIds.length === 0) throw invalidArgument(`items[${i}].continuation_token_ids is empty`);
        const all = [...it.prefixTokenIds, ...it.continuationTokenIds];
        if (all.length > model.contextLength) throw invalidArgument(`items[${i}] has ${all.length} tokens; the context holds ${model.contextLength}`);
        const bad = model.vocabSize > 0 ? all.find((t) => t >= model.vocabSize) : undefined;
        if (bad !== undefined) throw invalidArgument(`items[${i}] has token id ${bad}, outside the vocabulary (0..${model.vocabSize - 1})`);
      });
      const logprobs = await model.score(
        req.items.map((it) => ({ prefix: it.prefixTokenIds, continuation: it.continuationTokenIds })),
        ctx.signal,
      );
      return {
        model: { name: version.name, version: version.version },
        results: logprobs.map((lp) => ({ logprobs: lp, sumLogprob: lp.reduce((a, b) => a + b, 0) })),
      };
    }),
    tokenize: unary(logger, async (req, ctx) => {
      const version = registry.resolve(req.model);
      const model = version.model!;
      let result: { ids: number[]; renderedText: string };
      if (req.input?.$case === 'text') result = { ids: await model.tokenizeText(req.input.value, ctx.signal), renderedText: '' };
      else if (req.input?.$case === 'chat') {
        const roles = ['', 'system', 'user', 'assistant'];
        result = await model.tokenizeChat(
          req.input.value.messages.map((m) => ({ role: roles[m.role] ?? 'user', content: m.content })),
          req.addGenerationPrompt,
          ctx.signal,
        );
      } else throw invalidArgument('input is required: set text or chat');
      return { model: ref(version), tokenIds: result.ids, tokens: result.ids.map((id) => model.tokenText(id)), renderedText: result.renderedText };
    }),
    detokenize: unary(logger, async (req, ctx) => {
      const model = registry.resolve(req.model).model!;
      const bad = model.vocabSize > 0 ? req.tokenIds.find((t) => t >= model.vocabSize) : undefined;
      if (bad !== undefined) throw invalidArgument(`token id ${bad} is outside the vocabulary (0..${model.vocabSize - 1})`);
      return { text: await model.detokenize(req.tokenIds, req.skipSpecialTokens, ctx.signal) };
    }),
    loadModel: unary(logger, async (req) => {
      if (req.requestId === '') throw invalidArgument('request_id is required (an idempotency key)');
      const remote = req.openaiRemote;
      const { version, loadedNow } = await registry.load(req.model ?? { name: '', version: '' }, req.sourceUri, req.backend, req.activate, {
        remoteModel: remote?.remoteModel,
        apiKeyEnv: remote?.apiKeyEnv,
        maxConcurrency: remote?.maxConcurrency,
      });
      return { model: registry.info(version), loadedNow };
    }),
    getModel: unary(logger, async (req) => {
      if (!req.model?.name) throw invalidArgument('model.name is required');
      return { model: registry.info(registry.resolve(req.model)) };
    }),
    listModels: unary(logger, async (req) => {
      const pageSize = req.pageSize === 0 ? 50 : Math.min(req.pageSize, 500);
      const all = registry.all().filter((v) => req.name === '' || v.name === req.name);
      const start = req.pageToken === '' ? 0 : Number.parseInt(req.pageToken, 10);
      if (!Number.isInteger(start) || start < 0) throw invalidArgument(`page_token "${req.pageToken}" is not one this service issued`);
      const page = all.slice(start, start + pageSize);
      return { models: page.map((v) => registry.info(v)), nextPageToken: start + pageSize < all.length ? String(start + pageSize) : '' };
    }),
    unloadModel: unary(logger, async (req) => {
      if (!req.model?.name || !req.model.version) throw invalidArgument('model.name and model.version are both required');
      return { wasLoaded: await registry.unload(req.model, req.allowActive) };
    }),
  };
  return { name: 'swirl.v1.InferenceService', definition: InferenceServiceService, implementation };
}

function ref(v: { name: string; version: string }): ModelRef {
  return { name: v.name, version: v.version };
}
