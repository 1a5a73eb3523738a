import type { Step } from '../../domain/step';
import {
  TRAJECTORY_FINISH_REASONS,
  type NewTrajectory,
  type Trajectory,
  type TrajectoryEnd,
  type TrajectoryFinishReason,
  type TrajectoryQuery,
  type TrajectoryStatus,
  type TrajectoryWithSteps,
} from '../../domain/trajectory';
import { rowHash } from '../../encoding/row-hash';
import { InvalidStoreInputError, StoreConflictError, StoreNotFoundError, StorePreconditionError } from '../../errors/store-error';
import { checkCount, checkId, checkJsonObject, checkNonEmpty, checkOneOf, checkOptionalCount, checkOptionalString } from '../../rules/input-checks';
import { validateChatMessages } from '../../rules/validate-chat-messages';
import { validateModelRef } from '../../rules/validate-model-ref';
import { optional, optionalDate, whereClause, type SqliteContext } from '../sqlite-context';
import { toStep, type StepRow } from './steps-repo';

interface TrajectoryRow {
  id: string;
  job_id: string;
  question_id: string;
  sample_index: number;
  model_name: string;
  model_version: string;
  prompt_version: string;
  sampling_seed: number | null;
  sampling: string;
  max_steps: number;
  prompt: string;
  content_hash: string;
  status: TrajectoryStatus;
  finish_reason: TrajectoryFinishReason | null;
  final_answer: string | null;
  error: string | null;
  step_count: number;
  created_at: number;
  finished_at: number | null;
}

export function toTrajectory(row: TrajectoryRow): Trajectory {
  return {
    id: row.id,
    jobId: row.job_id,
    questionId: row.question_id,
    sampleIndex: row.sample_index,
    model: { name: row.model_name, version: row.model_version },
    promptVersion: row.prompt_version,
    samplingSeed: optional(row.sampling_seed),
    sampling: JSON.parse(row.sampling),
    maxSteps: row.max_steps,
    prompt: JSON.parse(row.prompt),
    status: row.status,
    finishReason: optional(row.finish_reason),
    finalAnswer: optional(row.final_answer),
    error: optional(row.error),
    stepCount: row.step_count,
    createdAt: new Date(row.created_at),
    finishedAt: optionalDate(row.finished_at),
  };
}

const STATUS_OF: Readonly<Record<TrajectoryFinishReason, TrajectoryStatus>> = {
  answered: 'finished',
  step_cap: 'finished',
  malformed_action: 'finished',
  context_length: 'finished',
  error: 'failed',
  cancelled: 'cancelled',
};

export class TrajectoriesRepo {
  constructor(private readonly ctx: SqliteContext) {}

  start(trajectory: NewTrajectory): Trajectory {
    const model = validateModelRef('trajectory.model', trajectory.model);
    const content = {
      job_id: checkId('trajectory.jobId', trajectory.jobId),
      question_id: checkId('trajectory.questionId', trajectory.questionId),
      sample_index: checkCount('trajectory.sampleIndex', trajectory.sampleIndex),
      model_name: model.name,
      model_version: model.version,
      prompt_version: checkNonEmpty('trajectory.promptVersion', trajectory.promptVersion),
      sampling_seed: checkOptionalCount('trajectory.samplingSeed', trajectory.samplingSeed) ?? null,
      sampling: checkJsonObject('trajectory.sampling', trajectory.sampling),
      max_steps: checkCount('trajectory.maxSteps', trajectory.maxSteps),
      prompt: validateChatMessages('trajectory.prompt', trajectory.prompt),
    };
    if (content.max_steps < 1) throw new InvalidStoreInputError('trajectory.maxSteps must be at least 1');
    const row = { id: checkId('trajectory.id', trajectory.id), ...content, content_hash: rowHash(content) };
    return this.ctx.write(() => {
      const byId = this.row(row.id);
      if (byId) {
        if (byId.content_hash === row.content_hash) return toTrajectory(byId);
        throw new StoreConflictError(`trajectory ${row.id} already exists with a different definition`);
      }
      const sibling = this.ctx.get<TrajectoryRow>(
        'SELECT * FROM trajectories WHERE job_id = ? AND question_id = ? AND sample_index = ?',
        row.job_id, row.question_id, row.sample_index,
      );
      if (sibling) {
        throw new StoreConflictError(
          `job ${row.job_id} already has trajectory ${sibling.id} (${sibling.status}) for question ${row.question_id} sample ${row.sample_index}; resume that one instead of starting another`,
        );
      }
      const job = this.ctx.get<{ status: string }>('SELECT status FROM jobs WHERE id = ?', row.job_id);
      if (!job) throw new StoreNotFoundError(`job ${row.job_id} does not exist`);
      if (['succeeded', 'failed', 'cancelled'].includes(job.status)) throw new StorePreconditionError(`job ${row.job_id} is ${job.status}; it takes no new trajectories`);
      if (!this.ctx.get('SELECT 1 FROM questions WHERE id = ?', row.question_id)) throw new StoreNotFoundError(`question ${row.question_id} does not exist; upsert it first`);
      this.ctx.run(
        `INSERT INTO trajectories (id, job_id, question_id, sample_index, model_name, model_version, prompt_version, sampling_seed,
           sampling, max_steps, prompt, content_hash, status, created_at)
         VALUES (@id, @job_id, @question_id, @sample_index, @model_name, @model_version, @prompt_version, @sampling_seed,
           @sampling, @max_steps, @prompt, @content_hash, 'running', @created_at)`,
        { ...row, created_at: this.ctx.now() },
      );
      return toTrajectory(this.row(row.id)!);
    });
  }

  finish(id: string, end: TrajectoryEnd): Trajectory {
    const reason = checkOneOf('end.finishReason', end?.finishReason, TRAJECTORY_FINISH_REASONS);
    if ((reason === 'error') !== (end.error !== undefined)) throw new InvalidStoreInputError('end.error is required for, and only for, finish reason error');
    if ((reason === 'answered') !== (end.finalAnswer !== undefined)) throw new InvalidStoreInputError('end.finalAnswer is required for, and only for, finish reason answered');
    const error = end.error === undefined ? null : checkNonEmpty('end.error', end.error);
    const finalAnswer = checkOptionalString('end.finalAnswer', end.finalAnswer) ?? null;
    const status = STATUS_OF[reason];
    return this.ctx.write(() => {
      const current = this.row(id);
      if (!current) throw new StoreNotFoundError(`trajectory ${id} does not exist`);
      if (current.status !== 'running') {
        if (current.finish_reason === reason && current.final_answer === finalAnswer && current.error === error) return toTrajectory(current);
        throw new StorePreconditionError(`trajectory ${id} already ended (${current.finish_reason}); an ended trajectory does not change`);
      }
      if (reason === 'answered') this.checkAnswerMatchesLastStep(current, finalAnswer!);
      this.ctx.run(
        'UPDATE trajectories SET status = ?, finish_reason = ?, final_answer = ?, error = ?, finished_at = ? WHERE id = ?',
        status, reason, finalAnswer, error, this.ctx.now(), id,
      );
      return toTrajectory(this.row(id)!);
    });
  }

  get(id: string): TrajectoryWithSteps | undefined {
    return this.ctx.read(() => {
      const row = this.row(id);
      if (!row) return undefined;
      const steps = this.ctx.all<StepRow>('SELECT * FROM steps WHERE trajectory_id = ? ORDER BY step_index', id).map(toStep);
      return { ...toTrajectory(row), steps };
    });
  }

  list(query: TrajectoryQuery = {}): Trajectory[] {
    const limit = query.limit === undefined ? -1 : checkCount('query.limit', query.limit);
    return this.ctx.read(() => {
      let afterRow: number | undefined;
      if (query.after !== undefined) {
        const after = this.ctx.get<{ rowid: number }>('SELECT rowid FROM trajectories WHERE id = ?', query.after);
        if (!after) throw new StoreNotFoundError(`trajectory ${query.after} (query.after) does not exist`);
        afterRow = after.rowid;
      }
      const where = whereClause([
        ['job_id = ?', query.jobId],
        ['question_id = ?', query.questionId],
        ['status = ?', query.status],
        ['rowid > ?', afterRow],
      ]);
      // rowid is the insertion order: oldest first, stable across pages.
      return this.ctx.all<TrajectoryRow>(`SELECT * FROM trajectories ${where.sql} ORDER BY rowid LIMIT ?`, ...where.params, limit).map(toTrajectory);
    });
  }

  listUnfinished(jobId: string): TrajectoryWithSteps[] {
    return this.ctx.read(() => {
      if (!this.ctx.get('SELECT 1 FROM jobs WHERE id = ?', jobId)) throw new StoreNotFoundError(`job ${jobId} does not exist`);
      const rows = this.ctx.all<TrajectoryRow>("SELECT * FROM trajectories WHERE job_id = ? AND status = 'running' ORDER BY rowid", jobId);
      const steps = new Map<string, Step[]>(rows.map((row) => [row.id, []]));
      const stepRows = this.ctx.all<StepRow>(
        `SELECT s.* FROM steps s JOIN trajectories t ON t.id = s.trajectory_id
         WHERE t.job_id = ? AND t.status = 'running' ORDER BY s.trajectory_id, s.step_index`,
        jobId,
      );
      for (const stepRow of stepRows) steps.get(stepRow.trajectory_id)?.push(toStep(stepRow));
      return rows.map((row) => ({ ...toTrajectory(row), steps: steps.get(row.id)! }));
    });
  }

  private checkAnswerMatchesLastStep(trajectory: TrajectoryRow, finalAnswer: string): void {
    const last = this.ctx.get<{ action_kind: string; answer: string | null }>(
      'SELECT action_kind, answer FROM steps WHERE trajectory_id = ? AND step_index = ?',
      trajectory.id, trajectory.step_count - 1,
    );
    if (!last || last.action_kind !== 'final_answer' || last.answer !== finalAnswer) {
      throw new StorePreconditionError(`trajectory ${trajectory.id} cannot end as answered with ${JSON.stringify(finalAnswer)}: its last stored step is not that final answer`);
    }
  }

  private row(id: string): TrajectoryRow | undefined {
    return this.ctx.get<TrajectoryRow>('SELECT * FROM trajectories WHERE id = ?', id);
  }
}
