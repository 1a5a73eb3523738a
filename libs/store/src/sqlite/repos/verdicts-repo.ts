import type { UpsertSummary } from '../../domain/question';
import { VERDICT_LABELS, type NewOutcomeVerdict, type NewStepVerdict, type OutcomeVerdict, type StepVerdict, type VerdictQuery } from '../../domain/verdict';
import { rowHash, type ColumnValue } from '../../encoding/row-hash';
import { InvalidStoreInputError, StoreConflictError, StoreNotFoundError } from '../../errors/store-error';
import { checkBoolean, checkCount, checkFraction, checkId, checkJsonObject, checkNonEmpty, checkOneOf, checkString } from '../../rules/input-checks';
import { validateModelRef } from '../../rules/validate-model-ref';
import { whereClause, type SqliteContext } from '../sqlite-context';

function stepVerdictColumns(verdict: NewStepVerdict, field: string) {
  const votes = checkCount(`${field}.votes`, verdict.votes);
  const goodVotes = checkCount(`${field}.goodVotes`, verdict.goodVotes);
  if (votes < 1 || goodVotes > votes) throw new InvalidStoreInputError(`${field} needs votes >= 1 and goodVotes <= votes, got ${goodVotes}/${votes}`);
  const judgeModel = verdict.judgeModel === undefined ? undefined : validateModelRef(`${field}.judgeModel`, verdict.judgeModel);
  return {
    trajectory_id: checkId(`${field}.step.trajectoryId`, verdict.step?.trajectoryId),
    step_index: checkCount(`${field}.step.index`, verdict.step.index),
    judge_id: checkNonEmpty(`${field}.judgeId`, verdict.judgeId),
    judge_version: checkNonEmpty(`${field}.judgeVersion`, verdict.judgeVersion),
    label: checkOneOf(`${field}.label`, verdict.label, VERDICT_LABELS),
    score: checkFraction(`${field}.score`, verdict.score),
    rationale: checkString(`${field}.rationale`, verdict.rationale),
    votes,
    good_votes: goodVotes,
    judge_model_name: judgeModel?.name ?? null,
    judge_model_version: judgeModel?.version ?? null,
  };
}

type StepVerdictRow = ReturnType<typeof stepVerdictColumns> & { created_at: number };

export function toStepVerdict(row: StepVerdictRow): StepVerdict {
  return {
    step: { trajectoryId: row.trajectory_id, index: row.step_index },
    judgeId: row.judge_id,
    judgeVersion: row.judge_version,
    label: row.label,
    score: row.score,
    rationale: row.rationale,
    votes: row.votes,
    goodVotes: row.good_votes,
    judgeModel: row.judge_model_name === null ? undefined : { name: row.judge_model_name, version: row.judge_model_version! },
    createdAt: new Date(row.created_at),
  };
}

function outcomeVerdictColumns(verdict: NewOutcomeVerdict, field: string) {
  return {
    trajectory_id: checkId(`${field}.trajectoryId`, verdict.trajectoryId),
    grader_id: checkNonEmpty(`${field}.graderId`, verdict.graderId),
    grader_version: checkNonEmpty(`${field}.graderVersion`, verdict.graderVersion),
    correct: checkBoolean(`${field}.correct`, verdict.correct) ? 1 : 0,
    score: checkFraction(`${field}.score`, verdict.score),
    rationale: checkString(`${field}.rationale`, verdict.rationale),
    predicted_answer: checkString(`${field}.predictedAnswer`, verdict.predictedAnswer),
    details: checkJsonObject(`${field}.details`, verdict.details),
  };
}

type OutcomeVerdictRow = ReturnType<typeof outcomeVerdictColumns> & { created_at: number };

function toOutcomeVerdict(row: OutcomeVerdictRow): OutcomeVerdict {
  return {
    trajectoryId: row.trajectory_id,
    graderId: row.grader_id,
    graderVersion: row.grader_version,
    correct: row.correct === 1,
    score: row.score,
    rationale: row.rationale,
    predictedAnswer: row.predicted_answer,
    details: JSON.parse(row.details),
    createdAt: new Date(row.created_at),
  };
}

function insertSql(table: string, columns: Record<string, ColumnValue>): string {
  const names = [...Object.keys(columns), 'content_hash', 'created_at'];
  return `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((name) => `@${name}`).join(', ')})`;
}

export class VerdictsRepo {
  constructor(private readonly ctx: SqliteContext) {}

  recordStep(verdicts: readonly NewStepVerdict[]): UpsertSummary {
    if (!Array.isArray(verdicts)) throw new InvalidStoreInputError('verdicts must be an array');
    const rows = verdicts.map((verdict, i) => stepVerdictColumns(verdict, `verdicts[${i}]`));
    return this.ctx.write(() =>
      this.insertAll(rows, 'step_verdicts', (row) => {
        const name = `verdict of ${row.judge_id}@${row.judge_version} on step ${row.trajectory_id}/${row.step_index}`;
        const stored = this.ctx.get<{ content_hash: string }>(
          'SELECT content_hash FROM step_verdicts WHERE trajectory_id = ? AND step_index = ? AND judge_id = ? AND judge_version = ?',
          row.trajectory_id, row.step_index, row.judge_id, row.judge_version,
        );
        if (!stored && !this.ctx.get('SELECT 1 FROM steps WHERE trajectory_id = ? AND step_index = ?', row.trajectory_id, row.step_index)) {
          throw new StoreNotFoundError(`step ${row.trajectory_id}/${row.step_index} does not exist`);
        }
        return { stored, name };
      }),
    );
  }

  listStep(query: VerdictQuery): StepVerdict[] {
    const where = whereClause([
      ['v.trajectory_id = ?', query.trajectoryId],
      ['t.job_id = ?', query.jobId],
      ['v.judge_id = ?', query.judge?.id],
      ['v.judge_version = ?', query.judge?.version],
    ]);
    return this.ctx
      .all<StepVerdictRow>(
        `SELECT v.* FROM step_verdicts v JOIN trajectories t ON t.id = v.trajectory_id ${where.sql}
         ORDER BY v.trajectory_id, v.step_index, v.judge_id, v.judge_version`,
        ...where.params,
      )
      .map(toStepVerdict);
  }

  recordOutcome(verdicts: readonly NewOutcomeVerdict[]): UpsertSummary {
    if (!Array.isArray(verdicts)) throw new InvalidStoreInputError('verdicts must be an array');
    const rows = verdicts.map((verdict, i) => outcomeVerdictColumns(verdict, `verdicts[${i}]`));
    return this.ctx.write(() =>
      this.insertAll(rows, 'outcome_verdicts', (row) => {
        const name = `verdict of ${row.grader_id}@${row.grader_version} on trajectory ${row.trajectory_id}`;
        const stored = this.ctx.get<{ content_hash: string }>(
          'SELECT content_hash FROM outcome_verdicts WHERE trajectory_id = ? AND grader_id = ? AND grader_version = ?',
          row.trajectory_id, row.grader_id, row.grader_version,
        );
        if (!stored && !this.ctx.get('SELECT 1 FROM trajectories WHERE id = ?', row.trajectory_id)) {
          throw new StoreNotFoundError(`trajectory ${row.trajectory_id} does not exist`);
        }
        return { stored, name };
      }),
    );
  }

  listOutcome(query: VerdictQuery): OutcomeVerdict[] {
    const where = whereClause([
      ['v.trajectory_id = ?', query.trajectoryId],
      ['t.job_id = ?', query.jobId],
      ['v.grader_id = ?', query.judge?.id],
      ['v.grader_version = ?', query.judge?.version],
    ]);
    return this.ctx
      .all<OutcomeVerdictRow>(
        `SELECT v.* FROM outcome_verdicts v JOIN trajectories t ON t.id = v.trajectory_id ${where.sql}
         ORDER BY v.trajectory_id, v.grader_id, v.grader_version`,
        ...where.params,
      )
      .map(toOutcomeVerdict);
  }

  /** Inserts the new rows; identical stored ones count as unchanged; a different stored one is a conflict. */
  private insertAll<Row extends Record<string, ColumnValue>>(
    rows: readonly Row[],
    table: string,
    lookup: (row: Row) => { stored: { content_hash: string } | undefined; name: string },
  ): UpsertSummary {
    let inserted = 0;
    const now = this.ctx.now();
    for (const row of rows) {
      const hash = rowHash(row);
      const { stored, name } = lookup(row);
      if (stored) {
        if (stored.content_hash !== hash) throw new StoreConflictError(`the ${name} is already stored with a different content; verdicts are never replaced (use a new judge version)`);
        continue;
      }
      this.ctx.run(insertSql(table, row), { ...row, content_hash: hash, created_at: now });
      inserted++;
    }
    return { inserted, unchanged: rows.length - inserted };
  }
}
