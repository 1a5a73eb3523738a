import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clientTlsOptions, createServerMetrics, startGrpcService, type Logger, type RunningGrpcService } from '@swirl/grpc-kit';
import { readDescriptorSet } from '@swirl/proto';
import { openSqliteStore } from '@swirl/store';
import { createServiceClients } from './clients/service-clients';
import { createTrainerServer } from './create-trainer-server';
import { BaseCheckpoints } from './runs/base-checkpoints';
import { RunManager } from './runs/run-manager';
import type { TrainerStore } from './store/trainer-store';
import type { TrainerConfig } from './trainer-config';
import { createTrainerMetrics } from './trainer-metrics';
import { ArtifactPaths } from './training/artifact-paths';

export const TRAINER_VERSION: string = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version;

export interface RunningTrainerService extends RunningGrpcService {
  readonly runs: RunManager;
}

/**
 * Composition root of the trainer: store, clients of learner/inference/judge, metrics, the run
 * manager and the gRPC server. Once serving, it resumes the runs a previous trainer left
 * unfinished. On shutdown it stops driving the active run (it resumes from its last checkpoint
 * on the next start), ends the WatchRun streams, drains the server and closes the store.
 */
export async function startTrainerService(config: TrainerConfig, logger: Logger): Promise<RunningTrainerService> {
  BaseCheckpoints.parse(config.baseCheckpoints); // bad settings fail before the store is opened
  const store = await openSqliteStore({ path: config.storePath });
  return startTrainerWithStore(config, logger, store, () => store.close());
}

/** The same, on a store the caller opened (and closes in `closeStore`). */
export async function startTrainerWithStore(config: TrainerConfig, logger: Logger, store: TrainerStore, closeStore: () => Promise<void>): Promise<RunningTrainerService> {
  const baseCheckpoints = BaseCheckpoints.parse(config.baseCheckpoints);
  const metrics = createServerMetrics('trainer', TRAINER_VERSION);
  const clients = createServiceClients({ ...config, authToken: config.authToken, tls: clientTlsOptions(config) });
  const runs = new RunManager({
    store,
    clients,
    baseCheckpoints,
    metrics: createTrainerMetrics(metrics.registry),
    paths: new ArtifactPaths(config.artifactsDir),
    logger,
    targets: { inference: config.inferenceTarget, judge: config.judgeTarget },
    settings: config,
  });
  const running = await startGrpcService({
    config,
    logger,
    metrics,
    descriptorSet: readDescriptorSet(),
    services: [createTrainerServer({ runs, logger })],
    onShutdown: async () => {
      clients.close();
      await closeStore();
    },
  });
  // Before serving: a CreateRun must see the learner taken by a resumed run.
  await runs.resumeUnfinished().catch((err: unknown) => logger.error('could not resume unfinished runs', { err }));
  running.setServing(true);
  return {
    ...running,
    runs,
    // Runs first: the active run stops driving the learner and WatchRun streams end, so the
    // server's drain is not held open by streams that would only end with the run.
    shutdown: async (reason) => {
      await runs.shutdown(config.shutdownGraceMs);
      await running.shutdown(reason);
    },
  };
}
