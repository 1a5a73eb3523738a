import type { Migration } from './migration';

/** Questions, jobs, trajectories and steps: everything a synthesis job writes. */
export const coreTables: Migration = {
  version: 1,
  name: 'core-tables',
  sql: `
CREATE TABLE questions (
  id TEXT PRIMARY KEY,
  source TEXT NOT NULL,
  family TEXT NOT NULL,
  split TEXT NOT NULL,
  text TEXT NOT NULL,
  gold_answers TEXT NOT NULL,
  metadata TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX questions_by_source ON questions (source, split, family);

CREATE TABLE jobs (
  id TEXT PRIMARY KEY,
  request_id TEXT UNIQUE,
  kind TEXT NOT NULL,
  display_name TEXT NOT NULL,
  config TEXT NOT NULL,
  parent_job_id TEXT REFERENCES jobs (id),
  content_hash TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'running', 'cancelling', 'succeeded', 'failed', 'cancelled')),
  progress_stage TEXT NOT NULL DEFAULT '',
  progress_done INTEGER NOT NULL DEFAULT 0 CHECK (progress_done >= 0),
  progress_total INTEGER NOT NULL DEFAULT 0 CHECK (progress_total >= 0),
  progress_failed INTEGER NOT NULL DEFAULT 0 CHECK (progress_failed >= 0),
  error TEXT,
  result TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  started_at INTEGER,
  ended_at INTEGER
) STRICT;
CREATE INDEX jobs_by_created ON jobs (created_at);
CREATE INDEX jobs_by_parent ON jobs (parent_job_id);

CREATE TABLE trajectories (
  id TEXT PRIMARY KEY,
  job_id TEXT NOT NULL REFERENCES jobs (id),
  question_id TEXT NOT NULL REFERENCES questions (id),
  sample_index INTEGER NOT NULL CHECK (sample_index >= 0),
  model_name TEXT NOT NULL,
  model_version TEXT NOT NULL,
  prompt_version TEXT NOT NULL,
  sampling_seed INTEGER,
  sampling TEXT NOT NULL,
  max_steps INTEGER NOT NULL,
  prompt TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'failed', 'cancelled')),
  finish_reason TEXT,
  final_answer TEXT,
  error TEXT,
  step_count INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  finished_at INTEGER,
  UNIQUE (job_id, question_id, sample_index)
) STRICT;
CREATE INDEX trajectories_by_job_status ON trajectories (job_id, status);
CREATE INDEX trajectories_by_question ON trajectories (question_id);

CREATE TABLE steps (
  id INTEGER PRIMARY KEY,
  trajectory_id TEXT NOT NULL REFERENCES trajectories (id),
  step_index INTEGER NOT NULL CHECK (step_index >= 0),
  prefix_hash TEXT NOT NULL,
  prefix_message_count INTEGER NOT NULL,
  prefix_token_count INTEGER NOT NULL,
  prefix_token_ids BLOB,
  action_kind TEXT NOT NULL CHECK (action_kind IN ('tool_call', 'final_answer', 'malformed')),
  action_text TEXT NOT NULL,
  reasoning TEXT NOT NULL,
  answer TEXT,
  parse_error TEXT,
  tool_name TEXT,
  tool_arguments TEXT,
  tool_call_id TEXT,
  action_token_ids BLOB NOT NULL,
  action_logprobs BLOB NOT NULL,
  finish_reason TEXT NOT NULL,
  tool_status TEXT,
  tool_output TEXT,
  tool_observation TEXT,
  tool_error TEXT,
  tool_truncated INTEGER,
  tool_detail TEXT,
  observation TEXT NOT NULL,
  model_name TEXT NOT NULL,
  model_version TEXT NOT NULL,
  prompt_version TEXT NOT NULL,
  seed INTEGER,
  started_at INTEGER NOT NULL,
  generation_ms REAL NOT NULL,
  tool_ms REAL,
  total_ms REAL NOT NULL,
  content_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (trajectory_id, step_index)
) STRICT;
`,
};
