import { join, resolve } from 'node:path';
import { clientTlsOptionSpec, loadServerConfig, option, OptionError, serverOptionSpec, validateClientTlsConfig, type OptionSources, type OptionValues } from '@swirl/grpc-kit';

const REPO = resolve(__dirname, '..', '..', '..');

/**
 * Settings of the trainer service: the shared server settings, where the learner, inference and
 * judge services are (and the TLS of its calls to them; its --auth-token is sent to them too),
 * the store, and where checkpoints and exports go. Every setting is a flag
 * and an environment variable (`--help` lists them with defaults).
 */
export const trainerOptionSpec = {
  ...serverOptionSpec,
  grpcPort: { ...serverOptionSpec.grpcPort, default: 50056 },
  metricsPort: { ...serverOptionSpec.metricsPort, default: 9469 },
  ...clientTlsOptionSpec,
  learnerTarget: option<string>({ flag: 'learner-target', env: 'SWIRL_LEARNER_TARGET', type: 'string', default: '127.0.0.1:50055', doc: 'the learner (one run at a time uses it)' }),
  inferenceTarget: option<string>({ flag: 'inference-target', env: 'SWIRL_INFERENCE_TARGET', type: 'string', default: '127.0.0.1:50053', doc: 'the inference service (fresh actions, hot-loading exports)' }),
  judgeTarget: option<string>({ flag: 'judge-target', env: 'SWIRL_JUDGE_TARGET', type: 'string', default: '127.0.0.1:50054', doc: 'the judge service (rewards of SWIRL runs)' }),
  storePath: option<string>({ flag: 'store-path', env: 'SWIRL_STORE_PATH', type: 'string', default: join(REPO, 'var', 'store', 'swirl.sqlite'), doc: 'SQLite trajectory store (dataset versions, runs, metrics, checkpoints)' }),
  artifactsDir: option<string>({
    flag: 'artifacts-dir',
    env: 'SWIRL_TRAINER_ARTIFACTS_DIR',
    type: 'string',
    default: join(REPO, 'var', 'trainer'),
    doc: 'absolute directory, shared with the learner and inference, for checkpoints/, exports/ and runs/ (update logs)',
  }),
  baseCheckpoints: option<readonly string[]>({
    flag: 'base-checkpoints',
    env: 'SWIRL_TRAINER_BASE_CHECKPOINTS',
    type: 'list',
    default: [],
    doc: 'learner checkpoint of each base model as name@version=dir (version * matches any); used when CreateRun gives no base_checkpoint_path',
  }),
  learnerRecoveryMs: option<number>({ flag: 'learner-recovery-ms', env: 'SWIRL_TRAINER_LEARNER_RECOVERY_MS', type: 'int', default: 120_000, doc: 'how long a run waits for an unreachable learner to come back before it fails' }),
  maxLearnerRecoveries: option<number>({ flag: 'max-learner-recoveries', env: 'SWIRL_TRAINER_MAX_LEARNER_RECOVERIES', type: 'int', default: 10, doc: 'times one run may resume from its last checkpoint after the learner lost its session' }),
  learnerTimeoutMs: option<number>({ flag: 'learner-timeout-ms', env: 'SWIRL_TRAINER_LEARNER_TIMEOUT_MS', type: 'int', default: 600_000, doc: 'deadline of one learner call (Init, TrainStep, Save, Export)' }),
  inferenceTimeoutMs: option<number>({ flag: 'inference-timeout-ms', env: 'SWIRL_TRAINER_INFERENCE_TIMEOUT_MS', type: 'int', default: 300_000, doc: 'deadline of one inference call (Generate, LoadModel)' }),
  judgeTimeoutMs: option<number>({ flag: 'judge-timeout-ms', env: 'SWIRL_TRAINER_JUDGE_TIMEOUT_MS', type: 'int', default: 120_000, doc: 'deadline of one JudgeSteps call' }),
  generateConcurrency: option<number>({ flag: 'generate-concurrency', env: 'SWIRL_TRAINER_GENERATE_CONCURRENCY', type: 'int', default: 16, doc: 'Generate calls in flight at once (keep it near the inference batch size)' }),
  judgeBatchSize: option<number>({ flag: 'judge-batch-size', env: 'SWIRL_TRAINER_JUDGE_BATCH', type: 'int', default: 256, doc: 'samples per JudgeSteps call (at most 256)' }),
};

export type TrainerConfig = OptionValues<typeof trainerOptionSpec>;

export function loadTrainerConfig(sources: OptionSources): TrainerConfig {
  const config = loadServerConfig(trainerOptionSpec, sources);
  validateClientTlsConfig(config);
  if (!config.artifactsDir.startsWith('/')) {
    throw new OptionError(`--artifacts-dir must be absolute (the learner and inference read the same paths), got '${config.artifactsDir}'`);
  }
  const positive: [string, number][] = [
    ['--learner-recovery-ms', config.learnerRecoveryMs],
    ['--learner-timeout-ms', config.learnerTimeoutMs],
    ['--inference-timeout-ms', config.inferenceTimeoutMs],
    ['--judge-timeout-ms', config.judgeTimeoutMs],
    ['--generate-concurrency', config.generateConcurrency],
  ];
  for (const [name, value] of positive) if (value < 1) throw new OptionError(`${name} must be at least 1, got ${value}`);
  if (config.maxLearnerRecoveries < 0) throw new OptionError(`--max-learner-recoveries must be >= 0, got ${config.maxLearnerRecoveries}`);
  if (config.judgeBatchSize < 1 || config.judgeBatchSize > 256) throw new OptionError(`--judge-batch-size must be in 1..256, got ${config.judgeBatchSize}`);
  return config;
}
