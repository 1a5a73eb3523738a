import type { Migration } from './migration';

/** Evaluations of a model on a (split, family) slice, with the graded trajectory per result. */
export const evaluations: Migration = {
  version: 5,
  name: 'evaluations',
  sql: `
CREATE TABLE evaluations (
  id TEXT PRIMARY KEY,
  job_id TEXT REFERENCES jobs (id),
  model_name TEXT NOT NULL,
  model_version TEXT NOT NULL,
  split TEXT NOT NULL,
  family TEXT NOT NULL,
  n INTEGER NOT NULL CHECK (n >= 0),
  correct INTEGER NOT NULL CHECK (correct >= 0 AND correct <= n),
  accuracy REAL NOT NULL,
  ci_low REAL NOT NULL,
  ci_high REAL NOT NULL,
  decoding_mode TEXT NOT NULL,
  sampling TEXT NOT NULL,
  grader TEXT NOT NULL,
  metrics TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX evaluations_by_model ON evaluations (model_name, model_version);
CREATE INDEX evaluations_by_job ON evaluations (job_id);

CREATE TABLE evaluation_results (
  evaluation_id TEXT NOT NULL REFERENCES evaluations (id),
  position INTEGER NOT NULL,
  question_id TEXT NOT NULL REFERENCES questions (id),
  trajectory_id TEXT NOT NULL REFERENCES trajectories (id),
  correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
  score REAL NOT NULL,
  PRIMARY KEY (evaluation_id, position),
  UNIQUE (evaluation_id, trajectory_id)
) STRICT, WITHOUT ROWID;
`,
};
