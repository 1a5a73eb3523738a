import { RUN_STATUSES, TRAINING_ALGORITHMS, type NewTrainingRun, type RunStatus, type RunTransition, type TrainingRun } from '../../domain/training-run';
import { rowHash } from '../../encoding/row-hash';
import { InvalidStoreInputError, StoreConflictError, StoreNotFoundError, StorePreconditionError } from '../../errors/store-error';
import { checkCount, checkId, checkJsonObject, checkNonEmpty, checkOneOf, checkOptionalId } from '../../rules/input-checks';
import { describeRunTransitions, isRunTransitionAllowed, isTerminalRunStatus } from '../../rules/status-transitions';
import { validateJudgeRef, validateModelRef } from '../../rules/validate-model-ref';
import { optional, optionalDate, type SqliteContext } from '../sqlite-context';

interface RunRow {
  id: string;
  request_id: string | null;
  dataset_version_id: string;
  base_model_name: string;
  base_model_version: string;
  algorithm: string;
  hyper_parameters: string;
  reward_judge_id: string | null;
  reward_judge_version: string | null;
  job_id: string | null;
  total_updates: number;
  content_hash: string;
  status: RunStatus;
  completed_updates: number;
  error: string | null;
  created_at: number;
  updated_at: number;
  started_at: number | null;
  ended_at: number | null;
}

function toRun(row: RunRow): TrainingRun {
  return {
    id: row.id,
    requestId: optional(row.request_id),
    datasetVersionId: row.dataset_version_id,
    baseModel: { name: row.base_model_name, version: row.base_model_version },
    algorithm: row.algorithm as TrainingRun['algorithm'],
    hyperParameters: JSON.parse(row.hyper_parameters),
    rewardJudge: row.reward_judge_id === null ? undefined : { id: row.reward_judge_id, version: row.reward_judge_version! },
    jobId: optional(row.job_id),
    totalUpdates: row.total_updates,
    status: row.status,
    completedUpdates: row.completed_updates,
    error: optional(row.error),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    startedAt: optionalDate(row.started_at),
    endedAt: optionalDate(row.ended_at),
  };
}

export class TrainingRunsRepo {
  constructor(private readonly ctx: SqliteContext) {}

  create(run: NewTrainingRun): TrainingRun {
    const baseModel = validateModelRef('run.baseModel', run.baseModel);
    const rewardJudge = run.rewardJudge === undefined ? undefined : validateJudgeRef('run.rewardJudge', run.rewardJudge);
    const content = {
      dataset_version_id: checkId('run.datasetVersionId', run.datasetVersionId),
      base_model_name: baseModel.name,
      base_model_version: baseModel.version,
      algorithm: checkOneOf('run.algorithm', run.algorithm, TRAINING_ALGORITHMS),
      hyper_parameters: checkJsonObject('run.hyperParameters', run.hyperParameters),
      reward_judge_id: rewardJudge?.id ?? null,
      reward_judge_version: rewardJudge?.version ?? null,
      job_id: checkOptionalId('run.jobId', run.jobId) ?? null,
      total_updates: checkCount('run.totalUpdates', run.totalUpdates),
    };
    const row = { id: checkId('run.id', run.id), request_id: checkOptionalId('run.requestId', run.requestId) ?? null, ...content, content_hash: rowHash(content) };
    return this.ctx.write(() => {
      const byId = this.row(row.id);
      if (byId) {
        if (byId.content_hash === row.content_hash && byId.request_id === row.request_id) return toRun(byId);
        throw new StoreConflictError(`training run ${row.id} already exists with a different definition`);
      }
      if (row.request_id !== null) {
        const byRequest = this.ctx.get<RunRow>('SELECT * FROM training_runs WHERE request_id = ?', row.request_id);
        if (byRequest) {
          if (byRequest.content_hash === row.content_hash) return toRun(byRequest);
          throw new StoreConflictError(`request id ${row.request_id} already created run ${byRequest.id} with a different request; use a new request id`);
        }
      }
      if (!this.ctx.get('SELECT 1 FROM dataset_versions WHERE id = ?', row.dataset_version_id)) throw new StoreNotFoundError(`dataset version ${row.dataset_version_id} does not exist`);
      if (row.job_id !== null && !this.ctx.get('SELECT 1 FROM jobs WHERE id = ?', row.job_id)) throw new StoreNotFoundError(`job ${row.job_id} does not exist`);
      const now = this.ctx.now();
      this.ctx.run(
        `INSERT INTO training_runs (id, request_id, dataset_version_id, base_model_name, base_model_version, algorithm, hyper_parameters,
           reward_judge_id, reward_judge_version, job_id, total_updates, content_hash, status, created_at, updated_at)
         VALUES (@id, @request_id, @dataset_version_id, @base_model_name, @base_model_version, @algorithm, @hyper_parameters,
           @reward_judge_id, @reward_judge_version, @job_id, @total_updates, @content_hash, 'pending', @now, @now)`,
        { ...row, now },
      );
      return toRun(this.row(row.id)!);
    });
  }

  get(id: string): TrainingRun | undefined {
    const row = this.row(id);
    return row && toRun(row);
  }

  list(): TrainingRun[] {
    return this.ctx.all<RunRow>('SELECT * FROM training_runs ORDER BY created_at DESC, rowid DESC').map(toRun);
  }

  transition(id: string, transition: RunTransition): TrainingRun {
    const status = checkOneOf('transition.status', transition?.status, RUN_STATUSES);
    if ((status === 'failed') !== (transition.error !== undefined)) throw new InvalidStoreInputError('transition.error is required for, and only for, status failed');
    const error = transition.error === undefined ? null : checkNonEmpty('transition.error', transition.error);
    return this.ctx.write(() => {
      const current = this.existing(id);
      if (current.status === status) {
        if (current.error !== error) throw new StorePreconditionError(`run ${id} is already ${status} with a different error`);
        return toRun(current);
      }
      if (!isRunTransitionAllowed(current.status, status)) {
        throw new StorePreconditionError(`run ${id} cannot go from ${current.status} to ${status} (allowed: ${describeRunTransitions(current.status)})`);
      }
      const now = this.ctx.now();
      const starts = status === 'initializing' || status === 'running';
      this.ctx.run(
        `UPDATE training_runs SET status = ?, error = ?, updated_at = ?,
           started_at = COALESCE(started_at, CASE WHEN ? THEN ? END), ended_at = CASE WHEN ? THEN ? END
         WHERE id = ?`,
        status, error, now, starts ? 1 : 0, now, isTerminalRunStatus(status) ? 1 : 0, now, id,
      );
      return toRun(this.row(id)!);
    });
  }

  updateProgress(id: string, completedUpdates: number): TrainingRun {
    const completed = checkCount('completedUpdates', completedUpdates);
    return this.ctx.write(() => {
      const current = this.existing(id);
      if (isTerminalRunStatus(current.status)) throw new StorePreconditionError(`run ${id} is ${current.status}; its progress no longer changes`);
      if (completed < current.completed_updates) {
        throw new StorePreconditionError(`run ${id} progress cannot go back (${current.completed_updates} -> ${completed}); report it again once the resumed run passes it`);
      }
      if (completed > current.total_updates) throw new InvalidStoreInputError(`run ${id} has ${current.total_updates} updates planned, not ${completed}`);
      this.ctx.run('UPDATE training_runs SET completed_updates = ?, updated_at = ? WHERE id = ?', completed, this.ctx.now(), id);
      return toRun(this.row(id)!);
    });
  }

  private row(id: string): RunRow | undefined {
    return this.ctx.get<RunRow>('SELECT * FROM training_runs WHERE id = ?', id);
  }

  private existing(id: string): RunRow {
    const row = this.row(id);
    if (!row) throw new StoreNotFoundError(`training run ${id} does not exist`);
    return row;
  }
}
