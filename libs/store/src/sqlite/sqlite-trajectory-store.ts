import type { Database } from 'better-sqlite3';
import type { DatasetExample, ExampleQuery, NewDatasetVersion } from '../domain/dataset-version';
import type { EvaluationQuery, NewEvaluation } from '../domain/evaluation';
import type { JobProgress, JobQuery, JobTransition, NewJob } from '../domain/job';
import type { Question, QuestionQuery } from '../domain/question';
import type { NewStep } from '../domain/step';
import type { NewCheckpoint, NewRunMetrics, NewTrainingRun, RunTransition } from '../domain/training-run';
import type { NewTrajectory, TrajectoryEnd, TrajectoryQuery } from '../domain/trajectory';
import type { NewOutcomeVerdict, NewStepVerdict, VerdictQuery } from '../domain/verdict';
import type { TrajectoryStore } from '../store/trajectory-store';
import type { MigrationReport } from './migrate-database';
import { DatasetExamples } from './repos/dataset-examples';
import { DatasetsRepo } from './repos/datasets-repo';
import { EvaluationsRepo } from './repos/evaluations-repo';
import { JobsRepo } from './repos/jobs-repo';
import { QuestionsRepo } from './repos/questions-repo';
import { RunRecordsRepo } from './repos/run-records-repo';
import { StepsRepo } from './repos/steps-repo';
import { TrainingRunsRepo } from './repos/training-runs-repo';
import { TrajectoriesRepo } from './repos/trajectories-repo';
import { VerdictsRepo } from './repos/verdicts-repo';
import { SqliteContext } from './sqlite-context';

/**
 * The SQLite trajectory store. better-sqlite3 is synchronous; the methods are async only to
 * share the TrajectoryStore contract with a future PostgreSQL store. Each call is one short
 * transaction, so the event loop is blocked for well under a millisecond per step.
 */
export class SqliteTrajectoryStore implements TrajectoryStore {
  private readonly questions: QuestionsRepo;
  private readonly jobs: JobsRepo;
  private readonly trajectories: TrajectoriesRepo;
  private readonly steps: StepsRepo;
  private readonly verdicts: VerdictsRepo;
  private readonly datasets: DatasetsRepo;
  private readonly examples: DatasetExamples;
  private readonly runs: TrainingRunsRepo;
  private readonly runRecords: RunRecordsRepo;
  private readonly evaluations: EvaluationsRepo;

  constructor(
    private readonly db: Database,
    clock: () => Date,
    /** What opening the file did to its schema. */
    readonly migration: MigrationReport,
  ) {
    const ctx = new SqliteContext(db, clock);
    this.questions = new QuestionsRepo(ctx);
    this.jobs = new JobsRepo(ctx);
    this.trajectories = new TrajectoriesRepo(ctx);
    this.steps = new StepsRepo(ctx);
    this.verdicts = new VerdictsRepo(ctx);
    this.datasets = new DatasetsRepo(ctx);
    this.examples = new DatasetExamples(ctx);
    this.runs = new TrainingRunsRepo(ctx);
    this.runRecords = new RunRecordsRepo(ctx);
    this.evaluations = new EvaluationsRepo(ctx);
  }

  /** The database file (`:memory:` for an in-memory store). */
  get path(): string {
    return this.db.name;
  }

  /** The connection settings as SQLite reports them (for diagnostics and tests). */
  settings(): { journalMode: string; synchronous: 'off' | 'normal' | 'full' | 'extra'; foreignKeys: boolean; busyTimeoutMs: number; schemaVersion: number } {
    const pragma = (name: string) => this.db.pragma(name, { simple: true });
    const schema = this.db.prepare('SELECT max(version) AS version FROM schema_migrations').get() as { version: number };
    return {
      journalMode: String(pragma('journal_mode')),
      synchronous: (['off', 'normal', 'full', 'extra'] as const)[Number(pragma('synchronous'))],
      foreignKeys: pragma('foreign_keys') === 1,
      busyTimeoutMs: Number(pragma('busy_timeout')),
      schemaVersion: schema.version,
    };
  }

  async close() {
    this.db.close();
  }

  async upsertQuestions(questions: readonly Question[]) {
    return this.questions.upsert(questions);
  }
  async getQuestion(id: string) {
    return this.questions.get(id);
  }
  async listQuestions(query?: QuestionQuery) {
    return this.questions.list(query);
  }

  async createJob(job: NewJob) {
    return this.jobs.create(job);
  }
  async getJob(id: string) {
    return this.jobs.get(id);
  }
  async getJobByRequestId(requestId: string) {
    return this.jobs.getByRequestId(requestId);
  }
  async listJobs(query?: JobQuery) {
    return this.jobs.list(query);
  }
  async transitionJob(id: string, transition: JobTransition) {
    return this.jobs.transition(id, transition);
  }
  async updateJobProgress(id: string, progress: JobProgress) {
    return this.jobs.updateProgress(id, progress);
  }

  async startTrajectory(trajectory: NewTrajectory) {
    return this.trajectories.start(trajectory);
  }
  async appendStep(step: NewStep) {
    return this.steps.append(step);
  }
  async finishTrajectory(id: string, end: TrajectoryEnd) {
    return this.trajectories.finish(id, end);
  }
  async getTrajectory(id: string) {
    return this.trajectories.get(id);
  }
  async listTrajectories(query?: TrajectoryQuery) {
    return this.trajectories.list(query);
  }
  async listUnfinishedTrajectories(jobId: string) {
    return this.trajectories.listUnfinished(jobId);
  }

  async recordStepVerdicts(verdicts: readonly NewStepVerdict[]) {
    return this.verdicts.recordStep(verdicts);
  }
  async listStepVerdicts(query: VerdictQuery) {
    return this.verdicts.listStep(query);
  }
  async recordOutcomeVerdicts(verdicts: readonly NewOutcomeVerdict[]) {
    return this.verdicts.recordOutcome(verdicts);
  }
  async listOutcomeVerdicts(query: VerdictQuery) {
    return this.verdicts.listOutcome(query);
  }

  async createDatasetVersion(dataset: NewDatasetVersion) {
    return this.datasets.create(dataset);
  }
  async getDatasetVersion(id: string) {
    return this.datasets.get(id);
  }
  async listDatasetVersions() {
    return this.datasets.list();
  }
  async listDatasetRejections(datasetVersionId: string) {
    return this.datasets.listRejections(datasetVersionId);
  }
  async countDatasetExamples(datasetVersionId: string, query: Pick<ExampleQuery, 'family'> = {}) {
    return this.examples.count(datasetVersionId, query.family);
  }
  async listDatasetExamples(datasetVersionId: string, query?: ExampleQuery) {
    return this.examples.page(datasetVersionId, query);
  }
  async *streamDatasetExamples(datasetVersionId: string, query: Omit<ExampleQuery, 'after'> = {}): AsyncIterable<DatasetExample> {
    // Page by page, so no statement stays open across awaits (and other writers are never blocked).
    let page = this.examples.page(datasetVersionId, query);
    for (;;) {
      yield* page.examples;
      if (!page.next) return;
      page = this.examples.page(datasetVersionId, { ...query, after: page.next });
    }
  }

  async createTrainingRun(run: NewTrainingRun) {
    return this.runs.create(run);
  }
  async getTrainingRun(id: string) {
    return this.runs.get(id);
  }
  async listTrainingRuns() {
    return this.runs.list();
  }
  async transitionTrainingRun(id: string, transition: RunTransition) {
    return this.runs.transition(id, transition);
  }
  async updateTrainingRunProgress(id: string, completedUpdates: number) {
    return this.runs.updateProgress(id, completedUpdates);
  }
  async recordRunMetrics(metrics: NewRunMetrics) {
    return this.runRecords.recordMetrics(metrics);
  }
  async listRunMetrics(runId: string) {
    return this.runRecords.listMetrics(runId);
  }
  async registerCheckpoint(checkpoint: NewCheckpoint) {
    return this.runRecords.registerCheckpoint(checkpoint);
  }
  async listCheckpoints(runId: string) {
    return this.runRecords.listCheckpoints(runId);
  }
  async latestCheckpoint(runId: string) {
    return this.runRecords.latestCheckpoint(runId);
  }

  async recordEvaluation(evaluation: NewEvaluation) {
    return this.evaluations.record(evaluation);
  }
  async getEvaluation(id: string) {
    return this.evaluations.get(id);
  }
  async listEvaluations(query?: EvaluationQuery) {
    return this.evaluations.list(query);
  }
}
