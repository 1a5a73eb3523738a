import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
const SCRIPT = join(__dirname, 'step-writer.test-support.ts');

export interface WriterExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

export interface StepWriter {
  /** Step ids (`<trajectory id>/<index>`) the child acknowledged, in order. */
  readonly acks: string[];
  /** Resolves after the child exited and its stdout was read to the end. */
  readonly exited: Promise<WriterExit>;
  /** Resolves when the child has opened the store and is about to write (or waits for `go`). */
  readonly ready: Promise<void>;
  /** Lets a writer started with `wait` begin writing. */
  go(): void;
  /** Resolves once at least `count` acks arrived; rejects if the child exits first. */
  waitForAcks(count: number): Promise<void>;
  kill(signal: NodeJS.Signals): void;
}

/** Starts step-writer.test-support.ts in a separate Node process, the way the coordinator would run. */
export function spawnStepWriter(options: { db: string; job?: string; sample?: number; questions?: number; steps?: number; wait?: boolean }): StepWriter {
  const args = ['--db', options.db, '--job', options.job ?? 'job-w', '--sample', String(options.sample ?? 0)];
  args.push('--questions', String(options.questions ?? 10), '--steps', String(options.steps ?? 5));
  if (options.wait) args.push('--wait');
  const child = spawn(process.execPath, ['--conditions=@swirl/source', '-r', '@swc-node/register', SCRIPT, ...args], {
    cwd: REPO_ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const acks: string[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const lines = createInterface({ input: child.stdout });
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  lines.on('line', (line) => {
    if (line === 'ready') markReady();
    if (!line.startsWith('ack ')) return;
    acks.push(line.slice(4));
    for (const waiter of waiters.filter((w) => acks.length >= w.count)) waiter.resolve();
  });
  const closed = new Promise<void>((resolve) => lines.on('close', resolve));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const exited = Promise.all([exit, closed]).then(([status]) => ({ ...status, stderr }));
  return {
    acks,
    exited,
    ready,
    go() {
      child.stdin.end('go\n');
    },
    waitForAcks(count) {
      return new Promise<void>((resolve, reject) => {
        if (acks.length >= count) return resolve();
        waiters.push({ count, resolve });
        exited.then((status) => reject(new Error(`writer exited (${status.code ?? status.signal}) after ${acks.length} of ${count} acks: ${status.stderr}`)));
      });
    },
    kill(signal) {
      child.kill(signal);
    },
  };
}
