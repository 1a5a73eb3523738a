import { alreadyExists, failedPrecondition, invalidArgument, notFound, resourceExhausted, unavailable, type Logger } from '@swirl/grpc-kit';
import {
  RunState,
  type CancelRunRequest,
  type CreateRunRequest,
  type ListCheckpointsRequest,
  type ListCheckpointsResponse,
  type ListRunsRequest,
  type ListRunsResponse,
  type Run,
  type WatchRunRequest,
  type WatchRunResponse,
} from '@swirl/proto';
import { isTerminalRunStatus, type RunStatus, type TrainingRun } from '@swirl/store';
import { fromTrainingRun, toNewTrainingRun } from '../store/run-definition';
import { fromStoreError } from '../store/store-errors';
import { RunExecution, type ExecutionDeps } from '../training/run-execution';
import { RunEventLog } from './run-event-log';
import { checkCreateRunRequest, prepareRun, requestFingerprint, type PrepareDeps } from './prepare-run';
import { page } from './page-token';
import { RUN_STATUSES_BY_STATE, toCheckpointRef, toRunProto, type RunProgress } from './run-view';
import { storedProgress } from './stored-progress';
import { watchRun } from './watch-run';

export type RunManagerDeps = ExecutionDeps & PrepareDeps & { readonly logger: Logger };

/**
 * Owns the trainer's runs: creates them (idempotently), drives one at a time on the learner,
 * answers queries from the store plus the live progress of the active run, cancels, streams
 * events, and on start-up resumes the runs a previous trainer left unfinished.
 */
export class RunManager {
  private active: { readonly runId: string; readonly execution: RunExecution } | undefined;
  private readonly waiting: string[] = [];
  private readonly logs = new Map<string, RunEventLog>();
  private readonly transitions = new Map<string, Promise<unknown>>();
  private creating: Promise<unknown> = Promise.resolve();
  private stopping = false;
  /** Ends every WatchRun stream when the trainer shuts down (they would hold the server open). */
  private readonly closing = new AbortController();

  constructor(private readonly deps: RunManagerDeps) {}

  /** Resumes the runs left unfinished by a previous trainer, oldest first, one at a time. */
  async resumeUnfinished(): Promise<void> {
    const runs = (await this.deps.store.listTrainingRuns()).filter((r) => !isTerminalRunStatus(r.status)).reverse();
    for (const run of runs) {
      if (run.status === 'cancelling') {
        // Cancelled while no trainer drove it: its checkpoints so far remain.
        await this.transition(run.id, 'cancelled');
        continue;
      }
      this.waiting.push(run.id);
    }
    if (this.waiting.length > 0) this.deps.logger.info('resuming unfinished runs', { runs: this.waiting });
    await this.startNext();
  }

  async create(request: CreateRunRequest): Promise<Run> {
    checkCreateRunRequest(request);
    // One create at a time: the idempotency check and the learner check must not interleave.
    const result = this.creating.then(() => this.createOne(request));
    this.creating = result.catch(() => undefined);
    return result;
  }

  async get(runId: string): Promise<Run> {
    return this.view(await this.record(runId));
  }

  async list(request: ListRunsRequest): Promise<ListRunsResponse> {
    const status = request.state === RunState.RUN_STATE_UNSPECIFIED ? undefined : RUN_STATUSES_BY_STATE.get(request.state);
    if (request.state !== RunState.RUN_STATE_UNSPECIFIED && status === undefined) throw invalidArgument(`state ${request.state} is not a known RunState`);
    const runs = (await this.deps.store.listTrainingRuns()).filter(
      (r) => (status === undefined || r.status === status) && (request.datasetVersionId === '' || r.datasetVersionId === request.datasetVersionId),
    );
    const { items, nextPageToken } = page(runs, request, `state=${request.state};dataset=${request.datasetVersionId}`);
    return { runs: await Promise.all(items.map((r) => this.view(r))), nextPageToken };
  }

  async listCheckpoints(request: ListCheckpointsRequest): Promise<ListCheckpointsResponse> {
    await this.record(request.runId);
    const checkpoints = await this.deps.store.listCheckpoints(request.runId);
    const { items, nextPageToken } = page(checkpoints, request, `run=${request.runId}`);
    return { checkpoints: items.map(toCheckpointRef), nextPageToken };
  }

  async cancel(request: CancelRunRequest): Promise<Run> {
    const record = await this.record(request.runId);
    if (record.status === 'succeeded' || record.status === 'failed') {
      throw failedPrecondition(`run ${record.id} already ${record.status === 'succeeded' ? 'SUCCEEDED' : 'FAILED'}; only a run that is not finished can be cancelled`);
    }
    if (record.status === 'cancelling' || record.status === 'cancelled') return this.view(record);
    const execution = this.active?.runId === record.id ? this.active.execution : undefined;
    const waiting = this.waiting.indexOf(record.id);
    if (waiting >= 0) this.waiting.splice(waiting, 1);
    // The flag first: a transition the execution starts after this sees it.
    execution?.requestCancel();
    await this.transition(record.id, 'cancelling');
    if (execution === undefined) await this.transition(record.id, 'cancelled');
    return this.get(record.id);
  }

  async watch(request: WatchRunRequest, emit: (event: WatchRunResponse) => void, signal: AbortSignal): Promise<void> {
    const record = await this.record(request.runId);
    await watchRun(await this.eventLog(record), request.afterSequence, () => this.get(record.id), emit, AbortSignal.any([signal, this.closing.signal]));
    if (this.closing.signal.aborted && !signal.aborted) {
      throw unavailable(`the trainer is shutting down; watch run ${record.id} again (after_sequence resumes only on the same trainer)`);
    }
  }

  /** Stops driving the active run (it stays RUNNING and resumes on the next start). */
  async shutdown(timeoutMs: number): Promise<void> {
    this.stopping = true;
    this.closing.abort();
    const active = this.active;
    if (active === undefined) return;
    active.execution.interrupt();
    await Promise.race([active.execution.done, new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
  }

  private async createOne(request: CreateRunRequest): Promise<Run> {
    const fingerprint = requestFingerprint(request);
    const existing = (await this.deps.store.listTrainingRuns()).find((r) => r.requestId === request.requestId);
    if (existing !== undefined) {
      if (fromTrainingRun(existing).settings.requestFingerprint !== fingerprint) {
        throw alreadyExists(`request_id "${request.requestId}" already created run ${existing.id} with a different request; use a new request_id`);
      }
      return this.view(existing);
    }
    if (this.stopping) throw failedPrecondition('the trainer is shutting down; create the run on the next trainer');
    const busy = this.active?.runId ?? this.waiting[0];
    if (busy !== undefined) {
      throw resourceExhausted(`run ${busy} is using the learner (one run per learner); wait until it finishes or cancel it`);
    }
    const definition = await prepareRun(this.deps, request);
    let record: TrainingRun;
    try {
      record = await this.deps.store.createTrainingRun(toNewTrainingRun(definition));
    } catch (error) {
      throw fromStoreError(error);
    }
    this.deps.logger.info('run created', { run: record.id, algorithm: record.algorithm, dataset: record.datasetVersionId, updates: record.totalUpdates });
    await this.eventLog(record);
    this.waiting.push(record.id);
    await this.startNext();
    return this.view(await this.record(record.id));
  }

  private async startNext(): Promise<void> {
    while (this.active === undefined && !this.stopping) {
      const runId = this.waiting.shift();
      if (runId === undefined) return;
      const record = await this.record(runId);
      if (isTerminalRunStatus(record.status)) continue;
      const definition = fromTrainingRun(record);
      await this.eventLog(record);
      const execution = new RunExecution(this.deps, definition, record, this.host(runId), await storedProgress(this.deps.store, definition, record));
      this.active = { runId, execution };
      this.deps.metrics.activeRuns.set(1);
      execution.start();
      void execution.done.finally(() => {
        if (this.active?.execution !== execution) return;
        this.active = undefined;
        this.deps.metrics.activeRuns.set(0);
        this.startNext().catch((err: unknown) => this.deps.logger.error('could not start the next run', { err }));
      });
    }
  }

  private host(runId: string) {
    return {
      transition: (status: RunStatus, error?: string) => this.transition(runId, status, error),
      emit: (event: Parameters<RunEventLog['append']>[0]) => this.logs.get(runId)?.append(event),
    };
  }

  /** Moves a run's status (serialized per run) and publishes the new snapshot. */
  private async transition(runId: string, status: RunStatus, error?: string): Promise<void> {
    const previous = this.transitions.get(runId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(async () => {
      let record: TrainingRun;
      try {
        record = await this.deps.store.transitionTrainingRun(runId, error === undefined ? { status } : { status, error });
      } catch (e) {
        throw fromStoreError(e);
      }
      const run = await this.view(record);
      (await this.eventLog(record)).append({ $case: 'stateChanged', value: { run } });
    });
    this.transitions.set(runId, next);
    await next;
  }

  private async record(runId: string): Promise<TrainingRun> {
    if (runId === '') throw invalidArgument('run_id is required');
    const record = await this.deps.store.getTrainingRun(runId);
    if (record === undefined) throw notFound(`run "${runId}" does not exist; ListRuns shows the runs`);
    return record;
  }

  private async view(record: TrainingRun): Promise<Run> {
    const definition = fromTrainingRun(record);
    const progress: RunProgress = this.active?.runId === record.id ? this.active.execution : await storedProgress(this.deps.store, definition, record);
    return toRunProto(record, definition, progress);
  }

  /** The run's event log; a run this trainer has not seen yet starts with its snapshot as event 1. */
  private async eventLog(record: TrainingRun): Promise<RunEventLog> {
    const existing = this.logs.get(record.id);
    if (existing !== undefined) return existing;
    const run = await this.view(record);
    let log = this.logs.get(record.id);
    if (log === undefined) {
      log = new RunEventLog();
      this.logs.set(record.id, log);
      log.append({ $case: 'stateChanged', value: { run } });
    }
    return log;
  }
}
