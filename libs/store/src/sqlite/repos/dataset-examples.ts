import type { DatasetExample, ExamplePage, ExampleQuery } from '../../domain/dataset-version';
import { TASK_FAMILIES } from '../../domain/question';
import { stepId, type Step, type StepRef } from '../../domain/step';
import type { Trajectory } from '../../domain/trajectory';
import { InvalidStoreInputError, StoreNotFoundError } from '../../errors/store-error';
import { checkCount, checkId, checkOneOf } from '../../rules/input-checks';
import { buildStepState } from '../../rules/build-step-state';
import type { SqliteContext } from '../sqlite-context';
import { toStep, type StepRow } from './steps-repo';
import { toTrajectory } from './trajectories-repo';
import { QuestionsRepo } from './questions-repo';
import { toStepVerdict } from './verdicts-repo';

const DEFAULT_PAGE = 100;
const MAX_PAGE = 10_000;

interface MemberRow {
  trajectory_id: string;
  step_index: number;
}

/** Reads a dataset's examples in (trajectory id, step index) order, with their lineage. */
export class DatasetExamples {
  private readonly questions: QuestionsRepo;

  constructor(private readonly ctx: SqliteContext) {
    this.questions = new QuestionsRepo(ctx);
  }

  count(datasetId: string, family?: string): number {
    return this.ctx.read(() => {
      this.dataset(datasetId);
      const filter = this.familyFilter(family);
      return this.ctx.get<{ n: number }>(
        `SELECT count(*) AS n FROM dataset_members m ${filter.join} WHERE m.dataset_version_id = ? ${filter.where}`,
        datasetId, ...filter.params,
      )!.n;
    });
  }

  page(datasetId: string, query: ExampleQuery = {}): ExamplePage {
    const limit = query.limit === undefined ? DEFAULT_PAGE : checkCount('query.limit', query.limit);
    if (limit < 1 || limit > MAX_PAGE) throw new InvalidStoreInputError(`query.limit must be in 1..${MAX_PAGE}, got ${limit}`);
    const after: StepRef = query.after
      ? { trajectoryId: checkId('query.after.trajectoryId', query.after.trajectoryId), index: checkCount('query.after.index', query.after.index) }
      : { trajectoryId: '', index: -1 };
    return this.ctx.read(() => {
      const judge = this.dataset(datasetId);
      const filter = this.familyFilter(query.family);
      const members = this.ctx.all<MemberRow>(
        `SELECT m.trajectory_id, m.step_index FROM dataset_members m ${filter.join}
         WHERE m.dataset_version_id = ? AND (m.trajectory_id, m.step_index) > (?, ?) ${filter.where}
         ORDER BY m.trajectory_id, m.step_index LIMIT ?`,
        datasetId, after.trajectoryId, after.index, ...filter.params, limit + 1,
      );
      const page = members.slice(0, limit);
      const examples = this.assemble(page, judge);
      const last = page[page.length - 1];
      return members.length > limit ? { examples, next: { trajectoryId: last.trajectory_id, index: last.step_index } } : { examples };
    });
  }

  private assemble(members: readonly MemberRow[], judge: { id: string; version: string } | undefined): DatasetExample[] {
    const trajectories = new Map<string, { trajectory: Trajectory; steps: Step[] }>();
    for (const id of new Set(members.map((member) => member.trajectory_id))) {
      const row = this.ctx.get<Parameters<typeof toTrajectory>[0]>('SELECT * FROM trajectories WHERE id = ?', id)!;
      const steps = this.ctx.all<StepRow>('SELECT * FROM steps WHERE trajectory_id = ? ORDER BY step_index', id).map(toStep);
      trajectories.set(id, { trajectory: toTrajectory(row), steps });
    }
    return members.map((member) => {
      const { trajectory, steps } = trajectories.get(member.trajectory_id)!;
      const step = steps[member.step_index];
      const verdictRow = judge
        ? this.ctx.get<Parameters<typeof toStepVerdict>[0]>(
            'SELECT * FROM step_verdicts WHERE trajectory_id = ? AND step_index = ? AND judge_id = ? AND judge_version = ?',
            member.trajectory_id, member.step_index, judge.id, judge.version,
          )
        : undefined;
      return {
        exampleId: stepId(step),
        state: buildStepState(trajectory.prompt, steps, member.step_index),
        step,
        trajectory,
        question: this.questions.get(trajectory.questionId)!,
        ...(verdictRow ? { verdict: toStepVerdict(verdictRow) } : {}),
      };
    });
  }

  /** The dataset's process judge (undefined when it has none); NOT_FOUND for an unknown dataset. */
  private dataset(id: string): { id: string; version: string } | undefined {
    const row = this.ctx.get<{ judge_id: string | null; judge_version: string | null }>('SELECT judge_id, judge_version FROM dataset_versions WHERE id = ?', id);
    if (!row) throw new StoreNotFoundError(`dataset version ${id} does not exist`);
    return row.judge_id === null ? undefined : { id: row.judge_id, version: row.judge_version! };
  }

  private familyFilter(family: string | undefined): { join: string; where: string; params: unknown[] } {
    if (family === undefined) return { join: '', where: '', params: [] };
    return {
      join: 'JOIN trajectories t ON t.id = m.trajectory_id JOIN questions q ON q.id = t.question_id',
      where: 'AND q.family = ?',
      params: [checkOneOf('query.family', family, TASK_FAMILIES)],
    };
  }
}
