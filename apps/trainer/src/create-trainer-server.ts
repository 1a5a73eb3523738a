import { serverStreaming, unary, type Logger, type ServiceRegistration } from '@swirl/grpc-kit';
import { TrainerServiceService, type TrainerServiceServer } from '@swirl/proto';
import type { RunManager } from './runs/run-manager';

export interface TrainerServerDeps {
  readonly runs: RunManager;
  readonly logger: Logger;
}

/** The swirl.v1.TrainerService implementation, ready to hand to startGrpcService. */
export function createTrainerServer(deps: TrainerServerDeps): ServiceRegistration {
  const { runs, logger } = deps;
  const implementation: TrainerServiceServer = {
    createRun: unary(logger, async (request) => ({ run: await runs.create(request) })),
    getRun: unary(logger, async (request) => ({ run: await runs.get(request.runId) })),
    watchRun: serverStreaming(logger, (request, emit, ctx) => runs.watch(request, emit, ctx.signal)),
    cancelRun: unary(logger, async (request) => ({ run: await runs.cancel(request) })),
    listRuns: unary(logger, (request) => runs.list(request)),
    listCheckpoints: unary(logger, (request) => runs.listCheckpoints(request)),
  };
  return { name: 'swirl.v1.TrainerService', definition: TrainerServiceService, implementation };
}
