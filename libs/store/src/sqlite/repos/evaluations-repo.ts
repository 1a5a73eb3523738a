import { DECODING_MODES, type Evaluation, type EvaluationQuery, type EvaluationResult, type NewEvaluation } from '../../domain/evaluation';
import { TASK_FAMILIES } from '../../domain/question';
import { contentHash } from '../../encoding/canonical-json';
import { InvalidStoreInputError, StoreConflictError, StoreNotFoundError } from '../../errors/store-error';
import {
  checkBoolean,
  checkCount,
  checkFraction,
  checkId,
  checkJson,
  checkJsonObject,
  checkNonEmpty,
  checkNumberMap,
  checkOneOf,
  checkOptionalId,
} from '../../rules/input-checks';
import { validateModelRef } from '../../rules/validate-model-ref';
import { optional, whereClause, type SqliteContext } from '../sqlite-context';

function validateEvaluation(evaluation: NewEvaluation) {
  const model = validateModelRef('evaluation.model', evaluation?.model);
  const n = checkCount('evaluation.n', evaluation.n);
  const correct = checkCount('evaluation.correct', evaluation.correct);
  const accuracy = checkFraction('evaluation.accuracy', evaluation.accuracy);
  const ciLow = checkFraction('evaluation.ciLow', evaluation.ciLow);
  const ciHigh = checkFraction('evaluation.ciHigh', evaluation.ciHigh);
  if (!Array.isArray(evaluation.results)) throw new InvalidStoreInputError('evaluation.results must be an array');
  const results: EvaluationResult[] = evaluation.results.map((result, i) => ({
    questionId: checkId(`evaluation.results[${i}].questionId`, result?.questionId),
    trajectoryId: checkId(`evaluation.results[${i}].trajectoryId`, result.trajectoryId),
    correct: checkBoolean(`evaluation.results[${i}].correct`, result.correct),
    score: checkFraction(`evaluation.results[${i}].score`, result.score),
  }));
  if (new Set(results.map((result) => result.trajectoryId)).size !== results.length) throw new InvalidStoreInputError('evaluation.results lists a trajectory twice');
  const correctResults = results.filter((result) => result.correct).length;
  if (n !== results.length || correct !== correctResults) {
    throw new InvalidStoreInputError(`evaluation counts n=${n} correct=${correct} do not match its results (${results.length} graded, ${correctResults} correct)`);
  }
  if (n > 0 && Math.abs(accuracy - correct / n) > 1e-9) throw new InvalidStoreInputError(`evaluation.accuracy ${accuracy} is not correct / n = ${correct / n}`);
  if (!(ciLow <= accuracy && accuracy <= ciHigh)) throw new InvalidStoreInputError(`evaluation needs ciLow <= accuracy <= ciHigh, got ${ciLow} <= ${accuracy} <= ${ciHigh}`);
  const row = {
    id: checkId('evaluation.id', evaluation.id),
    job_id: checkOptionalId('evaluation.jobId', evaluation.jobId) ?? null,
    model_name: model.name,
    model_version: model.version,
    split: checkNonEmpty('evaluation.split', evaluation.split),
    family: checkOneOf('evaluation.family', evaluation.family, TASK_FAMILIES),
    n,
    correct,
    accuracy,
    ci_low: ciLow,
    ci_high: ciHigh,
    decoding_mode: checkOneOf('evaluation.decodingMode', evaluation.decodingMode, DECODING_MODES),
    sampling: checkJsonObject('evaluation.sampling', evaluation.sampling),
    grader: checkNonEmpty('evaluation.grader', evaluation.grader),
    metrics: checkJson('evaluation.metrics', checkNumberMap('evaluation.metrics', evaluation.metrics)),
  };
  return { row: { ...row, content_hash: contentHash({ row, results }) }, results };
}

type EvaluationRow = ReturnType<typeof validateEvaluation>['row'] & { created_at: number };

export class EvaluationsRepo {
  constructor(private readonly ctx: SqliteContext) {}

  record(evaluation: NewEvaluation): Evaluation {
    const { row, results } = validateEvaluation(evaluation);
    return this.ctx.write(() => {
      const stored = this.row(row.id);
      if (stored) {
        if (stored.content_hash === row.content_hash) return this.toEvaluation(stored);
        throw new StoreConflictError(`evaluation ${row.id} is already stored with different content`);
      }
      if (row.job_id !== null && !this.ctx.get('SELECT 1 FROM jobs WHERE id = ?', row.job_id)) throw new StoreNotFoundError(`job ${row.job_id} does not exist`);
      for (const result of results) {
        const trajectory = this.ctx.get<{ question_id: string }>('SELECT question_id FROM trajectories WHERE id = ?', result.trajectoryId);
        if (!trajectory) throw new StoreNotFoundError(`trajectory ${result.trajectoryId} does not exist`);
        if (trajectory.question_id !== result.questionId) {
          throw new InvalidStoreInputError(`trajectory ${result.trajectoryId} answers question ${trajectory.question_id}, not ${result.questionId}`);
        }
      }
      this.ctx.run(
        `INSERT INTO evaluations (id, job_id, model_name, model_version, split, family, n, correct, accuracy, ci_low, ci_high, decoding_mode,
           sampling, grader, metrics, content_hash, created_at)
         VALUES (@id, @job_id, @model_name, @model_version, @split, @family, @n, @correct, @accuracy, @ci_low, @ci_high, @decoding_mode,
           @sampling, @grader, @metrics, @content_hash, @created_at)`,
        { ...row, created_at: this.ctx.now() },
      );
      results.forEach((result, i) =>
        this.ctx.run('INSERT INTO evaluation_results VALUES (?, ?, ?, ?, ?, ?)', row.id, i, result.questionId, result.trajectoryId, result.correct ? 1 : 0, result.score),
      );
      return this.toEvaluation(this.row(row.id)!);
    });
  }

  get(id: string): Evaluation | undefined {
    return this.ctx.read(() => {
      const row = this.row(id);
      return row && this.toEvaluation(row);
    });
  }

  list(query: EvaluationQuery = {}): Evaluation[] {
    const where = whereClause([
      ['job_id = ?', query.jobId],
      ['model_name = ?', query.modelName],
      ['family = ?', query.family],
    ]);
    return this.ctx.read(() =>
      this.ctx.all<EvaluationRow>(`SELECT * FROM evaluations ${where.sql} ORDER BY created_at, rowid`, ...where.params).map((row) => this.toEvaluation(row)),
    );
  }

  private row(id: string): EvaluationRow | undefined {
    return this.ctx.get<EvaluationRow>('SELECT * FROM evaluations WHERE id = ?', id);
  }

  private toEvaluation(row: EvaluationRow): Evaluation {
    const results = this.ctx
      .all<{ question_id: string; trajectory_id: string; correct: number; score: number }>(
        'SELECT question_id, trajectory_id, correct, score FROM evaluation_results WHERE evaluation_id = ? ORDER BY position',
        row.id,
      )
      .map((result) => ({ questionId: result.question_id, trajectoryId: result.trajectory_id, correct: result.correct === 1, score: result.score }));
    return {
      id: row.id,
      jobId: optional(row.job_id),
      model: { name: row.model_name, version: row.model_version },
      split: row.split,
      family: row.family,
      n: row.n,
      correct: row.correct,
      accuracy: row.accuracy,
      ciLow: row.ci_low,
      ciHigh: row.ci_high,
      decodingMode: row.decoding_mode,
      sampling: JSON.parse(row.sampling),
      grader: row.grader,
      metrics: JSON.parse(row.metrics),
      results,
      createdAt: new Date(row.created_at),
    };
  }
}
