import { JOB_KINDS, JOB_STATUSES, type Job, type JobProgress, type JobQuery, type JobStatus, type JobTransition, type NewJob } from '../../domain/job';
import { rowHash } from '../../encoding/row-hash';
import { InvalidStoreInputError, StoreConflictError, StoreNotFoundError, StorePreconditionError } from '../../errors/store-error';
import { checkCount, checkId, checkJson, checkJsonObject, checkNonEmpty, checkOneOf, checkOptionalId, checkString } from '../../rules/input-checks';
import { describeJobTransitions, isJobTransitionAllowed, isTerminalJobStatus } from '../../rules/status-transitions';
import { optional, optionalDate, whereClause, type SqliteContext } from '../sqlite-context';

interface JobRow {
  id: string;
  request_id: string | null;
  kind: string;
  display_name: string;
  config: string;
  parent_job_id: string | null;
  content_hash: string;
  status: JobStatus;
  progress_stage: string;
  progress_done: number;
  progress_total: number;
  progress_failed: number;
  error: string | null;
  result: string | null;
  created_at: number;
  updated_at: number;
  started_at: number | null;
  ended_at: number | null;
}

function toJob(row: JobRow): Job {
  return {
    id: row.id,
    requestId: optional(row.request_id),
    kind: row.kind as Job['kind'],
    displayName: row.display_name,
    config: JSON.parse(row.config),
    parentJobId: optional(row.parent_job_id),
    status: row.status,
    progress: { stage: row.progress_stage, done: row.progress_done, total: row.progress_total, failed: row.progress_failed },
    error: optional(row.error),
    result: row.result === null ? undefined : JSON.parse(row.result),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    startedAt: optionalDate(row.started_at),
    endedAt: optionalDate(row.ended_at),
  };
}

export class JobsRepo {
  constructor(private readonly ctx: SqliteContext) {}

  create(job: NewJob): Job {
    const content = {
      kind: checkOneOf('job.kind', job.kind, JOB_KINDS),
      display_name: job.displayName === undefined ? '' : checkString('job.displayName', job.displayName),
      config: checkJsonObject('job.config', job.config),
      parent_job_id: checkOptionalId('job.parentJobId', job.parentJobId) ?? null,
    };
    const row = { id: checkId('job.id', job.id), request_id: checkOptionalId('job.requestId', job.requestId) ?? null, ...content, content_hash: rowHash(content) };
    return this.ctx.write(() => {
      const byId = this.row(row.id);
      if (byId) {
        if (byId.content_hash === row.content_hash && byId.request_id === row.request_id) return toJob(byId);
        throw new StoreConflictError(`job ${row.id} already exists with a different definition (kind, config, request id or parent)`);
      }
      if (row.request_id !== null) {
        const byRequest = this.ctx.get<JobRow>('SELECT * FROM jobs WHERE request_id = ?', row.request_id);
        if (byRequest) {
          if (byRequest.content_hash === row.content_hash) return toJob(byRequest);
          throw new StoreConflictError(`request id ${row.request_id} already created job ${byRequest.id} with a different spec; use a new request id`);
        }
      }
      if (row.parent_job_id !== null && !this.row(row.parent_job_id)) throw new StoreNotFoundError(`parent job ${row.parent_job_id} does not exist`);
      const now = this.ctx.now();
      this.ctx.run(
        `INSERT INTO jobs (id, request_id, kind, display_name, config, parent_job_id, content_hash, status, progress_stage, created_at, updated_at)
         VALUES (@id, @request_id, @kind, @display_name, @config, @parent_job_id, @content_hash, 'pending', @kind, @now, @now)`,
        { ...row, now },
      );
      return toJob(this.row(row.id)!);
    });
  }

  get(id: string): Job | undefined {
    const row = this.row(id);
    return row && toJob(row);
  }

  getByRequestId(requestId: string): Job | undefined {
    const row = this.ctx.get<JobRow>('SELECT * FROM jobs WHERE request_id = ?', requestId);
    return row && toJob(row);
  }

  list(query: JobQuery = {}): Job[] {
    const where = whereClause([
      ['kind = ?', query.kind],
      ['status = ?', query.status],
      ['parent_job_id = ?', query.parentJobId],
    ]);
    return this.ctx.all<JobRow>(`SELECT * FROM jobs ${where.sql} ORDER BY created_at DESC, rowid DESC`, ...where.params).map(toJob);
  }

  transition(id: string, transition: JobTransition): Job {
    const status = checkOneOf('transition.status', transition.status, JOB_STATUSES);
    if ((status === 'failed') !== (transition.error !== undefined)) throw new InvalidStoreInputError('transition.error is required for, and only for, status failed');
    const error = transition.error === undefined ? null : checkNonEmpty('transition.error', transition.error);
    if (transition.result !== undefined && !isTerminalJobStatus(status)) throw new InvalidStoreInputError(`transition.result is only for terminal statuses, not ${status}`);
    const result = transition.result === undefined ? null : checkJson('transition.result', transition.result);
    return this.ctx.write(() => {
      const current = this.existing(id);
      if (current.status === status) {
        if (isTerminalJobStatus(status) && (current.error !== error || current.result !== result)) {
          throw new StorePreconditionError(`job ${id} is already ${status} with a different error or result; a terminal job does not change`);
        }
        return toJob(current);
      }
      if (!isJobTransitionAllowed(current.status, status)) {
        throw new StorePreconditionError(`job ${id} cannot go from ${current.status} to ${status} (allowed: ${describeJobTransitions(current.status)})`);
      }
      const now = this.ctx.now();
      this.ctx.run(
        `UPDATE jobs SET status = ?, error = ?, result = ?, updated_at = ?,
           started_at = COALESCE(started_at, CASE WHEN ? = 'running' THEN ? END),
           ended_at = CASE WHEN ? THEN ? END
         WHERE id = ?`,
        status, error, result, now, status, now, isTerminalJobStatus(status) ? 1 : 0, now, id,
      );
      return toJob(this.row(id)!);
    });
  }

  updateProgress(id: string, progress: JobProgress): Job {
    const stage = checkNonEmpty('progress.stage', progress?.stage);
    const done = checkCount('progress.done', progress.done);
    const total = checkCount('progress.total', progress.total);
    const failed = checkCount('progress.failed', progress.failed);
    if (total > 0 && done + failed > total) throw new InvalidStoreInputError(`progress.done + progress.failed (${done + failed}) exceeds progress.total (${total})`);
    return this.ctx.write(() => {
      const current = this.existing(id);
      if (isTerminalJobStatus(current.status)) throw new StorePreconditionError(`job ${id} is ${current.status}; its progress no longer changes`);
      if (current.progress_stage === stage && (done < current.progress_done || failed < current.progress_failed)) {
        throw new StorePreconditionError(
          `job ${id} progress in stage ${stage} cannot go back (done ${current.progress_done} -> ${done}, failed ${current.progress_failed} -> ${failed})`,
        );
      }
      this.ctx.run(
        'UPDATE jobs SET progress_stage = ?, progress_done = ?, progress_total = ?, progress_failed = ?, updated_at = ? WHERE id = ?',
        stage, done, total, failed, this.ctx.now(), id,
      );
      return toJob(this.row(id)!);
    });
  }

  private row(id: string): JobRow | undefined {
    return this.ctx.get<JobRow>('SELECT * FROM jobs WHERE id = ?', id);
  }

  private existing(id: string): JobRow {
    const row = this.row(id);
    if (!row) throw new StoreNotFoundError(`job ${id} does not exist`);
    return row;
  }
}
