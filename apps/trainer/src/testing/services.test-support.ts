import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PYTHON, REPO, spawnService, startTsService, type ChildService } from './child-service.test-support';

/**
 * The learner (the Python service from apps/learner) on `port` (0: any). One torch thread: on
 * a shared 2-core machine several threads spin against each other and are ~8x slower.
 */
export function startLearner(port = 0): Promise<ChildService> {
  if (!existsSync(PYTHON)) throw new Error(`no Python venv at ${PYTHON}: run tools/python/ensure-venv.sh (npm test does)`);
  return spawnService({
    name: 'learner',
    command: PYTHON,
    // The trainer names every checkpoint and export directory, so the learner's own roots stay unused.
    args: ['-m', 'swirl_learner', 'serve', '--host', '127.0.0.1', '--port', String(port), '--metrics-port', '-1'],
    cwd: join(REPO, 'apps', 'learner'),
    env: { OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' },
    port: (stderr) => {
      const m = /"msg":\s*"listening"[^\n]*"port":\s*(\d+)/.exec(stderr);
      return m ? Number(m[1]) : undefined;
    },
  });
}

/** The inference service with `models` (name@version=dir) loaded. */
export function startInference(models: readonly string[]): Promise<ChildService> {
  return startTsService('inference', 'apps/inference/src/main.ts', ['--openai-port=-1', '--max-batch-size=16', `--models=${models.join(',')}`]);
}

/** The judge service with its rules judge (the default process judge) and no verdict file. */
export function startJudge(): Promise<ChildService> {
  return startTsService('judge', 'apps/judge/src/main.ts', ['--cache-file=off']);
}
