import { status } from '@grpc/grpc-js';
import { createClient, idempotentMethodsFromDescriptorSet, type ClientOptions } from '@swirl/grpc-kit';
import { InferenceServiceClient, JudgeServiceClient, readDescriptorSet, ToolServiceClient, TrainerServiceClient } from '@swirl/proto';

export interface ServiceClientOptions {
  readonly inferenceTarget: string;
  readonly toolsTarget: string;
  /** undefined: no judge service configured. */
  readonly judgeTarget: string | undefined;
  /** undefined: no trainer service configured. */
  readonly trainerTarget: string | undefined;
  readonly authToken: string | undefined;
  /** TLS of every call (clientTlsOptions of the settings); undefined: plaintext. */
  readonly tls: ClientOptions['tls'] | undefined;
  /** Attempts of a call refused with UNAVAILABLE or RESOURCE_EXHAUSTED (idempotent methods only). */
  readonly callAttempts: number;
}

/** The clients the coordinator calls: the policy, the tools and (optionally) the judge and the trainer. */
export interface ServiceClients {
  readonly inference: InferenceServiceClient;
  readonly tools: ToolServiceClient;
  readonly judge: JudgeServiceClient | undefined;
  readonly trainer: TrainerServiceClient | undefined;
  close(): void;
}

export function createServiceClients(options: ServiceClientOptions): ServiceClients {
  const idempotentMethods = idempotentMethodsFromDescriptorSet(readDescriptorSet());
  // A full inference queue or a full tool queue did not act on the call: worth a retry with
  // backoff. Every method used here is declared side-effect free or idempotent (CreateRun is
  // idempotent by its request_id).
  const common = {
    idempotentMethods,
    authToken: options.authToken,
    tls: options.tls,
    retry: { maxAttempts: options.callAttempts, retryableCodes: [status.UNAVAILABLE, status.RESOURCE_EXHAUSTED], initialBackoffMs: 200, maxBackoffMs: 5000 },
  };
  const inference = createClient(InferenceServiceClient, { target: options.inferenceTarget, ...common });
  const tools = createClient(ToolServiceClient, { target: options.toolsTarget, ...common });
  const judge = options.judgeTarget === undefined ? undefined : createClient(JudgeServiceClient, { target: options.judgeTarget, ...common });
  const trainer = options.trainerTarget === undefined ? undefined : createClient(TrainerServiceClient, { target: options.trainerTarget, ...common });
  return {
    inference,
    tools,
    judge,
    trainer,
    close: () => {
      inference.close();
      tools.close();
      judge?.close();
      trainer?.close();
    },
  };
}
