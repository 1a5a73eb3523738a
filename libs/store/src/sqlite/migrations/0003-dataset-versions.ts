import type { Migration } from './migration';

/** Dataset versions: what was filtered, the kept steps (members) and why trajectories were rejected. */
export const datasetVersions: Migration = {
  version: 3,
  name: 'dataset-versions',
  sql: `
CREATE TABLE dataset_versions (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  filter_strategy TEXT NOT NULL,
  judge_id TEXT,
  judge_version TEXT,
  grader_id TEXT,
  grader_version TEXT,
  filter_job_id TEXT REFERENCES jobs (id),
  stats TEXT NOT NULL,
  member_count INTEGER NOT NULL,
  rejection_count INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE dataset_source_jobs (
  dataset_version_id TEXT NOT NULL REFERENCES dataset_versions (id),
  position INTEGER NOT NULL,
  job_id TEXT NOT NULL REFERENCES jobs (id),
  PRIMARY KEY (dataset_version_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE dataset_source_trajectories (
  dataset_version_id TEXT NOT NULL REFERENCES dataset_versions (id),
  position INTEGER NOT NULL,
  trajectory_id TEXT NOT NULL REFERENCES trajectories (id),
  PRIMARY KEY (dataset_version_id, position)
) STRICT, WITHOUT ROWID;

-- Keyed in example order, so paging through a dataset is an index range scan.
CREATE TABLE dataset_members (
  dataset_version_id TEXT NOT NULL REFERENCES dataset_versions (id),
  trajectory_id TEXT NOT NULL,
  step_index INTEGER NOT NULL,
  PRIMARY KEY (dataset_version_id, trajectory_id, step_index),
  FOREIGN KEY (trajectory_id, step_index) REFERENCES steps (trajectory_id, step_index)
) STRICT, WITHOUT ROWID;

CREATE TABLE dataset_rejections (
  dataset_version_id TEXT NOT NULL REFERENCES dataset_versions (id),
  trajectory_id TEXT NOT NULL REFERENCES trajectories (id),
  reasons TEXT NOT NULL,
  PRIMARY KEY (dataset_version_id, trajectory_id)
) STRICT, WITHOUT ROWID;
`,
};
