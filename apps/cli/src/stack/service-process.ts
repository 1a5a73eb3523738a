import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { checkHealth } from '@swirl/grpc-kit';

/** How to start one service of the stack. */
export interface ServiceSpec {
  /** Short name (`tools`, `inference`, ...), used in logs and errors. */
  readonly name: string;
  /** Executable, e.g. `process.execPath` or the venv's python. */
  readonly command: string;
  readonly args: readonly string[];
  /** `host:port` the service listens on; health is checked there. */
  readonly target: string;
  /** Extra environment on top of the parent's. */
  readonly env?: Readonly<Record<string, string>>;
  /** Where the service's stdout and stderr go (appended). */
  readonly logFile: string;
  /** Longest wait for SERVING (model loading can take a while). @default 120000 */
  readonly startTimeoutMs?: number;
}

/** A started, SERVING service. */
export interface RunningService {
  readonly spec: ServiceSpec;
  readonly child: ChildProcess;
  readonly pid: number;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process has exited. */
  stop(graceMs?: number): Promise<void>;
  /** Resolves with the exit code (or signal name) when the process ends. */
  readonly exited: Promise<number | string>;
}

export class ServiceStartError extends Error {
  constructor(
    readonly service: string,
    message: string,
  ) {
    super(`${service}: ${message}`);
    this.name = 'ServiceStartError';
  }
}

/**
 * Spawns a service and waits until its gRPC health check says SERVING. If the process exits
 * first, or the wait times out, the process is killed and the error names the log to read.
 */
export async function startService(spec: ServiceSpec, signal?: AbortSignal): Promise<RunningService> {
  mkdirSync(dirname(spec.logFile), { recursive: true });
  const log: WriteStream = createWriteStream(spec.logFile, { flags: 'a' });
  const child = spawn(spec.command, [...spec.args], { env: { ...process.env, ...spec.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, sig) => resolve(code ?? sig ?? 'unknown')));
  void exited.then(() => log.end());
  const running: RunningService = {
    spec,
    child,
    pid: child.pid ?? -1,
    exited,
    stop: (graceMs = 15_000) => stopChild(child, exited, graceMs),
  };
  try {
    await waitServing(spec, exited, signal);
    return running;
  } catch (err) {
    await running.stop(2_000);
    throw err;
  }
}

async function waitServing(spec: ServiceSpec, exited: Promise<number | string>, signal?: AbortSignal): Promise<void> {
  const deadline = Date.now() + (spec.startTimeoutMs ?? 120_000);
  let gone: number | string | undefined;
  void exited.then((code) => (gone = code));
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (gone !== undefined) throw new ServiceStartError(spec.name, `exited (${gone}) before it was SERVING; see ${spec.logFile}`);
    signal?.throwIfAborted();
    try {
      const status = await checkHealth(spec.target, '', { timeoutMs: 1_000 });
      if (status === 'SERVING') return;
      last = status;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new ServiceStartError(spec.name, `not SERVING at ${spec.target} after ${(spec.startTimeoutMs ?? 120_000) / 1000} s (last: ${last}); see ${spec.logFile}`);
}

function stopChild(child: ChildProcess, exited: Promise<number | string>, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  child.kill('SIGTERM');
  const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
  return exited.then(() => clearTimeout(force));
}
