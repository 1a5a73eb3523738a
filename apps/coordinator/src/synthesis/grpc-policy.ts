import { status } from '@grpc/grpc-js';
import { FinishReason, type InferenceServiceClient, type GenerateResponse, type GetModelResponse, type TokenizeResponse } from '@swirl/proto';
import type { GenerationFinishReason, ModelRef } from '@swirl/store';
import { grpcCode, unaryCall } from '../clients/unary-call';
import { chatMessagesToProto } from '../convert/chat-messages';
import { ContextLengthExceeded, type Policy, type PolicyRequest, type PolicyTurn } from './policy';

const FINISH: Readonly<Partial<Record<FinishReason, GenerationFinishReason>>> = {
  [FinishReason.FINISH_REASON_STOP_SEQUENCE]: 'stop_sequence',
  [FinishReason.FINISH_REASON_EOS]: 'eos',
  [FinishReason.FINISH_REASON_MAX_TOKENS]: 'max_tokens',
  [FinishReason.FINISH_REASON_CONTEXT_LENGTH]: 'context_length',
  [FinishReason.FINISH_REASON_CANCELLED]: 'cancelled',
};

export interface GrpcPolicyOptions {
  /** Deadline of one Generate call. */
  readonly timeoutMs: number;
}

/** The policy behind InferenceService.Generate (one action per call, one sample). */
export function grpcPolicy(client: InferenceServiceClient, options: GrpcPolicyOptions): Policy {
  const contextLengths = new Map<string, number>();
  const contextLength = async (model: ModelRef, signal: AbortSignal): Promise<number> => {
    const key = `${model.name}@${model.version}`;
    let length = contextLengths.get(key);
    if (length === undefined) {
      const res = await unaryCall<{ model: ModelRef }, GetModelResponse>(client.getModel.bind(client), { model }, { signal, timeoutMs: 30_000 });
      length = res.model?.contextLength ?? 0;
      contextLengths.set(key, length);
    }
    return length;
  };

  return {
    async generate(request: PolicyRequest, signal: AbortSignal): Promise<PolicyTurn> {
      const messages = chatMessagesToProto(request.messages);
      let res: GenerateResponse;
      try {
        res = await unaryCall(
          client.generate.bind(client),
          {
            model: request.model,
            input: { $case: 'chat', value: { messages } },
            sampling: {
              temperature: request.sampling.temperature,
              topP: request.sampling.topP,
              topK: request.sampling.topK,
              seed: request.seed,
              maxNewTokens: request.sampling.maxNewTokens,
              stopSequences: [...request.sampling.stopSequences],
              ignoreEos: false,
            },
            numSamples: 1,
            returnPromptTokenIds: request.returnPromptTokenIds,
          },
          { signal, timeoutMs: options.timeoutMs },
        );
      } catch (err) {
        // Only an over-long prompt is the trajectory's natural end; any other refusal is an error.
        // The status text is not parsed: the prompt is measured against the model's window.
        if (grpcCode(err) === status.INVALID_ARGUMENT) {
          const tokens = await unaryCall<Parameters<typeof client.tokenize>[0], TokenizeResponse>(
            client.tokenize.bind(client),
            { model: request.model, input: { $case: 'chat', value: { messages } }, addSpecialTokens: false, addGenerationPrompt: true },
            { signal, timeoutMs: 30_000 },
          );
          const window = await contextLength(request.model, signal);
          if (window > 0 && tokens.tokenIds.length >= window) {
            throw new ContextLengthExceeded(`the state has ${tokens.tokenIds.length} tokens; the context of ${request.model.name}@${request.model.version} holds ${window}`);
          }
        }
        throw err;
      }
      const completion = res.completions[0];
      if (completion === undefined) throw new Error('the inference service returned no completion');
      return {
        text: completion.text,
        tokenIds: completion.tokenIds,
        logprobs: completion.logprobs,
        finishReason: FINISH[completion.finishReason] ?? 'eos',
        model: { name: res.model?.name ?? request.model.name, version: res.model?.version ?? request.model.version },
        promptTokenIds: request.returnPromptTokenIds && res.promptTokenIds.length > 0 ? res.promptTokenIds : undefined,
        promptTokenCount: res.promptTokenCount,
      };
    },
  };
}
