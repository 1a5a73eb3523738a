import { createClient } from '@swirl/grpc-kit';
import { CoordinatorServiceClient, TrainerServiceClient } from '@swirl/proto';
import type { ClientSecurity } from './client-security';

/** The two services a pipeline talks to. */
export interface PipelineClients {
  readonly coordinator: CoordinatorServiceClient;
  readonly trainer: TrainerServiceClient;
  close(): void;
}

/** Clients of the coordinator and the trainer; `security` adds the bearer token and TLS (default: plaintext, no token). */
export function connectPipelineClients(targets: { coordinator: string; trainer: string }, security: ClientSecurity = {}): PipelineClients {
  const common = { defaultTimeoutMs: 60_000, ...security };
  const coordinator = createClient(CoordinatorServiceClient, { target: targets.coordinator, ...common });
  const trainer = createClient(TrainerServiceClient, { target: targets.trainer, ...common });
  return { coordinator, trainer, close: () => (coordinator.close(), trainer.close()) };
}
