import { createClient } from '@swirl/grpc-kit';
import { CoordinatorServiceClient, TrainerServiceClient } from '@swirl/proto';

/** The two services a pipeline talks to. */
export interface PipelineClients {
  readonly coordinator: CoordinatorServiceClient;
  readonly trainer: TrainerServiceClient;
  close(): void;
}

export function connectPipelineClients(targets: { coordinator: string; trainer: string }): PipelineClients {
  const coordinator = createClient(CoordinatorServiceClient, { target: targets.coordinator, defaultTimeoutMs: 60_000 });
  const trainer = createClient(TrainerServiceClient, { target: targets.trainer, defaultTimeoutMs: 60_000 });
  return { coordinator, trainer, close: () => (coordinator.close(), trainer.close()) };
}
