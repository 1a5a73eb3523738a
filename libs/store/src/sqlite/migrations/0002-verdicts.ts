import type { Migration } from './migration';

/** Process verdicts per step per judge version, outcome verdicts per trajectory per grader version. */
export const verdicts: Migration = {
  version: 2,
  name: 'verdicts',
  sql: `
CREATE TABLE step_verdicts (
  trajectory_id TEXT NOT NULL,
  step_index INTEGER NOT NULL,
  judge_id TEXT NOT NULL,
  judge_version TEXT NOT NULL,
  label TEXT NOT NULL CHECK (label IN ('GOOD', 'BAD', 'ABSTAIN')),
  score REAL NOT NULL CHECK (score BETWEEN 0 AND 1),
  rationale TEXT NOT NULL,
  votes INTEGER NOT NULL,
  good_votes INTEGER NOT NULL,
  judge_model_name TEXT,
  judge_model_version TEXT,
  content_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (trajectory_id, step_index, judge_id, judge_version),
  FOREIGN KEY (trajectory_id, step_index) REFERENCES steps (trajectory_id, step_index)
) STRICT, WITHOUT ROWID;
CREATE INDEX step_verdicts_by_judge ON step_verdicts (judge_id, judge_version);

CREATE TABLE outcome_verdicts (
  trajectory_id TEXT NOT NULL REFERENCES trajectories (id),
  grader_id TEXT NOT NULL,
  grader_version TEXT NOT NULL,
  correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
  score REAL NOT NULL CHECK (score BETWEEN 0 AND 1),
  rationale TEXT NOT NULL,
  predicted_answer TEXT NOT NULL,
  details TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (trajectory_id, grader_id, grader_version)
) STRICT, WITHOUT ROWID;
`,
};
