import type { Migration } from './migration';

/** Training runs, their per-update metrics and their checkpoints. */
export const trainingRuns: Migration = {
  version: 4,
  name: 'training-runs',
  sql: `
CREATE TABLE training_runs (
  id TEXT PRIMARY KEY,
  request_id TEXT UNIQUE,
  dataset_version_id TEXT NOT NULL REFERENCES dataset_versions (id),
  base_model_name TEXT NOT NULL,
  base_model_version TEXT NOT NULL,
  algorithm TEXT NOT NULL,
  hyper_parameters TEXT NOT NULL,
  reward_judge_id TEXT,
  reward_judge_version TEXT,
  job_id TEXT REFERENCES jobs (id),
  total_updates INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'initializing', 'running', 'cancelling', 'succeeded', 'failed', 'cancelled')),
  completed_updates INTEGER NOT NULL DEFAULT 0 CHECK (completed_updates >= 0),
  error TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  started_at INTEGER,
  ended_at INTEGER
) STRICT;
CREATE INDEX training_runs_by_created ON training_runs (created_at);

CREATE TABLE run_metrics (
  run_id TEXT NOT NULL REFERENCES training_runs (id),
  step INTEGER NOT NULL CHECK (step >= 0),
  attempt INTEGER NOT NULL CHECK (attempt >= 0),
  metric_values TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (run_id, step, attempt)
) STRICT, WITHOUT ROWID;

CREATE TABLE checkpoints (
  id TEXT PRIMARY KEY,
  run_id TEXT NOT NULL REFERENCES training_runs (id),
  step INTEGER NOT NULL CHECK (step >= 0),
  path TEXT NOT NULL,
  model_name TEXT NOT NULL,
  model_version TEXT NOT NULL,
  weights_sha256 TEXT,
  has_optimizer_state INTEGER NOT NULL CHECK (has_optimizer_state IN (0, 1)),
  size_bytes INTEGER,
  content_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (run_id, step)
) STRICT;
`,
};
