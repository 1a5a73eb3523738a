import { status } from '@grpc/grpc-js';
import { FilterStrategy, JobSpec, JobState, TaskFamily, TrajectoryView, type ListExamplesRequest } from '@swirl/proto';
import { openSqliteStore, type StepRef } from '@swirl/store';
import { unaryCall } from '../clients/unary-call';
import { startCoordinator, worldSynthesisSpec, type CoordinatorUnderTest } from '../testing/coordinator-under-test.test-support';
import { startServiceStack, type ServiceStack } from '../testing/service-stack.test-support';

describe('dataset versions, examples and coordinator limits over gRPC', () => {
  let stack: ServiceStack;
  let coordinator: CoordinatorUnderTest;
  let jobId: string;
  const datasetId = 'ds-test-1';
  let members: StepRef[];

  beforeAll(async () => {
    stack = await startServiceStack();
    coordinator = await startCoordinator(stack, 'reads', ['--data-dir=/nonexistent/swirl-data', '--max-running-jobs=1', '--max-pending-jobs=1']);
    jobId = (await coordinator.client.finish((await coordinator.client.start(worldSynthesisSpec({ count: 6, samples: 2, seed: 21 }))).id)).id;
    // A dataset version as a FILTER job would write it (FILTER needs the judge service): the
    // trajectories that answered are kept, the others rejected.
    const store = await openSqliteStore({ path: coordinator.storePath });
    try {
      const trajectories = await store.listTrajectories({ jobId });
      const kept = trajectories.filter((t) => t.finishReason !== 'step_cap');
      members = kept.flatMap((t) => Array.from({ length: t.stepCount }, (_, index) => ({ trajectoryId: t.id, index })));
      await store.createDatasetVersion({
        id: datasetId,
        name: 'no-step-cap',
        filterStrategy: 'none',
        sourceJobIds: [jobId],
        sourceTrajectoryIds: [],
        stats: { trajectoriesIn: trajectories.length, trajectoriesKept: kept.length, stepsKept: members.length },
        members,
        rejections: trajectories.filter((t) => t.finishReason === 'step_cap').map((t) => ({ trajectoryId: t.id, reasons: ['incomplete' as const] })),
      });
    } finally {
      await store.close();
    }
  }, 300_000);
  afterAll(async () => {
    await coordinator?.stop();
    await stack?.dispose();
  });

  it('serves dataset versions by id and in a list filtered by strategy', async () => {
    const raw = coordinator.client.raw;
    const got = (await unaryCall(raw.getDatasetVersion.bind(raw), { datasetVersionId: datasetId })).datasetVersion!;
    expect(got).toMatchObject({ id: datasetId, name: 'no-step-cap', strategy: FilterStrategy.FILTER_STRATEGY_NONE, sourceJobIds: [jobId], stats: { trajectoriesKept: expect.any(Number), stepsKept: members.length } });
    const listed = await unaryCall(raw.listDatasetVersions.bind(raw), { pageSize: 0, pageToken: '', strategy: 0 });
    expect(listed.datasetVersions.map((d) => d.id)).toEqual([datasetId]);
    expect((await unaryCall(raw.listDatasetVersions.bind(raw), { pageSize: 0, pageToken: '', strategy: FilterStrategy.FILTER_STRATEGY_PROCESS })).datasetVersions).toEqual([]);
    await expect(unaryCall(raw.getDatasetVersion.bind(raw), { datasetVersionId: 'ds-nope' })).rejects.toMatchObject({ code: status.NOT_FOUND });
  });

  it('pages through the examples in a stable order, with token ids only in FULL views', async () => {
    const raw = coordinator.client.raw;
    const list = (req: Partial<ListExamplesRequest>) => unaryCall(raw.listExamples.bind(raw), { datasetVersionId: datasetId, pageSize: 0, pageToken: '', family: 0, view: 0, ...req });
    const examples = [];
    let pageToken = '';
    do {
      const page = await list({ pageSize: 4, pageToken, view: TrajectoryView.TRAJECTORY_VIEW_FULL });
      expect(page.totalSize).toBe(members.length);
      examples.push(...page.examples);
      pageToken = page.nextPageToken;
    } while (pageToken !== '');
    const byIdThenIndex = [...members].sort((a, b) => (a.trajectoryId === b.trajectoryId ? a.index - b.index : a.trajectoryId < b.trajectoryId ? -1 : 1));
    expect(examples.map((e) => e.id)).toEqual(byIdThenIndex.map((m) => `${m.trajectoryId}/${m.index}`));
    for (const e of examples) {
      expect(e.stateTokenIds.length).toBeGreaterThan(0);
      expect(e.actionLogprobs).toHaveLength(e.actionTokenIds.length);
      expect(e.state).toHaveLength(2 + 2 * e.stepIndex);
    }
    const basic = await list({ pageSize: 1000 });
    expect(basic.examples.every((e) => e.stateTokenIds.length === 0 && e.actionTokenIds.length === 0)).toBe(true);
    const math = await list({ pageSize: 1000, family: TaskFamily.TASK_FAMILY_MATH });
    expect(math.totalSize).toBe(math.examples.length);
    expect(math.examples.every((e) => e.family === TaskFamily.TASK_FAMILY_MATH)).toBe(true);
    await expect(list({ pageToken: basic.nextPageToken || 'garbage' })).rejects.toMatchObject({ code: status.INVALID_ARGUMENT });
    await expect(list({ datasetVersionId: 'ds-nope' })).rejects.toMatchObject({ code: status.NOT_FOUND });
  });

  it('lists the kept trajectories of a dataset version', async () => {
    const raw = coordinator.client.raw;
    const res = await unaryCall(raw.listTrajectories.bind(raw), { pageSize: 200, pageToken: '', jobId: '', datasetVersionId: datasetId, taskId: '', family: 0, finishReason: 0, view: 0 });
    expect(res.trajectories.map((t) => t.id).sort()).toEqual([...new Set(members.map((m) => m.trajectoryId))].sort());
  });

  it('answers FAILED_PRECONDITION for benchmark tasks when the data directory is missing', async () => {
    const spec = JobSpec.fromPartial({ spec: { $case: 'synthesize', value: { tasks: { source: { $case: 'gsm8k', value: { split: 'train' } } } } } });
    await expect(coordinator.client.start(spec)).rejects.toMatchObject({ code: status.FAILED_PRECONDITION, details: expect.stringContaining('/nonexistent/swirl-data (SWIRL_DATA_DIR / --data-dir) does not exist') });
  });

  it('queues jobs beyond the running limit as PENDING and refuses more than the queue holds', async () => {
    const running = await coordinator.client.start(worldSynthesisSpec({ count: 300, samples: 5, seed: 1 }));
    const queued = await coordinator.client.start(worldSynthesisSpec({ count: 300, samples: 5, seed: 2 }));
    expect((await coordinator.client.get(queued.id)).state).toBe(JobState.JOB_STATE_PENDING);
    await expect(coordinator.client.start(worldSynthesisSpec({ count: 300, samples: 5, seed: 3 }))).rejects.toMatchObject({
      code: status.RESOURCE_EXHAUSTED,
      details: 'the queue of pending jobs is full (1); retry when running jobs have finished',
    });
    expect((await coordinator.client.cancel(queued.id)).state).toBe(JobState.JOB_STATE_CANCELLED);
    await coordinator.client.cancel(running.id);
    expect((await coordinator.client.finish(running.id)).state).toBe(JobState.JOB_STATE_CANCELLED);
  });
});
