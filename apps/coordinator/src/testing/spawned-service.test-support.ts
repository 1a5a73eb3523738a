import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkHealth } from '@swirl/grpc-kit';
import { REPO } from './grammar-policy.test-support';

/** A service started as a child process (a built entry point, or the Python learner) on free loopback ports. */
export interface SpawnedService {
  readonly name: string;
  readonly child: ChildProcess;
  /** `127.0.0.1:<port>`. */
  readonly target: string;
  readonly metricsPort: number | undefined;
  /** Everything the service logged so far (JSON lines on stderr). */
  log(): string;
  /** SIGTERM, then SIGKILL after 15 s; resolves when the process is gone. */
  stop(): Promise<void>;
  /** SIGKILL at once (the crash test); resolves when the process is gone. */
  crash(): Promise<void>;
}

const ENTRY_POINTS = {
  tools: 'apps/tools/dist/main.js',
  inference: 'apps/inference/dist/main.js',
  coordinator: 'apps/coordinator/dist/main.js',
  judge: 'apps/judge/dist/main.js',
  trainer: 'apps/trainer/dist/main.js',
} as const;

const PYTHON = join(process.env['SWIRL_VENV'] ?? join(REPO, '.venv'), 'bin', 'python');

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

/**
 * Starts `apps/<name>/dist/main.js --grpc-port=0 --metrics-port=0`, reads the ports from its
 * `listening` log line and waits until its health is SERVING. Needs the services built (the
 * coordinator's test target depends on the builds; the trainer is built by the verification
 * command, see the README).
 */
export function spawnService(name: keyof typeof ENTRY_POINTS, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<SpawnedService> {
  const entry = join(REPO, ENTRY_POINTS[name]);
  if (!existsSync(entry)) throw new Error(`${entry} does not exist: build it first (npx nx run @swirl/${name}:build)`);
  return spawnChild(name, process.execPath, [entry, '--host=127.0.0.1', '--grpc-port=0', '--metrics-port=0', ...args], { env }, (entry) => ({
    grpc: Number(entry['grpcPort']),
    metrics: entry['metricsPort'] === undefined ? undefined : Number(entry['metricsPort']),
  }));
}

/**
 * Starts the Python learner (`python -m swirl_learner serve` from apps/learner, the repository's
 * venv) on a free port, with one torch thread: on two shared cores more threads only contend.
 * The trainer names every checkpoint and export directory, so the learner's own roots stay unused.
 */
export function spawnLearner(): Promise<SpawnedService> {
  if (!existsSync(PYTHON)) throw new Error(`no Python venv at ${PYTHON}: run tools/python/ensure-venv.sh (npm test does)`);
  return spawnChild(
    'learner',
    PYTHON,
    ['-m', 'swirl_learner', 'serve', '--host', '127.0.0.1', '--port', '0', '--metrics-port', '-1'],
    { env: { ...process.env, PYTHONPATH: join(REPO, 'apps', 'learner'), OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' }, cwd: join(REPO, 'apps', 'learner') },
    (entry) => ({ grpc: Number(entry['port']), metrics: undefined }),
  );
}

/** Spawns a service that logs JSON lines on stderr, finds its ports in the `listening` line, waits for SERVING. */
async function spawnChild(
  name: string,
  command: string,
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; cwd?: string },
  portsOf: (listening: Record<string, unknown>) => { grpc: number; metrics: number | undefined },
): Promise<SpawnedService> {
  const child = spawn(command, [...args], { stdio: ['ignore', 'ignore', 'pipe'], env: options.env, ...(options.cwd === undefined ? {} : { cwd: options.cwd }) });
  let log = '';
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const ports = await new Promise<{ grpc: number; metrics: number | undefined }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not log "listening" within 120 s:\n${log}`)), 120_000);
    const look = () => {
      for (const line of log.split('\n')) {
        if (!/"msg":\s*"listening"/.test(line)) continue;
        clearTimeout(timer);
        child.stderr!.off('data', look);
        resolve(portsOf(JSON.parse(line) as Record<string, unknown>));
        return;
      }
    };
    child.stderr!.on('data', look);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code ?? signal}) before listening:\n${log}`));
    });
  });
  const target = `127.0.0.1:${ports.grpc}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    const health = await checkHealth(target, '').catch(() => 'UNKNOWN');
    if (health === 'SERVING') break;
    if (child.exitCode !== null) throw new Error(`${name} exited while starting:\n${log}`);
    if (Date.now() > deadline) throw new Error(`${name} at ${target} is not SERVING after 180 s (last: ${health}):\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    name,
    child,
    target,
    metricsPort: ports.metrics,
    log: () => log,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.kill('SIGTERM');
      await exited(child);
      clearTimeout(force);
    },
    async crash() {
      child.kill('SIGKILL');
      await exited(child);
    },
  };
}

/** The value of a Prometheus series in a /metrics text, summed over label sets that contain `labels`. */
export async function scrapeMetric(port: number, name: string, labels: Readonly<Record<string, string>> = {}): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (!Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) continue;
    sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}
