import {
  FILTER_STRATEGIES,
  REJECTION_REASONS,
  type DatasetVersion,
  type NewDatasetVersion,
  type TrajectoryRejection,
} from '../../domain/dataset-version';
import type { StepRef } from '../../domain/step';
import { contentHash } from '../../encoding/canonical-json';
import { InvalidStoreInputError, StoreConflictError, StoreNotFoundError } from '../../errors/store-error';
import { checkCount, checkId, checkJsonObject, checkNonEmpty, checkOneOf, checkOptionalId } from '../../rules/input-checks';
import { validateJudgeRef } from '../../rules/validate-model-ref';
import { optional, type SqliteContext } from '../sqlite-context';

interface DatasetRow {
  id: string;
  name: string;
  filter_strategy: string;
  judge_id: string | null;
  judge_version: string | null;
  grader_id: string | null;
  grader_version: string | null;
  filter_job_id: string | null;
  stats: string;
  member_count: number;
  rejection_count: number;
  content_hash: string;
  created_at: number;
}

function compareRefs(a: StepRef, b: StepRef): number {
  return a.trajectoryId < b.trajectoryId ? -1 : a.trajectoryId > b.trajectoryId ? 1 : a.index - b.index;
}

/** Checks a dataset version; members and rejections come back sorted, so the same set hashes the same. */
function validateDataset(dataset: NewDatasetVersion) {
  const strategy = checkOneOf('dataset.filterStrategy', dataset.filterStrategy, FILTER_STRATEGIES);
  const needsJudge = strategy === 'process' || strategy === 'process_and_outcome';
  const needsGrader = strategy === 'outcome' || strategy === 'process_and_outcome';
  if (needsJudge && !dataset.judge) throw new InvalidStoreInputError(`dataset.judge is required for filter strategy ${strategy}`);
  if (needsGrader && !dataset.grader) throw new InvalidStoreInputError(`dataset.grader is required for filter strategy ${strategy}`);
  const ids = (field: string, values: readonly string[]) => {
    if (!Array.isArray(values)) throw new InvalidStoreInputError(`${field} must be an array of ids`);
    return values.map((value, i) => checkId(`${field}[${i}]`, value));
  };
  const sourceJobIds = ids('dataset.sourceJobIds', dataset.sourceJobIds);
  const sourceTrajectoryIds = ids('dataset.sourceTrajectoryIds', dataset.sourceTrajectoryIds);
  if (sourceJobIds.length + sourceTrajectoryIds.length === 0) throw new InvalidStoreInputError('dataset needs at least one source job or trajectory');
  if (!Array.isArray(dataset.members) || !Array.isArray(dataset.rejections)) throw new InvalidStoreInputError('dataset.members and dataset.rejections must be arrays');
  const members = dataset.members
    .map((ref, i) => ({ trajectoryId: checkId(`dataset.members[${i}].trajectoryId`, ref?.trajectoryId), index: checkCount(`dataset.members[${i}].index`, ref.index) }))
    .sort(compareRefs);
  members.forEach((ref, i) => {
    if (i > 0 && compareRefs(members[i - 1], ref) === 0) throw new InvalidStoreInputError(`dataset.members lists step ${ref.trajectoryId}/${ref.index} twice`);
  });
  const kept = new Set(members.map((ref) => ref.trajectoryId));
  const rejections = dataset.rejections
    .map((rejection, i) => {
      const trajectoryId = checkId(`dataset.rejections[${i}].trajectoryId`, rejection?.trajectoryId);
      if (kept.has(trajectoryId)) throw new InvalidStoreInputError(`trajectory ${trajectoryId} is both rejected and has member steps`);
      if (!Array.isArray(rejection.reasons) || rejection.reasons.length === 0) throw new InvalidStoreInputError(`dataset.rejections[${i}].reasons must list at least one reason`);
      return { trajectoryId, reasons: rejection.reasons.map((reason: unknown, j: number) => checkOneOf(`dataset.rejections[${i}].reasons[${j}]`, reason, REJECTION_REASONS)) };
    })
    .sort((a, b) => (a.trajectoryId < b.trajectoryId ? -1 : a.trajectoryId > b.trajectoryId ? 1 : 0));
  rejections.forEach((rejection, i) => {
    if (i > 0 && rejections[i - 1].trajectoryId === rejection.trajectoryId) throw new InvalidStoreInputError(`dataset.rejections lists trajectory ${rejection.trajectoryId} twice`);
  });
  const judge = dataset.judge === undefined ? undefined : validateJudgeRef('dataset.judge', dataset.judge);
  const grader = dataset.grader === undefined ? undefined : validateJudgeRef('dataset.grader', dataset.grader);
  const row = {
    id: checkId('dataset.id', dataset.id),
    name: checkNonEmpty('dataset.name', dataset.name),
    filter_strategy: strategy,
    judge_id: judge?.id ?? null,
    judge_version: judge?.version ?? null,
    grader_id: grader?.id ?? null,
    grader_version: grader?.version ?? null,
    filter_job_id: checkOptionalId('dataset.filterJobId', dataset.filterJobId) ?? null,
    stats: checkJsonObject('dataset.stats', dataset.stats),
    member_count: members.length,
    rejection_count: rejections.length,
  };
  const hash = contentHash({ row, sourceJobIds, sourceTrajectoryIds, members, rejections });
  return { row: { ...row, content_hash: hash }, sourceJobIds, sourceTrajectoryIds, members, rejections };
}

export class DatasetsRepo {
  constructor(private readonly ctx: SqliteContext) {}

  create(dataset: NewDatasetVersion): DatasetVersion {
    const valid = validateDataset(dataset);
    const { row } = valid;
    return this.ctx.write(() => {
      const stored = this.row(row.id);
      if (stored) {
        if (stored.content_hash === row.content_hash) return this.toDataset(stored);
        throw new StoreConflictError(`dataset version ${row.id} already exists with different content; dataset versions are immutable: create a new one`);
      }
      this.checkReferences(valid);
      this.ctx.run(
        `INSERT INTO dataset_versions (id, name, filter_strategy, judge_id, judge_version, grader_id, grader_version, filter_job_id, stats,
           member_count, rejection_count, content_hash, created_at)
         VALUES (@id, @name, @filter_strategy, @judge_id, @judge_version, @grader_id, @grader_version, @filter_job_id, @stats,
           @member_count, @rejection_count, @content_hash, @created_at)`,
        { ...row, created_at: this.ctx.now() },
      );
      valid.sourceJobIds.forEach((jobId, i) => this.ctx.run('INSERT INTO dataset_source_jobs VALUES (?, ?, ?)', row.id, i, jobId));
      valid.sourceTrajectoryIds.forEach((id, i) => this.ctx.run('INSERT INTO dataset_source_trajectories VALUES (?, ?, ?)', row.id, i, id));
      for (const ref of valid.members) this.ctx.run('INSERT INTO dataset_members VALUES (?, ?, ?)', row.id, ref.trajectoryId, ref.index);
      for (const rejection of valid.rejections) {
        this.ctx.run('INSERT INTO dataset_rejections VALUES (?, ?, ?)', row.id, rejection.trajectoryId, JSON.stringify(rejection.reasons));
      }
      return this.toDataset(this.row(row.id)!);
    });
  }

  get(id: string): DatasetVersion | undefined {
    return this.ctx.read(() => {
      const row = this.row(id);
      return row && this.toDataset(row);
    });
  }

  list(): DatasetVersion[] {
    return this.ctx.read(() => this.ctx.all<DatasetRow>('SELECT * FROM dataset_versions ORDER BY created_at DESC, rowid DESC').map((row) => this.toDataset(row)));
  }

  listRejections(id: string): TrajectoryRejection[] {
    return this.ctx.read(() => {
      if (!this.row(id)) throw new StoreNotFoundError(`dataset version ${id} does not exist`);
      return this.ctx
        .all<{ trajectory_id: string; reasons: string }>('SELECT trajectory_id, reasons FROM dataset_rejections WHERE dataset_version_id = ? ORDER BY trajectory_id', id)
        .map((row) => ({ trajectoryId: row.trajectory_id, reasons: JSON.parse(row.reasons) }));
    });
  }

  private checkReferences(valid: ReturnType<typeof validateDataset>): void {
    const exists = (sql: string, ...params: unknown[]) => this.ctx.get(sql, ...params) !== undefined;
    for (const jobId of [...valid.sourceJobIds, ...(valid.row.filter_job_id ? [valid.row.filter_job_id] : [])]) {
      if (!exists('SELECT 1 FROM jobs WHERE id = ?', jobId)) throw new StoreNotFoundError(`job ${jobId} does not exist`);
    }
    for (const id of [...valid.sourceTrajectoryIds, ...valid.rejections.map((rejection) => rejection.trajectoryId)]) {
      if (!exists('SELECT 1 FROM trajectories WHERE id = ?', id)) throw new StoreNotFoundError(`trajectory ${id} does not exist`);
    }
    for (const ref of valid.members) {
      if (!exists('SELECT 1 FROM steps WHERE trajectory_id = ? AND step_index = ?', ref.trajectoryId, ref.index)) {
        throw new StoreNotFoundError(`member step ${ref.trajectoryId}/${ref.index} does not exist`);
      }
    }
  }

  private row(id: string): DatasetRow | undefined {
    return this.ctx.get<DatasetRow>('SELECT * FROM dataset_versions WHERE id = ?', id);
  }

  private toDataset(row: DatasetRow): DatasetVersion {
    const ids = (sql: string) => this.ctx.all<{ id: string }>(sql, row.id).map((source) => source.id);
    return {
      id: row.id,
      name: row.name,
      filterStrategy: row.filter_strategy as DatasetVersion['filterStrategy'],
      judge: row.judge_id === null ? undefined : { id: row.judge_id, version: row.judge_version! },
      grader: row.grader_id === null ? undefined : { id: row.grader_id, version: row.grader_version! },
      sourceJobIds: ids('SELECT job_id AS id FROM dataset_source_jobs WHERE dataset_version_id = ? ORDER BY position'),
      sourceTrajectoryIds: ids('SELECT trajectory_id AS id FROM dataset_source_trajectories WHERE dataset_version_id = ? ORDER BY position'),
      filterJobId: optional(row.filter_job_id),
      stats: JSON.parse(row.stats),
      memberCount: row.member_count,
      rejectionCount: row.rejection_count,
      createdAt: new Date(row.created_at),
    };
  }
}
