import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { checkHealth } from '@swirl/grpc-kit';

export const REPO = join(__dirname, '..', '..', '..', '..');
export const PYTHON = join(process.env['SWIRL_VENV'] ?? join(REPO, '.venv'), 'bin', 'python');

/** A service running as a child process on a loopback port. */
export interface ChildService {
  readonly name: string;
  readonly port: number;
  readonly target: string;
  readonly child: ChildProcess;
  /** Everything it wrote to stderr so far. */
  log(): string;
  /** SIGTERM, then SIGKILL after 15 s; resolves when it exited. */
  stop(): Promise<void>;
  /** SIGKILL now (a crash); resolves when it exited. */
  kill9(): Promise<void>;
}

export interface SpawnOptions {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string>>;
  /** Finds the port in the stderr text once the service announced it. */
  readonly port: (stderr: string) => number | undefined;
  /** @default 120000 */
  readonly readyTimeoutMs?: number;
}

/** Starts a service, reads the port it announces on stderr, and waits until it is SERVING. */
export async function spawnService(options: SpawnOptions): Promise<ChildService> {
  const child = spawn(options.command, [...options.args], { cwd: options.cwd ?? REPO, env: { ...process.env, ...options.env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const timeoutMs = options.readyTimeoutMs ?? 120_000;
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${options.name} did not announce its port within ${timeoutMs} ms:\n${stderr}`)), timeoutMs);
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const found = options.port(stderr);
      if (found !== undefined) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited (${code ?? signal}) before listening:\n${stderr}`));
    });
  });
  const target = `127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const health = await checkHealth(target, '').catch(() => 'UNKNOWN');
    if (health === 'SERVING') break;
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`${options.name} at ${target} is not SERVING (last: ${health}):\n${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const stopWith = (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    child.kill(signal);
    if (signal === 'SIGTERM') setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
    return exited;
  };
  return { name: options.name, port, target, child, log: () => stderr, stop: () => stopWith('SIGTERM'), kill9: () => stopWith('SIGKILL') };
}

/** The port of a kit service's `listening` log line. */
export const kitPort = (stderr: string) => {
  const m = /"msg":"listening"[^\n]*"grpcPort":(\d+)/.exec(stderr);
  return m ? Number(m[1]) : undefined;
};

/** A TypeScript service of this repository, run from its sources. */
export function startTsService(name: string, mainTs: string, args: readonly string[]): Promise<ChildService> {
  return spawnService({
    name,
    command: process.execPath,
    args: ['--conditions=@swirl/source', '-r', '@swc-node/register', join(REPO, mainTs), '--host=127.0.0.1', '--grpc-port=0', '--metrics-port=-1', ...args],
    port: kitPort,
  });
}

/** A free loopback port (for a service that must come back on the same address). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
