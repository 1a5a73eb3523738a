import type { Migration } from './migration';

const APPEND_ONLY_TABLES = [
  'questions',
  'steps',
  'step_verdicts',
  'outcome_verdicts',
  'dataset_versions',
  'dataset_source_jobs',
  'dataset_source_trajectories',
  'dataset_members',
  'dataset_rejections',
  'run_metrics',
  'checkpoints',
  'evaluations',
  'evaluation_results',
];

function appendOnly(table: string): string {
  return `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} rows are append-only: they are never updated'); END;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} rows are append-only: they are never deleted'); END;`;
}

function noDelete(table: string): string {
  return `
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} rows are never deleted'); END;`;
}

/** `OLD.a IS NOT NEW.a OR ...`: true when any of the columns changes (NULL-safe). */
function changes(columns: readonly string[]): string {
  return columns.map((column) => `OLD.${column} IS NOT NEW.${column}`).join(' OR ');
}

/**
 * The store's code never rewrites history; these triggers make the database refuse it too, so a
 * bug or a hand-written UPDATE cannot silently change what a training example traces back to.
 * Jobs, trajectories and runs keep their identity columns; only status and progress move, and
 * a finished trajectory or terminal job does not change at all.
 */
export const appendOnlyGuards: Migration = {
  version: 6,
  name: 'append-only-guards',
  sql: `${APPEND_ONLY_TABLES.map(appendOnly).join('\n')}
${['jobs', 'trajectories', 'training_runs'].map(noDelete).join('\n')}

CREATE TRIGGER jobs_identity_fixed BEFORE UPDATE ON jobs
WHEN ${changes(['id', 'request_id', 'kind', 'display_name', 'config', 'parent_job_id', 'content_hash', 'created_at'])}
  OR OLD.status IN ('succeeded', 'failed', 'cancelled')
BEGIN SELECT RAISE(ABORT, 'jobs keep their identity, and terminal jobs do not change'); END;

CREATE TRIGGER trajectories_identity_fixed BEFORE UPDATE ON trajectories
WHEN ${changes(['id', 'job_id', 'question_id', 'sample_index', 'model_name', 'model_version', 'prompt_version', 'sampling_seed', 'sampling', 'max_steps', 'prompt', 'content_hash', 'created_at'])}
  OR OLD.status <> 'running' OR NEW.step_count < OLD.step_count
BEGIN SELECT RAISE(ABORT, 'trajectories keep their identity and steps, and ended trajectories do not change'); END;

CREATE TRIGGER training_runs_identity_fixed BEFORE UPDATE ON training_runs
WHEN ${changes(['id', 'request_id', 'dataset_version_id', 'base_model_name', 'base_model_version', 'algorithm', 'hyper_parameters', 'reward_judge_id', 'reward_judge_version', 'job_id', 'total_updates', 'content_hash', 'created_at'])}
  OR OLD.status IN ('succeeded', 'failed', 'cancelled') OR NEW.completed_updates < OLD.completed_updates
BEGIN SELECT RAISE(ABORT, 'training runs keep their identity, progress never goes back, and terminal runs do not change'); END;
`,
};
