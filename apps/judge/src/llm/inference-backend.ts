import { status, Metadata, type ServiceError } from '@grpc/grpc-js';
import { childCallOptions, ConcurrencyLimiter, failedPrecondition, GrpcStatusError, isGrpcStatusError, resourceExhausted, unavailable } from '@swirl/grpc-kit';
import type { ChatTurn } from '@swirl/judging';
import type { GenerateRequest, GenerateResponse, GetModelRequest, GetModelResponse, InferenceServiceClient, ModelRef } from '@swirl/proto';
import { toChatMessages } from '../rpc/proto-mapping';
import type { ReplyBudget } from '../rpc/reply-budget';

/** What one judging call on the inference service came to. */
export type GenerationOutcome =
  | { readonly kind: 'ok'; readonly texts: readonly string[]; readonly model: ModelRef }
  /** The item's time ran out (its own bound or the call's reply budget). */
  | { readonly kind: 'timeout'; readonly detail: string }
  /** The service refused this prompt (e.g. longer than the model's context window). */
  | { readonly kind: 'rejected'; readonly detail: string };

export interface InferenceBackendOptions {
  readonly client: InferenceServiceClient;
  /** For messages: where the service is. */
  readonly target: string;
  /** Time one item may take. */
  readonly timeoutMs: number;
  readonly maxConcurrent: number;
  readonly maxQueued: number;
}

export interface GenerationRequest {
  readonly model: ModelRef;
  readonly messages: readonly ChatTurn[];
  readonly samples: number;
  readonly seed: number;
  readonly temperature: number;
  readonly maxNewTokens: number;
}

/**
 * The LLM judges' access to the inference service: votes as one Generate call per item (k
 * samples, seeds from the item), under a concurrency limit and a per-item deadline that never
 * passes the call's reply budget. A timeout is an outcome (the item abstains); an unreachable
 * service or a missing model is an error of the whole call.
 */
export class InferenceBackend {
  private readonly limiter: ConcurrencyLimiter;

  constructor(private readonly options: InferenceBackendOptions) {
    this.limiter = new ConcurrencyLimiter('the llm judge', { maxConcurrent: options.maxConcurrent, maxQueued: options.maxQueued });
  }

  /** The concrete version a model reference names now (its active version when empty). */
  async resolveModel(model: ModelRef, budget: ReplyBudget): Promise<ModelRef> {
    const request: GetModelRequest = { model };
    // Bounded by the call's budget (or the client's default deadline), not by the per-item bound:
    // that one can be a few milliseconds and is about generating, not about finding the model.
    const deadline = Number.isFinite(budget.endsAtMs) ? { deadline: budget.endsAtMs } : {};
    try {
      const response = await new Promise<GetModelResponse>((resolve, reject) =>
        this.options.client.getModel(request, new Metadata(), childCallOptions(budget.call, deadline), (e, r) => (e ? reject(e) : resolve(r))),
      );
      const resolved = response.model?.model;
      if (resolved === undefined) throw failedPrecondition(`the inference service at ${this.options.target} described no model for ${describe(model)}`);
      return { name: resolved.name, version: resolved.version };
    } catch (err) {
      throw this.callError(err, model);
    }
  }

  async generate(request: GenerationRequest, budget: ReplyBudget): Promise<GenerationOutcome> {
    try {
      return await this.limiter.run(budget.signal, () => this.generateNow(request, budget));
    } catch (err) {
      // Waiting for a slot outlived the budget: the item abstains like any other timeout.
      if (isGrpcStatusError(err) && err.code === status.DEADLINE_EXCEEDED) return { kind: 'timeout', detail: 'the call\'s time ran out while the item waited for a free slot' };
      throw err;
    }
  }

  private deadline(budget: ReplyBudget): number {
    return Math.min(Date.now() + this.options.timeoutMs, budget.endsAtMs);
  }

  private generateNow(request: GenerationRequest, budget: ReplyBudget): Promise<GenerationOutcome> {
    const deadline = this.deadline(budget);
    if (deadline <= Date.now() || budget.signal.aborted) return Promise.resolve({ kind: 'timeout', detail: 'no time was left for this item' });
    const started = Date.now();
    const message: GenerateRequest = {
      model: request.model,
      input: { $case: 'chat', value: { messages: toChatMessages(request.messages) } },
      sampling: { temperature: request.temperature, topP: undefined, topK: undefined, seed: request.seed, maxNewTokens: request.maxNewTokens, stopSequences: [], ignoreEos: false },
      numSamples: request.samples,
      returnPromptTokenIds: false,
    };
    return new Promise<GenerationOutcome>((resolve, reject) => {
      const call = this.options.client.generate(message, new Metadata(), childCallOptions(budget.call, { deadline }), (err, response?: GenerateResponse) => {
        budget.signal.removeEventListener('abort', onAbort);
        if (err === null && response !== undefined) {
          resolve({ kind: 'ok', texts: response.completions.map((c) => c.text), model: response.model ?? request.model });
          return;
        }
        const code = (err as ServiceError).code;
        if (code === status.DEADLINE_EXCEEDED || (code === status.CANCELLED && budget.signal.aborted)) {
          resolve({ kind: 'timeout', detail: `the judge model gave no answer within ${Date.now() - started} ms (item bound ${this.options.timeoutMs} ms, or the call's deadline)` });
        } else if (code === status.INVALID_ARGUMENT) {
          resolve({ kind: 'rejected', detail: (err as ServiceError).details });
        } else {
          reject(this.callError(err, request.model));
        }
      });
      const onAbort = () => call.cancel();
      budget.signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** The status the judge's own caller gets when the backend fails as a whole. */
  private callError(err: unknown, model: ModelRef): GrpcStatusError {
    if (isGrpcStatusError(err)) return err;
    const e = err as ServiceError;
    const where = `the inference service at ${this.options.target}`;
    switch (e.code) {
      case status.UNAVAILABLE:
        return unavailable(`the llm judge's inference backend is unavailable: ${where} did not answer (${e.details}); start it or point --inference-target at it`);
      case status.NOT_FOUND:
      case status.FAILED_PRECONDITION:
        return failedPrecondition(`the judge model ${describe(model)} is not ready on ${where}: ${e.details}`);
      case status.RESOURCE_EXHAUSTED:
        return resourceExhausted(`${where} is overloaded: ${e.details}; retry later`);
      default:
        return new GrpcStatusError(status.UNAVAILABLE, `${where} failed the judging call with ${status[e.code] ?? e.code}: ${e.details}`);
    }
  }
}

function describe(model: ModelRef): string {
  return model.version === '' ? `"${model.name}" (active version)` : `"${model.name}@${model.version}"`;
}
