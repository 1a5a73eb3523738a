import { clientTlsOptionSpec, loadServerConfig, option, OptionError, serverOptionSpec, validateClientTlsConfig, type OptionSources, type OptionValues } from '@swirl/grpc-kit';

/**
 * Settings of the coordinator: the shared server settings, where the store lives, where the
 * other services are and how its calls to them are secured (TLS, token), and job limits. Every
 * setting is a flag and an environment variable (`--help` lists them with their defaults).
 */
export const coordinatorOptionSpec = {
  ...serverOptionSpec,
  grpcPort: { ...serverOptionSpec.grpcPort, default: 50051 },
  metricsPort: { ...serverOptionSpec.metricsPort, default: 9464 },
  ...clientTlsOptionSpec,
  storePath: option<string>({
    flag: 'store',
    env: 'SWIRL_STORE_PATH',
    type: 'string',
    default: 'var/coordinator/store.sqlite',
    doc: 'SQLite file of the trajectory store (created if missing); a restarted coordinator on the same file resumes its running jobs',
  }),
  inferenceTarget: option<string>({ flag: 'inference-target', env: 'SWIRL_INFERENCE_TARGET', type: 'string', default: '127.0.0.1:50053', doc: 'gRPC target of the inference service' }),
  toolsTarget: option<string>({ flag: 'tools-target', env: 'SWIRL_TOOLS_TARGET', type: 'string', default: '127.0.0.1:50052', doc: 'gRPC target of the tools service' }),
  judgeTarget: option<string | undefined>({
    flag: 'judge-target',
    env: 'SWIRL_JUDGE_TARGET',
    type: 'string',
    default: undefined,
    doc: 'gRPC target of the judge service; unset: JUDGE, FILTER and PIPELINE jobs are refused and evaluations grade answers locally without process labels',
  }),
  trainerTarget: option<string | undefined>({
    flag: 'trainer-target',
    env: 'SWIRL_TRAINER_TARGET',
    type: 'string',
    default: undefined,
    doc: 'gRPC target of the trainer service (it must share this store); unset: PIPELINE jobs that train are refused (skip_training pipelines still run)',
  }),
  serviceAuthToken: option<string | undefined>({
    flag: 'service-auth-token',
    env: 'SWIRL_SERVICE_AUTH_TOKEN',
    type: 'string',
    default: undefined,
    doc: 'bearer token sent to the inference, tools, judge and trainer services; unset = this service\'s own --auth-token (one token per deployment)',
  }),
  dataDir: option<string | undefined>({
    flag: 'data-dir',
    env: 'SWIRL_DATA_DIR',
    type: 'string',
    default: undefined,
    doc: 'benchmark data directory (gsm8k/, hotpotqa/, musique/); unset = <repo>/../shared/data when that exists',
  }),
  worldCorpus: option<string>({
    flag: 'world-corpus',
    env: 'SWIRL_WORLD_CORPUS',
    type: 'string',
    default: 'world',
    doc: "search corpus of synthetic-world tasks: the tools service must serve that world's corpus under this name",
  }),
  searchTopK: option<number>({ flag: 'search-top-k', env: 'SWIRL_SEARCH_TOP_K', type: 'int', default: 3, doc: 'hits per search call (3: what the world teacher shows)' }),
  maxRunningJobs: option<number>({ flag: 'max-running-jobs', env: 'SWIRL_MAX_RUNNING_JOBS', type: 'int', default: 2, doc: 'jobs running at once; later ones wait as PENDING' }),
  maxPendingJobs: option<number>({ flag: 'max-pending-jobs', env: 'SWIRL_MAX_PENDING_JOBS', type: 'int', default: 100, doc: 'PENDING jobs beyond which StartJob answers RESOURCE_EXHAUSTED' }),
  generateTimeoutMs: option<number>({ flag: 'generate-timeout-ms', env: 'SWIRL_GENERATE_TIMEOUT_MS', type: 'int', default: 300_000, doc: 'deadline of one Generate call (one action)' }),
  toolCallTimeoutMs: option<number>({ flag: 'tool-call-timeout-ms', env: 'SWIRL_TOOL_CALL_TIMEOUT_MS', type: 'int', default: 60_000, doc: 'gRPC deadline of one Execute call' }),
  judgeTimeoutMs: option<number>({ flag: 'judge-timeout-ms', env: 'SWIRL_JUDGE_TIMEOUT_MS', type: 'int', default: 300_000, doc: 'deadline of one judge call (one batch)' }),
  callAttempts: option<number>({
    flag: 'call-attempts',
    env: 'SWIRL_CALL_ATTEMPTS',
    type: 'int',
    default: 4,
    doc: 'attempts of an inference or tool call that fails with UNAVAILABLE or RESOURCE_EXHAUSTED before the trajectory ends with ERROR',
  }),
  progressIntervalMs: option<number>({
    flag: 'progress-interval-ms',
    env: 'SWIRL_PROGRESS_INTERVAL_MS',
    type: 'int',
    default: 500,
    doc: 'least time between two WatchJob snapshots of a changing job (the contract allows ~2 per second)',
  }),
};

export type CoordinatorConfig = OptionValues<typeof coordinatorOptionSpec>;

export function loadCoordinatorConfig(sources: OptionSources): CoordinatorConfig {
  const config = loadServerConfig(coordinatorOptionSpec, sources);
  const atLeast = (name: string, value: number, min: number) => {
    if (!Number.isInteger(value) || value < min) throw new OptionError(`--${name} must be an integer >= ${min}, got ${value}`);
  };
  atLeast('search-top-k', config.searchTopK, 1);
  atLeast('max-running-jobs', config.maxRunningJobs, 1);
  atLeast('max-pending-jobs', config.maxPendingJobs, 0);
  atLeast('generate-timeout-ms', config.generateTimeoutMs, 1);
  atLeast('tool-call-timeout-ms', config.toolCallTimeoutMs, 1);
  atLeast('judge-timeout-ms', config.judgeTimeoutMs, 1);
  atLeast('call-attempts', config.callAttempts, 1);
  atLeast('progress-interval-ms', config.progressIntervalMs, 0);
  validateClientTlsConfig(config);
  if (config.storePath.trim() === '') throw new OptionError('--store must name the SQLite file of the trajectory store');
  return config;
}
