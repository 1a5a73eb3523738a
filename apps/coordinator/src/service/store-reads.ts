import { invalidArgument, notFound } from '@swirl/grpc-kit';
import {
  TrajectoryView,
  type GetDatasetVersionRequest,
  type GetDatasetVersionResponse,
  type GetTrajectoryRequest,
  type GetTrajectoryResponse,
  type ListDatasetVersionsRequest,
  type ListDatasetVersionsResponse,
  type ListExamplesRequest,
  type ListExamplesResponse,
  type ListTrajectoriesRequest,
  type ListTrajectoriesResponse,
  type Trajectory as ProtoTrajectory,
} from '@swirl/proto';
import type { StepRef, StoredQuestion, TrajectoryStore } from '@swirl/store';
import { datasetVersionToProto, exampleToProto, strategyFromProto } from '../convert/dataset-to-proto';
import { familyFromProto } from '../convert/task-family';
import { questionToTask } from '../convert/task-question';
import { finishReasonFromProto, trajectoryToProto, type ViewLevel } from '../convert/trajectory-to-proto';
import { isOffset, pageCodec, pageSize } from './page-token';

const isStepRef = (v: unknown): v is StepRef =>
  typeof v === 'object' && v !== null && typeof (v as StepRef).trajectoryId === 'string' && Number.isInteger((v as StepRef).index);

function viewOf(view: TrajectoryView, fallback: ViewLevel): ViewLevel {
  if (view === TrajectoryView.TRAJECTORY_VIEW_FULL) return 'full';
  if (view === TrajectoryView.TRAJECTORY_VIEW_BASIC) return 'basic';
  if (view === TrajectoryView.TRAJECTORY_VIEW_UNSPECIFIED) return fallback;
  throw invalidArgument(`view has unknown value ${view}`);
}

/** The store's read side as the CoordinatorService's read RPCs. */
export class StoreReads {
  constructor(private readonly store: TrajectoryStore) {}

  async trajectory(id: string, view: ViewLevel): Promise<ProtoTrajectory> {
    const t = await this.store.getTrajectory(id);
    if (t === undefined) throw notFound(`trajectory ${id} does not exist`);
    const question = await this.store.getQuestion(t.questionId);
    if (question === undefined) throw new Error(`trajectory ${id} refers to missing question ${t.questionId}`);
    const [stepVerdicts, outcomeVerdicts] = await Promise.all([this.store.listStepVerdicts({ trajectoryId: id }), this.store.listOutcomeVerdicts({ trajectoryId: id })]);
    return trajectoryToProto({ trajectory: t, task: questionToTask(question), steps: t.steps, stepVerdicts, outcomeVerdicts }, view);
  }

  async getTrajectory(req: GetTrajectoryRequest): Promise<GetTrajectoryResponse> {
    if (req.trajectoryId === '') throw invalidArgument('trajectory_id is required');
    return { trajectory: await this.trajectory(req.trajectoryId, viewOf(req.view, 'full')) };
  }

  async listTrajectories(req: ListTrajectoriesRequest): Promise<ListTrajectoriesResponse> {
    const view = viewOf(req.view, 'basic');
    const size = pageSize(req.pageSize, 20, 200);
    const family = familyFromProto(req.family);
    const finish = finishReasonFromProto(req.finishReason);
    const filters = { job: req.jobId, ds: req.datasetVersionId, task: req.taskId, family: req.family, finish: req.finishReason };
    const offset = pageCodec('ListTrajectories', filters, isOffset).decode(req.pageToken) ?? 0;
    if (req.jobId !== '' && (await this.store.getJob(req.jobId)) === undefined) throw notFound(`job ${req.jobId} does not exist`);
    let members: Set<string> | undefined;
    if (req.datasetVersionId !== '') {
      if ((await this.store.getDatasetVersion(req.datasetVersionId)) === undefined) throw notFound(`dataset version ${req.datasetVersionId} does not exist`);
      members = new Set<string>();
      for await (const e of this.store.streamDatasetExamples(req.datasetVersionId)) members.add(e.trajectory.id);
    }
    const questions = new Map<string, StoredQuestion | undefined>();
    const familyOf = async (questionId: string) => {
      if (!questions.has(questionId)) questions.set(questionId, await this.store.getQuestion(questionId));
      return questions.get(questionId)?.family;
    };
    const matching = [];
    for (const t of await this.store.listTrajectories({ ...(req.jobId ? { jobId: req.jobId } : {}), ...(req.taskId ? { questionId: req.taskId } : {}) })) {
      if (members !== undefined && !members.has(t.id)) continue;
      if (finish !== undefined && t.finishReason !== finish) continue;
      if (family !== undefined && (await familyOf(t.questionId)) !== family) continue;
      matching.push(t);
    }
    const page = matching.slice(offset, offset + size);
    const next = offset + size < matching.length ? pageCodec('ListTrajectories', filters, isOffset).encode(offset + size) : '';
    return { trajectories: await Promise.all(page.map((t) => this.trajectory(t.id, view))), nextPageToken: next, totalSize: matching.length };
  }

  async getDatasetVersion(req: GetDatasetVersionRequest): Promise<GetDatasetVersionResponse> {
    if (req.datasetVersionId === '') throw invalidArgument('dataset_version_id is required');
    const d = await this.store.getDatasetVersion(req.datasetVersionId);
    if (d === undefined) throw notFound(`dataset version ${req.datasetVersionId} does not exist`);
    return { datasetVersion: datasetVersionToProto(d) };
  }

  async listDatasetVersions(req: ListDatasetVersionsRequest): Promise<ListDatasetVersionsResponse> {
    const size = pageSize(req.pageSize, 50, 500);
    const codec = pageCodec('ListDatasetVersions', { strategy: req.strategy }, isOffset);
    const offset = codec.decode(req.pageToken) ?? 0;
    const strategy = strategyFromProto(req.strategy);
    const all = (await this.store.listDatasetVersions()).filter((d) => strategy === undefined || d.filterStrategy === strategy);
    return {
      datasetVersions: all.slice(offset, offset + size).map(datasetVersionToProto),
      nextPageToken: offset + size < all.length ? codec.encode(offset + size) : '',
    };
  }

  async listExamples(req: ListExamplesRequest): Promise<ListExamplesResponse> {
    if (req.datasetVersionId === '') throw invalidArgument('dataset_version_id is required');
    const view = viewOf(req.view, 'basic');
    const size = pageSize(req.pageSize, 100, 1000);
    const family = familyFromProto(req.family);
    const codec = pageCodec('ListExamples', { ds: req.datasetVersionId, family: req.family }, isStepRef);
    const after = codec.decode(req.pageToken);
    if ((await this.store.getDatasetVersion(req.datasetVersionId)) === undefined) throw notFound(`dataset version ${req.datasetVersionId} does not exist`);
    const query = family === undefined ? {} : { family };
    const page = await this.store.listDatasetExamples(req.datasetVersionId, { ...query, ...(after === undefined ? {} : { after }), limit: size });
    return {
      examples: page.examples.map((e) => exampleToProto(e, view)),
      nextPageToken: page.next === undefined ? '' : codec.encode(page.next),
      totalSize: await this.store.countDatasetExamples(req.datasetVersionId, query),
    };
  }
}
