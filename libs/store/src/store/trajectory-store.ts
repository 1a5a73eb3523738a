import type { DatasetExample, DatasetVersion, ExamplePage, ExampleQuery, NewDatasetVersion, TrajectoryRejection } from '../domain/dataset-version';
import type { Evaluation, EvaluationQuery, NewEvaluation } from '../domain/evaluation';
import type { Job, JobProgress, JobQuery, JobTransition, NewJob } from '../domain/job';
import type { Question, QuestionQuery, StoredQuestion, UpsertSummary } from '../domain/question';
import type { NewStep, Step } from '../domain/step';
import type { Checkpoint, NewCheckpoint, NewRunMetrics, NewTrainingRun, RunMetrics, RunTransition, TrainingRun } from '../domain/training-run';
import type { NewTrajectory, Trajectory, TrajectoryEnd, TrajectoryQuery, TrajectoryWithSteps } from '../domain/trajectory';
import type { NewOutcomeVerdict, NewStepVerdict, OutcomeVerdict, StepVerdict, VerdictQuery } from '../domain/verdict';

/**
 * Rules every implementation keeps (the SQLite one is the reference; a PostgreSQL one must pass
 * the same tests):
 * - Every method is one transaction: it happens completely or not at all.
 * - Nothing is overwritten. Records are appended; only the status and progress of jobs,
 *   trajectories and runs move, forward only.
 * - Creating a record whose id (or unique key) exists returns the stored record when the content
 *   is identical (safe retries, resumed jobs) and fails with StoreConflictError otherwise.
 * - Errors about the request are StoreError subclasses whose `code` names the gRPC status to
 *   answer with (INVALID_ARGUMENT, NOT_FOUND, ALREADY_EXISTS, FAILED_PRECONDITION).
 * - get* methods resolve `undefined` for an unknown id; lists come in a stable order.
 */
export interface QuestionStore {
  /** Inserts new questions; identical ones are skipped; a changed payload for a stored id is refused (whole batch). */
  upsertQuestions(questions: readonly Question[]): Promise<UpsertSummary>;
  getQuestion(id: string): Promise<StoredQuestion | undefined>;
  /** By id. */
  listQuestions(query?: QuestionQuery): Promise<StoredQuestion[]>;
}

export interface JobStore {
  /** Creates a `pending` job; idempotent by id and by requestId (returns the original job). */
  createJob(job: NewJob): Promise<Job>;
  getJob(id: string): Promise<Job | undefined>;
  getJobByRequestId(requestId: string): Promise<Job | undefined>;
  /** Newest first. */
  listJobs(query?: JobQuery): Promise<Job[]>;
  /** Moves the status forward (see status-transitions); same status again is a no-op. */
  transitionJob(id: string, transition: JobTransition): Promise<Job>;
  /** Refused for terminal jobs and when done/failed would go down within the same stage. */
  updateJobProgress(id: string, progress: JobProgress): Promise<Job>;
}

export interface TrajectoryRepository {
  /** Starts a `running` trajectory; (job, question, sampleIndex) is unique, so a resumed job never duplicates one. */
  startTrajectory(trajectory: NewTrajectory): Promise<Trajectory>;
  /**
   * Appends one completed step (one transaction). The index must be the trajectory's next one
   * and the trajectory must be running; re-appending an identical step is a no-op returning the
   * stored one; a different step at a stored index is refused.
   */
  appendStep(step: NewStep): Promise<Step>;
  /** Ends a running trajectory; repeating the same end is a no-op, a different one is refused. */
  finishTrajectory(id: string, end: TrajectoryEnd): Promise<Trajectory>;
  getTrajectory(id: string): Promise<TrajectoryWithSteps | undefined>;
  /** Oldest first, without steps; `after` + `limit` page through them. */
  listTrajectories(query?: TrajectoryQuery): Promise<Trajectory[]>;
  /** The running trajectories of a job with their stored steps in order: what a resuming coordinator continues. */
  listUnfinishedTrajectories(jobId: string): Promise<TrajectoryWithSteps[]>;
}

export interface VerdictStore {
  /** Stores process verdicts (one transaction); identical repeats are skipped, changed ones refused. */
  recordStepVerdicts(verdicts: readonly NewStepVerdict[]): Promise<UpsertSummary>;
  /** By trajectory, step index, judge id, judge version. */
  listStepVerdicts(query: VerdictQuery): Promise<StepVerdict[]>;
  recordOutcomeVerdicts(verdicts: readonly NewOutcomeVerdict[]): Promise<UpsertSummary>;
  /** By trajectory, grader id, grader version. */
  listOutcomeVerdicts(query: VerdictQuery): Promise<OutcomeVerdict[]>;
}

export interface DatasetStore {
  /** Creates an immutable dataset version with its members and rejections; idempotent by id. */
  createDatasetVersion(dataset: NewDatasetVersion): Promise<DatasetVersion>;
  getDatasetVersion(id: string): Promise<DatasetVersion | undefined>;
  /** Newest first. */
  listDatasetVersions(): Promise<DatasetVersion[]>;
  /** By trajectory id. */
  listDatasetRejections(datasetVersionId: string): Promise<TrajectoryRejection[]>;
  countDatasetExamples(datasetVersionId: string, query?: Pick<ExampleQuery, 'family'>): Promise<number>;
  /** One page of examples with full lineage, ordered by (trajectory id, step index). */
  listDatasetExamples(datasetVersionId: string, query?: ExampleQuery): Promise<ExamplePage>;
  /** Every example, page by page (`limit` is the page size). */
  streamDatasetExamples(datasetVersionId: string, query?: Omit<ExampleQuery, 'after'>): AsyncIterable<DatasetExample>;
}

export interface TrainingStore {
  /** Creates a `pending` run; idempotent by id and by requestId. */
  createTrainingRun(run: NewTrainingRun): Promise<TrainingRun>;
  getTrainingRun(id: string): Promise<TrainingRun | undefined>;
  /** Newest first. */
  listTrainingRuns(): Promise<TrainingRun[]>;
  transitionTrainingRun(id: string, transition: RunTransition): Promise<TrainingRun>;
  /** completedUpdates never goes down and never exceeds totalUpdates. */
  updateTrainingRunProgress(id: string, completedUpdates: number): Promise<TrainingRun>;
  /** Idempotent per (run, step, attempt). */
  recordRunMetrics(metrics: NewRunMetrics): Promise<RunMetrics>;
  /** By step, then attempt. */
  listRunMetrics(runId: string): Promise<RunMetrics[]>;
  /** Idempotent by id; (run, step) is unique. */
  registerCheckpoint(checkpoint: NewCheckpoint): Promise<Checkpoint>;
  /** Lowest step first. */
  listCheckpoints(runId: string): Promise<Checkpoint[]>;
  /** Highest step, or undefined before the first checkpoint. */
  latestCheckpoint(runId: string): Promise<Checkpoint | undefined>;
}

export interface EvaluationStore {
  /** Stores an evaluation with its per-trajectory results; idempotent by id. */
  recordEvaluation(evaluation: NewEvaluation): Promise<Evaluation>;
  getEvaluation(id: string): Promise<Evaluation | undefined>;
  /** Oldest first. */
  listEvaluations(query?: EvaluationQuery): Promise<Evaluation[]>;
}

/** The trajectory store: everything a SWiRL pipeline produces, with lineage. */
export interface TrajectoryStore extends QuestionStore, JobStore, TrajectoryRepository, VerdictStore, DatasetStore, TrainingStore, EvaluationStore {
  /** Releases the connection; later calls fail. */
  close(): Promise<void>;
}
