import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { status } from '@grpc/grpc-js';
import { alreadyExists, failedPrecondition, GrpcStatusError, invalidArgument, notFound, resourceExhausted, type Logger } from '@swirl/grpc-kit';
import type { JobSpec } from '@swirl/proto';
import { isTerminalJobStatus, StoreConflictError, type Job, type JobKind, type JobQuery, type TrajectoryStore } from '@swirl/store';
import { withStoreStatus } from '../clients/store-error-status';
import { describeCallError } from '../clients/unary-call';
import { JobStop, stopKindOf } from '../synthesis/job-stop';
import { jobConfigOf, jobConfigToJson, jobResultToJson, requestFingerprint } from './job-config';
import type { JobHandler } from './job-handler';
import { kindOfSpec } from './job-kinds';
import { ProgressTracker, type ProgressSnapshot } from './progress-tracker';

export interface JobManagerDeps {
  readonly store: TrajectoryStore;
  /** Handlers by kind; a kind without one is refused with UNIMPLEMENTED. */
  readonly handlers: ReadonlyMap<JobKind, JobHandler>;
  /** Why a kind has no handler (e.g. "JUDGE jobs need the judge service"). */
  readonly unimplemented: ReadonlyMap<JobKind, string>;
  readonly maxRunningJobs: number;
  readonly maxPendingJobs: number;
  readonly logger: Logger;
  /** Called after every job status change (metrics). */
  readonly onStatusChange?: () => void;
}

export interface SubmitRequest {
  readonly requestId: string;
  readonly spec: JobSpec | undefined;
  readonly displayName: string;
}

/** A job and, while it runs in this process, its live progress. */
export interface JobView {
  readonly job: Job;
  readonly live: ProgressSnapshot | undefined;
}

interface ActiveJob {
  readonly controller: AbortController;
  readonly progress: ProgressTracker;
  readonly done: Promise<void>;
}

const MAX_REQUEST_ID_BYTES = 128;

/**
 * Runs jobs: a FIFO of PENDING jobs, at most `maxRunningJobs` running, cancellation through
 * abort signals, and resumption of the jobs a previous process left RUNNING (same store).
 * Every status change goes to the store first, then to watchers.
 */
export class JobManager {
  private readonly pending: string[] = [];
  private readonly active = new Map<string, ActiveJob>();
  private readonly events = new EventEmitter();
  private readonly stopController = new AbortController();
  /** Jobs taken off the queue whose record is being read before they launch. */
  private starting = 0;
  private stopping = false;

  constructor(private readonly deps: JobManagerDeps) {
    this.events.setMaxListeners(0);
  }

  /** Resumes jobs left RUNNING or CANCELLING by a previous process and queues the PENDING ones. */
  async start(): Promise<void> {
    const { store } = this.deps;
    const oldestFirst = (jobs: Job[]) => jobs.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    // Stage jobs of a pipeline are run (and resumed, and cancelled) by their pipeline job.
    const topLevel = async (status: 'cancelling' | 'running' | 'pending') => oldestFirst((await store.listJobs({ status })).filter((j) => j.parentJobId === undefined));
    for (const job of await topLevel('cancelling')) await this.finishCancelled(job);
    const running = (await topLevel('running')).filter((j) => {
      const handler = this.deps.handlers.get(j.kind);
      // e.g. a FILTER job left running by a coordinator that had a judge service: it resumes
      // once the coordinator runs with one again.
      const why = handler === undefined ? this.deps.unimplemented.get(j.kind) : handler.unavailable?.(jobConfigOf(j).resolved);
      if (handler !== undefined && why === undefined) return true;
      this.deps.logger.warn('cannot resume job: it needs what this configuration lacks', { jobId: j.id, kind: j.kind, why });
      return false;
    });
    const pending = await topLevel('pending');
    // Jobs that were running go first, even beyond the limit: they hold partial work.
    for (const job of running) {
      this.deps.logger.info('resuming job', { jobId: job.id, kind: job.kind });
      this.launch(job);
    }
    this.pending.push(...pending.map((j) => j.id));
    this.pump();
  }

  async submit(request: SubmitRequest, signal: AbortSignal): Promise<Job> {
    const { store } = this.deps;
    if (request.requestId === '') throw invalidArgument('request_id is required: a client-chosen unique string (a UUID is recommended) that makes StartJob safe to retry');
    if (Buffer.byteLength(request.requestId) > MAX_REQUEST_ID_BYTES) throw invalidArgument(`request_id must be at most ${MAX_REQUEST_ID_BYTES} bytes`);
    const spec = request.spec;
    const kind = spec === undefined ? undefined : kindOfSpec(spec);
    if (spec === undefined || kind === undefined) throw invalidArgument('spec is required and must set one of synthesize, judge, filter, evaluate or pipeline');
    const fingerprint = requestFingerprint(spec, request.displayName);
    const repeated = await this.repeatOf(request.requestId, fingerprint);
    if (repeated !== undefined) return repeated;
    const handler = this.deps.handlers.get(kind);
    if (handler === undefined) throw new GrpcStatusError(status.UNIMPLEMENTED, this.deps.unimplemented.get(kind) ?? `${kind.toUpperCase()} jobs are not supported by this coordinator`);
    if (this.stopping) throw new GrpcStatusError(status.UNAVAILABLE, 'the coordinator is shutting down; retry against the next instance');
    if (this.pending.length >= this.deps.maxPendingJobs) {
      throw resourceExhausted(`the queue of pending jobs is full (${this.deps.maxPendingJobs}); retry when running jobs have finished`);
    }
    const resolved = await withStoreStatus(() => handler.prepare(spec, signal));
    const id = `job-${randomUUID()}`;
    let job: Job;
    try {
      job = await store.createJob({
        id,
        requestId: request.requestId,
        kind,
        displayName: request.displayName,
        config: jobConfigToJson({ submitted: spec, resolved }),
      });
    } catch (err) {
      // A concurrent StartJob with the same request id won the race: answer as for a repeat.
      if (err instanceof StoreConflictError) {
        const winner = await this.repeatOf(request.requestId, fingerprint);
        if (winner !== undefined) return winner;
      }
      throw err;
    }
    this.deps.logger.info('job created', { jobId: job.id, kind, requestId: request.requestId });
    this.deps.onStatusChange?.();
    this.pending.push(job.id);
    this.pump();
    return (await store.getJob(job.id)) ?? job;
  }

  async cancel(id: string): Promise<Job> {
    const { store } = this.deps;
    const job = await this.require(id);
    if (job.status === 'succeeded' || job.status === 'failed') throw failedPrecondition(`job ${id} already ${job.status.toUpperCase()}; only PENDING or RUNNING jobs can be cancelled`);
    if (job.status === 'cancelling' || job.status === 'cancelled') return job;
    if (job.parentJobId !== undefined) throw failedPrecondition(`job ${id} is a stage of pipeline job ${job.parentJobId}; cancel the pipeline job`);
    const queued = this.pending.indexOf(id);
    if (queued !== -1) this.pending.splice(queued, 1);
    const active = this.active.get(id);
    if (active === undefined) {
      // Not running here (still pending): nothing in flight to stop.
      await store.transitionJob(id, { status: 'cancelled' });
    } else {
      await store.transitionJob(id, { status: 'cancelling' });
      active.controller.abort(new JobStop('cancel'));
    }
    this.changed(id);
    return (await store.getJob(id))!;
  }

  /** Newest first. */
  list(query: JobQuery): Promise<Job[]> {
    return this.deps.store.listJobs(query);
  }

  /** Aborted when the coordinator begins to shut down (watch streams end then). */
  get stopSignal(): AbortSignal {
    return this.stopController.signal;
  }

  async view(id: string): Promise<JobView> {
    return { job: await this.require(id), live: this.active.get(id)?.progress.snapshot() };
  }

  /**
   * Calls `listener` whenever the job's status or progress may have changed; returns the
   * unsubscribe. A pipeline's stage jobs change only when their pipeline job does, so a watcher
   * of a stage job subscribes to its pipeline job's id.
   */
  subscribe(id: string, listener: () => void): () => void {
    this.events.on(id, listener);
    return () => this.events.off(id, listener);
  }

  /** Live progress of every job running in this process (metrics). */
  activeJobs(): ReadonlyMap<string, ProgressSnapshot> {
    return new Map([...this.active].map(([id, a]) => [id, a.progress.snapshot()]));
  }

  /** Stops in-flight work without cancelling: running jobs stay RUNNING and resume at the next start. */
  async shutdown(): Promise<void> {
    this.stopping = true;
    this.stopController.abort();
    this.pending.length = 0;
    for (const active of this.active.values()) active.controller.abort(new JobStop('shutdown'));
    await Promise.all([...this.active.values()].map((a) => a.done));
  }

  private async repeatOf(requestId: string, fingerprint: string): Promise<Job | undefined> {
    const existing = await this.deps.store.getJobByRequestId(requestId);
    if (existing === undefined) return undefined;
    const original = jobConfigOf(existing);
    if (requestFingerprint(original.submitted, existing.displayName) !== fingerprint) {
      throw alreadyExists(`request_id ${requestId} already started job ${existing.id} with a different spec; use a new request_id for a new job`);
    }
    return existing;
  }

  private async require(id: string): Promise<Job> {
    if (id === '') throw invalidArgument('job_id is required');
    const job = await this.deps.store.getJob(id);
    if (job === undefined) throw notFound(`job ${id} does not exist`);
    return job;
  }

  private pump(): void {
    while (!this.stopping && this.active.size + this.starting < this.deps.maxRunningJobs && this.pending.length > 0) {
      const id = this.pending.shift()!;
      this.starting += 1;
      void this.deps.store.getJob(id).then(
        (job) => {
          this.starting -= 1;
          if (job !== undefined && job.status === 'pending' && !this.stopping) this.launch(job);
          else this.pump();
        },
        (err: unknown) => {
          this.starting -= 1;
          this.deps.logger.error('could not read a queued job', { jobId: id, err });
          this.pump();
        },
      );
    }
  }

  private launch(job: Job): void {
    const handler = this.deps.handlers.get(job.kind)!;
    const controller = new AbortController();
    const logger = this.deps.logger.child({ jobId: job.id, kind: job.kind });
    const progress = new ProgressTracker(job.id, this.deps.store, () => this.changed(job.id), logger, job.progress);
    const done = (async () => {
      const { store } = this.deps;
      try {
        await store.transitionJob(job.id, { status: 'running' });
        this.changed(job.id);
        const result = await handler.run({ id: job.id, spec: jobConfigOf(job).resolved, signal: controller.signal, progress, logger });
        await progress.flushed();
        const stop = stopKindOf(controller.signal);
        // A cancelled pipeline keeps the results of the stages it finished (the contract's partial result).
        const partial = job.kind === 'pipeline' && result.result !== undefined ? { result: jobResultToJson(result) } : {};
        if (stop === 'cancel') await store.transitionJob(job.id, { status: 'cancelled', ...partial });
        else if (stop === undefined) await store.transitionJob(job.id, { status: 'succeeded', result: jobResultToJson(result) });
        logger.info('job ended', { stop: stop ?? 'completed' });
      } catch (err) {
        await progress.flushed();
        const stop = stopKindOf(controller.signal);
        if (stop === 'cancel') await store.transitionJob(job.id, { status: 'cancelled' }).catch((e: unknown) => logger.error('could not mark the job cancelled', { err: e }));
        else if (stop === undefined) {
          logger.warn('job failed', { err });
          const message = err instanceof GrpcStatusError ? err.details : describeCallError(err);
          await store.transitionJob(job.id, { status: 'failed', error: message || 'failed' }).catch((e: unknown) => logger.error('could not mark the job failed', { err: e }));
        }
      } finally {
        this.active.delete(job.id);
        this.changed(job.id);
        this.pump();
      }
    })();
    this.active.set(job.id, { controller, progress, done });
  }

  /** A job left CANCELLING by a previous process: its trajectories in flight end CANCELLED. */
  private async finishCancelled(job: Job): Promise<void> {
    await this.deps.handlers.get(job.kind)?.finishCancelled?.(job.id, this.deps.logger.child({ jobId: job.id, kind: job.kind }));
    for (const t of await this.deps.store.listUnfinishedTrajectories(job.id)) await this.deps.store.finishTrajectory(t.id, { finishReason: 'cancelled' });
    await this.deps.store.transitionJob(job.id, { status: 'cancelled' });
  }

  private changed(id: string): void {
    this.deps.onStatusChange?.();
    this.events.emit(id);
  }
}

/** Whether a job has reached SUCCEEDED, FAILED or CANCELLED. */
export function isTerminal(job: Job): boolean {
  return isTerminalJobStatus(job.status);
}
