// The contract
export type {
  DatasetStore,
  EvaluationStore,
  JobStore,
  QuestionStore,
  TrainingStore,
  TrajectoryRepository,
  TrajectoryStore,
  VerdictStore,
} from './store/trajectory-store';

// Domain records
export type { JsonObject, JsonValue } from './domain/json-value';
export type { JudgeRef, ModelRef } from './domain/model-ref';
export { CHAT_ROLES } from './domain/chat-message';
export type { ChatMessage, ChatRole } from './domain/chat-message';
export { QUESTION_SOURCES, TASK_FAMILIES } from './domain/question';
export type { Question, QuestionQuery, QuestionSource, StoredQuestion, TaskFamily, UpsertSummary } from './domain/question';
export { JOB_KINDS, JOB_STATUSES } from './domain/job';
export type { Job, JobKind, JobProgress, JobQuery, JobStatus, JobTransition, NewJob } from './domain/job';
export { TRAJECTORY_FINISH_REASONS, TRAJECTORY_STATUSES } from './domain/trajectory';
export type {
  NewTrajectory,
  Trajectory,
  TrajectoryEnd,
  TrajectoryFinishReason,
  TrajectoryQuery,
  TrajectoryStatus,
  TrajectoryWithSteps,
} from './domain/trajectory';
export { ACTION_KINDS, GENERATION_FINISH_REASONS, TOOL_RESULT_STATUSES, stepId } from './domain/step';
export type {
  ActionKind,
  GenerationFinishReason,
  NewStep,
  PrefixRef,
  Step,
  StepAction,
  StepRef,
  StepTimings,
  ToolCallRecord,
  ToolResultRecord,
  ToolResultStatus,
} from './domain/step';
export { VERDICT_LABELS } from './domain/verdict';
export type { NewOutcomeVerdict, NewStepVerdict, OutcomeVerdict, StepVerdict, VerdictLabel, VerdictQuery } from './domain/verdict';
export { FILTER_STRATEGIES, REJECTION_REASONS } from './domain/dataset-version';
export type {
  DatasetExample,
  DatasetVersion,
  ExamplePage,
  ExampleQuery,
  FilterStrategy,
  NewDatasetVersion,
  RejectionReason,
  TrajectoryRejection,
} from './domain/dataset-version';
export { RUN_STATUSES, TRAINING_ALGORITHMS } from './domain/training-run';
export type {
  Checkpoint,
  NewCheckpoint,
  NewRunMetrics,
  NewTrainingRun,
  RunMetrics,
  RunStatus,
  RunTransition,
  TrainingAlgorithm,
  TrainingRun,
} from './domain/training-run';
export { DECODING_MODES } from './domain/evaluation';
export type { DecodingMode, Evaluation, EvaluationQuery, EvaluationResult, NewEvaluation } from './domain/evaluation';

// Errors
export { InvalidStoreInputError, StoreConflictError, StoreError, StoreNotFoundError, StorePreconditionError } from './errors/store-error';
export type { StoreErrorCode } from './errors/store-error';
export { SchemaVersionError } from './errors/schema-version-error';

// Rules shared by every implementation
export { buildStepState } from './rules/build-step-state';
export { isJobTransitionAllowed, isRunTransitionAllowed, isTerminalJobStatus, isTerminalRunStatus } from './rules/status-transitions';

// SQLite
export { openSqliteStore } from './sqlite/open-sqlite-store';
export { SqliteTrajectoryStore } from './sqlite/sqlite-trajectory-store';
export type { SqliteStoreConfig, SqliteStoreOptions } from './sqlite/sqlite-store-options';
export { migrateDatabase } from './sqlite/migrate-database';
export type { MigrationReport } from './sqlite/migrate-database';
export { ALL_MIGRATIONS } from './sqlite/migrations/all-migrations';
export type { Migration } from './sqlite/migrations/migration';
