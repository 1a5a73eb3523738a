import { createServer } from 'node:net';
import { join } from 'node:path';
import { REPO } from './grammar-policy.test-support';
import { startServiceStack, type ServiceStack } from './service-stack.test-support';
import { spawnLearner, spawnService, type SpawnedService } from './spawned-service.test-support';

/**
 * The committed base policy: the world's prompts are what it learned, and it is both an
 * inference export and a learner checkpoint (model.safetensors), which a trainer run starts from.
 * (The grammar policy of the other tests has no learner weights.)
 */
export const BASE_POLICY = { name: 'swirl-tiny', version: 'base' } as const;
export const BASE_POLICY_DIR = join(REPO, 'models', 'swirl-tiny');

/** Every service a training pipeline touches, as child processes, sharing one store file. */
export interface TrainingStack extends ServiceStack {
  readonly judge: SpawnedService;
  readonly learner: SpawnedService;
  /** The current trainer process (replaced by restartTrainer). */
  readonly trainer: SpawnedService;
  /** The store the trainer uses; a coordinator that trains must use the same file. */
  readonly storePath: string;
  /** SIGTERM to the trainer (its active run stays RUNNING), then a new one on the same address. */
  restartTrainer(): Promise<void>;
}

/** A free loopback port, so that a restarted trainer comes back where its clients connect. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts tools and inference (serving the base policy), the judge (rules judge, no verdict file),
 * the Python learner and the built trainer on the store `<scratch>/pipeline.sqlite`.
 */
export async function startTrainingStack(): Promise<TrainingStack> {
  const base = await startServiceStack({ models: [`${BASE_POLICY.name}@${BASE_POLICY.version}=${BASE_POLICY_DIR}`] });
  const started: SpawnedService[] = [];
  try {
    const [judge, learner] = await Promise.all([spawnService('judge', ['--cache-file=off']), spawnLearner()]);
    started.push(judge, learner);
    const storePath = join(base.scratch, 'pipeline.sqlite');
    const trainerArgs = [
      `--learner-target=${learner.target}`,
      `--inference-target=${base.inference.target}`,
      `--judge-target=${judge.target}`,
      `--store-path=${storePath}`,
      `--artifacts-dir=${join(base.scratch, 'artifacts')}`,
      `--base-checkpoints=${BASE_POLICY.name}@*=${BASE_POLICY_DIR}`,
      `--grpc-port=${await freePort()}`,
    ];
    let trainer = await spawnService('trainer', trainerArgs);
    return {
      ...base,
      judge,
      learner,
      get trainer() {
        return trainer;
      },
      storePath,
      async restartTrainer() {
        await trainer.stop();
        trainer = await spawnService('trainer', trainerArgs);
      },
      async dispose() {
        await Promise.all([...started, trainer].map((s) => s.stop()));
        await base.dispose();
      },
    };
  } catch (err) {
    await Promise.all(started.map((s) => s.stop()));
    await base.dispose();
    throw err;
  }
}

/** Arguments of a coordinator on the stack's store and services (add `--trainer-target` to train). */
export function coordinatorArgs(stack: TrainingStack, storePath = stack.storePath): string[] {
  return [
    `--store=${storePath}`,
    `--inference-target=${stack.inference.target}`,
    `--tools-target=${stack.tools.target}`,
    `--judge-target=${stack.judge.target}`,
    '--progress-interval-ms=100',
  ];
}
