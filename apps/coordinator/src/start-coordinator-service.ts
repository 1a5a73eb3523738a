import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { clientTlsOptions, createServerMetrics, startGrpcService, type Logger, type RunningGrpcService } from '@swirl/grpc-kit';
import { readDescriptorSet } from '@swirl/proto';
import { openSqliteStore, SchemaVersionError, type JobKind, type TrajectoryStore } from '@swirl/store';
import { createServiceClients } from './clients/service-clients';
import type { CoordinatorConfig } from './config/coordinator-config';
import { createEvaluateJobHandler } from './jobs/evaluate-job';
import { createFilterJobHandler } from './jobs/filter-job';
import type { JobHandler } from './jobs/job-handler';
import { JobManager } from './jobs/job-manager';
import { createJudgeJobHandler } from './jobs/judge-job';
import { createPipelineJobHandler } from './jobs/pipeline-job';
import type { RolloutJobDeps } from './jobs/rollout-job-deps';
import { createSynthesizeJobHandler } from './jobs/synthesize-job';
import { grpcJudgeCalls } from './judging/judge-calls';
import { createCoordinatorMetrics } from './metrics/coordinator-metrics';
import { createCoordinatorServer } from './service/create-coordinator-server';
import { StoreReads } from './service/store-reads';
import { grpcPolicy } from './synthesis/grpc-policy';
import { grpcToolRunner } from './synthesis/tool-runner';
import { grpcTrainerCalls } from './training/trainer-calls';
import { resolveDataDir } from './tasks/data-dir';

/** Start-up failed for a reason the operator can fix; the message says how. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

export const COORDINATOR_VERSION: string = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version;

const NO_JUDGE = 'needs the judge service, and this coordinator has none configured: start it with --judge-target=<host:port> (SWIRL_JUDGE_TARGET)';
const PIPELINE_NO_JUDGE = 'PIPELINE jobs need the judge service (their judge and filter stages), and this coordinator has none configured: start it with --judge-target=<host:port> (SWIRL_JUDGE_TARGET)';
/** Unary trainer calls (CreateRun, GetRun, CancelRun) answer at once; runs are followed by WatchRun. */
const TRAINER_CALL_TIMEOUT_MS = 60_000;

async function openStore(path: string): Promise<TrajectoryStore> {
  try {
    return await openSqliteStore({ path });
  } catch (err) {
    if (err instanceof SchemaVersionError) throw new StartupError(`the trajectory store ${path} cannot be opened: ${err.message}. Point --store at a file this version wrote, or at a new file.`);
    throw err;
  }
}

/**
 * Composition root of the coordinator: opens the store, connects to inference, tools and (if
 * configured) the judge and the trainer, builds the job handlers, starts the gRPC server, resumes the jobs a
 * previous process left running, then reports SERVING. Shutdown stops in-flight work first
 * (running jobs stay RUNNING and resume at the next start), then drains the server.
 */
export async function startCoordinatorService(config: CoordinatorConfig, logger: Logger): Promise<RunningGrpcService> {
  const serverMetrics = createServerMetrics('coordinator', COORDINATOR_VERSION);
  const storePath = resolve(config.storePath);
  const store = await openStore(storePath);
  const clients = createServiceClients({
    inferenceTarget: config.inferenceTarget,
    toolsTarget: config.toolsTarget,
    judgeTarget: config.judgeTarget,
    trainerTarget: config.trainerTarget,
    // One token per deployment (the auth-token component sets only SWIRL_AUTH_TOKEN).
    authToken: config.serviceAuthToken ?? config.authToken,
    tls: clientTlsOptions(config),
    callAttempts: config.callAttempts,
  });
  const metrics = createCoordinatorMetrics({ registry: serverMetrics.registry, listJobs: () => store.listJobs() });
  const rollouts: RolloutJobDeps = {
    store,
    inference: clients.inference,
    policy: grpcPolicy(clients.inference, { timeoutMs: config.generateTimeoutMs }),
    tools: grpcToolRunner(clients.tools, { deadlineMs: config.toolCallTimeoutMs }),
    tasks: { dataDir: resolveDataDir(config.dataDir), worldCorpus: config.worldCorpus },
    searchTopK: config.searchTopK,
    metrics,
  };
  const judge = clients.judge === undefined ? undefined : grpcJudgeCalls(clients.judge, config.judgeTimeoutMs);
  const trainer = clients.trainer === undefined ? undefined : grpcTrainerCalls(clients.trainer, TRAINER_CALL_TIMEOUT_MS);
  const synthesize = createSynthesizeJobHandler(rollouts);
  const evaluate = createEvaluateJobHandler(rollouts, judge);
  const handlers = new Map<JobKind, JobHandler>([
    ['synthesize', synthesize],
    ['evaluate', evaluate],
  ]);
  const unimplemented = new Map<JobKind, string>();
  if (judge === undefined) {
    unimplemented.set('judge', `JUDGE jobs ${NO_JUDGE}`);
    unimplemented.set('filter', `FILTER jobs ${NO_JUDGE}`);
    unimplemented.set('pipeline', PIPELINE_NO_JUDGE);
  } else {
    const judgeJobs = createJudgeJobHandler({ store, judge });
    const filterJobs = createFilterJobHandler({ store, judge });
    handlers.set('judge', judgeJobs);
    handlers.set('filter', filterJobs);
    // Without a trainer the handler still runs skip_training pipelines and refuses the others.
    handlers.set('pipeline', createPipelineJobHandler({ store, stages: { synthesize, judge: judgeJobs, filter: filterJobs, evaluate }, judge, trainer }));
  }
  const jobs = new JobManager({ store, handlers, unimplemented, maxRunningJobs: config.maxRunningJobs, maxPendingJobs: config.maxPendingJobs, logger });
  const running = await startGrpcService({
    config,
    logger,
    metrics: serverMetrics,
    descriptorSet: readDescriptorSet(),
    services: [createCoordinatorServer({ jobs, reads: new StoreReads(store), logger, watchIntervalMs: config.progressIntervalMs })],
    onShutdown: async () => {
      clients.close();
      await store.close();
    },
  });
  try {
    await jobs.start();
  } catch (err) {
    await running.shutdown('start-up failed');
    throw err;
  }
  logger.info('store ready', { store: storePath, inference: config.inferenceTarget, tools: config.toolsTarget, judge: config.judgeTarget ?? null, trainer: config.trainerTarget ?? null });
  running.setServing(true);
  return {
    ...running,
    shutdown: async (reason: string) => {
      await jobs.shutdown();
      await running.shutdown(reason);
    },
  };
}
