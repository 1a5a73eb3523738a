import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { GrpcStatusError, resourceExhausted, unavailable } from '@swirl/grpc-kit';
import type { SessionOptions } from '../runtime/onnx-runtime';
import { ModelConfigError } from '../model/model-config';
import type { EngineLimits } from './generation-engine';
import type { GenerationRequest, GenerationResult, TokenEvent } from './generation-request';
import type { EngineMetricsSink } from './engine-thread-metrics';
import type { EngineThreadData, FromEngineThread, ToEngineThread, WireError, WireGenerationRequest, WireScoreItem } from './engine-thread-protocol';

/** A call's message before it gets its id. */
type CallMessage = { readonly type: 'generate'; readonly request: WireGenerationRequest } | { readonly type: 'score'; readonly items: readonly WireScoreItem[]; readonly batchSize: number };

interface Call {
  /** Sequences this call holds in the thread (its load). */
  readonly rows: number;
  readonly resolve: (value: never) => void;
  readonly reject: (err: unknown) => void;
  readonly onToken?: (event: TokenEvent) => void;
  readonly signal?: AbortSignal;
  readonly onAbort?: () => void;
}

let nextThreadId = 1;

/**
 * The server thread's handle on one engine thread (engine-thread-main.ts): requests go in as
 * messages, results, streamed tokens and metrics come back. A thread that dies fails what it
 * held and every later call with UNAVAILABLE; the service itself stays up.
 */
export class EngineThread {
  private readonly calls = new Map<number, Call>();
  private nextCallId = 1;
  private rows = 0;
  private idleWaiters: (() => void)[] = [];
  private stopped: Error | undefined;
  private closing: Promise<void> | undefined;
  private exited = false;
  private readonly threadId = nextThreadId++;

  private constructor(
    private readonly worker: Worker,
    private readonly dir: string,
    private readonly sink: EngineMetricsSink,
  ) {}

  /** Starts a thread that loads `dir`; rejects with the load error (ModelConfigError) if it cannot. */
  static start(dir: string, session: SessionOptions, limits: EngineLimits, sink: EngineMetricsSink): Promise<EngineThread> {
    const data: EngineThreadData = { kind: 'swirl-engine-thread', dir, session, limits };
    const worker = new Worker(entryFile(), { workerData: data, execArgv: entryExecArgv() });
    const thread = new EngineThread(worker, dir, sink);
    return new Promise((resolve, reject) => {
      const onFirst = (msg: FromEngineThread) => {
        if (msg.type === 'ready') {
          worker.off('error', onEarlyExit).off('exit', onEarlyExit);
          // Like a socket of the server: it serves requests, but must not keep the process alive.
          worker.unref();
          thread.listen();
          resolve(thread);
        } else if (msg.type === 'load-failed') {
          // The thread ends by itself: it has nothing left to do.
          reject(new ModelConfigError(msg.message));
        }
      };
      const onEarlyExit = (e: unknown) => reject(new Error(`the engine thread for ${dir} stopped while loading: ${e instanceof Error ? e.message : `exit code ${String(e)}`}`));
      worker.once('message', onFirst).once('error', onEarlyExit).once('exit', onEarlyExit);
    });
  }

  /** Sequences generating or waiting in this thread. */
  get load(): number {
    return this.rows;
  }

  generate(request: GenerationRequest): Promise<GenerationResult> {
    const { signal, onToken, ...rest } = request;
    if (signal.aborted) return Promise.reject(signal.reason);
    return this.call(request.numSamples, { type: 'generate', request: { ...rest, stream: onToken !== undefined } }, onToken, signal);
  }

  score(items: readonly WireScoreItem[], batchSize: number): Promise<number[][]> {
    return this.call(items.length, { type: 'score', items, batchSize });
  }

  /** Resolves when no call is in flight. */
  drained(): Promise<void> {
    if (this.calls.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Cancels what is in flight and stops the thread once its current forward pass is done. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      this.stopped ??= new Error('closed');
      this.sink.forget(this.threadId);
      // A thread that already died has nothing to close.
      if (this.exited) return resolve();
      this.worker.once('exit', () => resolve());
      this.worker.postMessage({ type: 'close' } satisfies ToEngineThread);
    });
    return this.closing;
  }

  private call<T>(rows: number, msg: CallMessage, onToken?: (e: TokenEvent) => void, signal?: AbortSignal): Promise<T> {
    if (this.stopped !== undefined) return Promise.reject(this.stoppedError());
    const id = this.nextCallId++;
    return new Promise<T>((resolve, reject) => {
      const onAbort = signal === undefined ? undefined : () => this.worker.postMessage({ type: 'cancel', id } satisfies ToEngineThread);
      if (onAbort !== undefined) signal!.addEventListener('abort', onAbort, { once: true });
      this.calls.set(id, { rows, resolve: resolve as (v: never) => void, reject, onToken, signal, onAbort });
      this.rows += rows;
      this.worker.postMessage({ ...msg, id } satisfies ToEngineThread);
    });
  }

  private listen(): void {
    this.worker.on('message', (msg: FromEngineThread) => this.receive(msg));
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => {
      this.exited = true;
      if (this.closing !== undefined) this.failCalls();
      else this.fail(new Error(`exit code ${code}`));
    });
  }

  private receive(msg: FromEngineThread): void {
    if (msg.type === 'metrics') {
      this.sink.apply(this.threadId, msg.delta);
      return;
    }
    if (msg.type === 'ready' || msg.type === 'load-failed') return;
    const call = this.calls.get(msg.id);
    if (call === undefined) return;
    if (msg.type === 'tokens') {
      for (const e of msg.events) call.onToken?.(e);
      return;
    }
    this.finish(msg.id, call);
    if (msg.type === 'generated') call.resolve({ sequences: msg.sequences, timings: msg.timings } as never);
    else if (msg.type === 'scored') call.resolve(msg.logprobs as never);
    else call.reject(this.fromWire(msg.error, call));
  }

  private finish(id: number, call: Call): void {
    this.calls.delete(id);
    this.rows -= call.rows;
    if (call.onAbort !== undefined) call.signal!.removeEventListener('abort', call.onAbort);
    if (this.calls.size === 0) for (const w of this.idleWaiters.splice(0)) w();
  }

  private fromWire(error: WireError, call: Call): unknown {
    // A cancelled request fails with its own signal's reason, as the in-thread engine does.
    if (error.cancelled && call.signal?.aborted) return call.signal.reason;
    if (error.kind === 'full') return resourceExhausted(error.message);
    if (error.kind === 'unloaded') return unavailable(error.message);
    return new Error(error.message);
  }

  private fail(cause: Error): void {
    if (this.stopped !== undefined) return;
    this.stopped = cause;
    this.sink.forget(this.threadId);
    this.failCalls();
  }

  private failCalls(): void {
    for (const [id, call] of this.calls) {
      this.finish(id, call);
      call.reject(this.stoppedError());
    }
  }

  private stoppedError(): GrpcStatusError {
    return unavailable(`the engine thread serving ${this.dir} stopped (${this.stopped?.message}); reload the model`);
  }
}

/** The thread's entry file beside this one: compiled JavaScript, or TypeScript when run from source. */
function entryFile(): string {
  return join(__dirname, `engine-thread-main${extname(__filename)}`);
}

/**
 * Compiled: the thread inherits the process's options (the default; passing them explicitly
 * would reject process-wide V8 flags). From TypeScript sources (tests, `node -r
 * @swc-node/register`) it compiles them the same way.
 */
function entryExecArgv(): string[] | undefined {
  if (extname(__filename) !== '.ts') return undefined;
  return ['--conditions=@swirl/source', '-r', require.resolve('@swc-node/register')];
}
