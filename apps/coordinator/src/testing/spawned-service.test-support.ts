import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { checkHealth } from '@swirl/grpc-kit';
import { REPO } from './grammar-policy.test-support';

/** A service started from its built entry point as a child process, on free loopback ports. */
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
} as const;

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

/**
 * Starts `apps/<name>/dist/main.js --grpc-port=0 --metrics-port=0`, reads the ports from its
 * `listening` log line and waits until its health is SERVING. Needs the services built (the
 * coordinator's test target depends on the builds).
 */
export async function spawnService(name: keyof typeof ENTRY_POINTS, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<SpawnedService> {
  const child = spawn(process.execPath, [join(REPO, ENTRY_POINTS[name]), '--host=127.0.0.1', '--grpc-port=0', '--metrics-port=0', ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env,
  });
  let log = '';
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const ports = await new Promise<{ grpc: number; metrics: number | undefined }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not log "listening" within 120 s:\n${log}`)), 120_000);
    const look = () => {
      for (const line of log.split('\n')) {
        if (!line.includes('"msg":"listening"')) continue;
        const entry = JSON.parse(line) as { grpcPort: number; metricsPort?: number };
        clearTimeout(timer);
        child.stderr!.off('data', look);
        resolve({ grpc: entry.grpcPort, metrics: entry.metricsPort });
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
