import type { Checkpoint, NewCheckpoint, NewRunMetrics, RunMetrics } from '../../domain/training-run';
import { rowHash } from '../../encoding/row-hash';
import { StoreConflictError, StoreNotFoundError } from '../../errors/store-error';
import { checkBoolean, checkCount, checkId, checkJson, checkNonEmpty, checkNumberMap, checkOptionalCount, checkOptionalString } from '../../rules/input-checks';
import { validateModelRef } from '../../rules/validate-model-ref';
import { optional, type SqliteContext } from '../sqlite-context';

interface MetricsRow {
  run_id: string;
  step: number;
  attempt: number;
  metric_values: string;
  content_hash: string;
  created_at: number;
}

interface CheckpointRow {
  id: string;
  run_id: string;
  step: number;
  path: string;
  model_name: string;
  model_version: string;
  weights_sha256: string | null;
  has_optimizer_state: number;
  size_bytes: number | null;
  content_hash: string;
  created_at: number;
}

function toMetrics(row: MetricsRow): RunMetrics {
  return { runId: row.run_id, step: row.step, attempt: row.attempt, values: JSON.parse(row.metric_values), createdAt: new Date(row.created_at) };
}

function toCheckpoint(row: CheckpointRow): Checkpoint {
  return {
    id: row.id,
    runId: row.run_id,
    step: row.step,
    path: row.path,
    model: { name: row.model_name, version: row.model_version },
    weightsSha256: optional(row.weights_sha256),
    hasOptimizerState: row.has_optimizer_state === 1,
    sizeBytes: optional(row.size_bytes),
    createdAt: new Date(row.created_at),
  };
}

/** What a run appends as it trains: metrics per update and checkpoints. */
export class RunRecordsRepo {
  constructor(private readonly ctx: SqliteContext) {}

  recordMetrics(metrics: NewRunMetrics): RunMetrics {
    const content = {
      run_id: checkId('metrics.runId', metrics?.runId),
      step: checkCount('metrics.step', metrics.step),
      attempt: checkOptionalCount('metrics.attempt', metrics.attempt) ?? 0,
      metric_values: checkJson('metrics.values', checkNumberMap('metrics.values', metrics.values)),
    };
    const hash = rowHash(content);
    return this.ctx.write(() => {
      const key = [content.run_id, content.step, content.attempt] as const;
      const stored = this.ctx.get<MetricsRow>('SELECT * FROM run_metrics WHERE run_id = ? AND step = ? AND attempt = ?', ...key);
      if (stored) {
        if (stored.content_hash === hash) return toMetrics(stored);
        throw new StoreConflictError(
          `run ${content.run_id} already has different metrics for step ${content.step} attempt ${content.attempt}; a redone update is recorded with a higher attempt`,
        );
      }
      this.requireRun(content.run_id);
      const row = { ...content, content_hash: hash, created_at: this.ctx.now() };
      this.ctx.run('INSERT INTO run_metrics VALUES (@run_id, @step, @attempt, @metric_values, @content_hash, @created_at)', row);
      return toMetrics(row);
    });
  }

  listMetrics(runId: string): RunMetrics[] {
    return this.ctx.all<MetricsRow>('SELECT * FROM run_metrics WHERE run_id = ? ORDER BY step, attempt', runId).map(toMetrics);
  }

  registerCheckpoint(checkpoint: NewCheckpoint): Checkpoint {
    const model = validateModelRef('checkpoint.model', checkpoint?.model);
    const content = {
      id: checkId('checkpoint.id', checkpoint.id),
      run_id: checkId('checkpoint.runId', checkpoint.runId),
      step: checkCount('checkpoint.step', checkpoint.step),
      path: checkNonEmpty('checkpoint.path', checkpoint.path),
      model_name: model.name,
      model_version: model.version,
      weights_sha256: checkOptionalString('checkpoint.weightsSha256', checkpoint.weightsSha256) ?? null,
      has_optimizer_state: checkBoolean('checkpoint.hasOptimizerState', checkpoint.hasOptimizerState) ? 1 : 0,
      size_bytes: checkOptionalCount('checkpoint.sizeBytes', checkpoint.sizeBytes) ?? null,
    };
    const hash = rowHash(content);
    return this.ctx.write(() => {
      const stored = this.ctx.get<CheckpointRow>('SELECT * FROM checkpoints WHERE id = ?', content.id);
      if (stored) {
        if (stored.content_hash === hash) return toCheckpoint(stored);
        throw new StoreConflictError(`checkpoint ${content.id} is already registered with different content`);
      }
      const sameStep = this.ctx.get<{ id: string }>('SELECT id FROM checkpoints WHERE run_id = ? AND step = ?', content.run_id, content.step);
      if (sameStep) throw new StoreConflictError(`run ${content.run_id} already has checkpoint ${sameStep.id} at step ${content.step}`);
      this.requireRun(content.run_id);
      const row = { ...content, content_hash: hash, created_at: this.ctx.now() };
      this.ctx.run(
        `INSERT INTO checkpoints (id, run_id, step, path, model_name, model_version, weights_sha256, has_optimizer_state, size_bytes, content_hash, created_at)
         VALUES (@id, @run_id, @step, @path, @model_name, @model_version, @weights_sha256, @has_optimizer_state, @size_bytes, @content_hash, @created_at)`,
        row,
      );
      return toCheckpoint(row);
    });
  }

  listCheckpoints(runId: string): Checkpoint[] {
    return this.ctx.all<CheckpointRow>('SELECT * FROM checkpoints WHERE run_id = ? ORDER BY step', runId).map(toCheckpoint);
  }

  latestCheckpoint(runId: string): Checkpoint | undefined {
    const row = this.ctx.get<CheckpointRow>('SELECT * FROM checkpoints WHERE run_id = ? ORDER BY step DESC LIMIT 1', runId);
    return row && toCheckpoint(row);
  }

  private requireRun(runId: string): void {
    if (!this.ctx.get('SELECT 1 FROM training_runs WHERE id = ?', runId)) throw new StoreNotFoundError(`training run ${runId} does not exist`);
  }
}
