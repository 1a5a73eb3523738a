import { InvalidStoreInputError, StoreConflictError, StoreNotFoundError, StorePreconditionError } from '../../errors/store-error';
import { createTempStoreDir, steppingClock } from '../../testing/temp-store.test-support';
import { sampleRun, seedTrajectory } from '../../testing/store-fixtures.test-support';
import type { SqliteTrajectoryStore } from '../sqlite-trajectory-store';


describe('training runs', () => {
  const temp = createTempStoreDir();
  let store: SqliteTrajectoryStore;

  beforeAll(async () => {
    store = await temp.open({ clock: steppingClock() });
    await seedTrajectory(store, { trajectoryId: 'tr-1' }, 1);
    await store.createDatasetVersion({
      id: 'ds-1',
      name: 'all',
      filterStrategy: 'none',
      sourceJobIds: ['job-1'],
      sourceTrajectoryIds: [],
      stats: {},
      members: [{ trajectoryId: 'tr-1', index: 0 }],
      rejections: [],
    });
  });
  afterAll(() => temp.cleanup());

  it('creates a pending run, round-trips it, and is idempotent by id and request id', async () => {
    const input = sampleRun('run-1', { requestId: 'req-1', jobId: 'job-1' });
    const run = await store.createTrainingRun(input);
    expect(run).toEqual({ ...input, status: 'pending', completedUpdates: 0, createdAt: expect.any(Date), updatedAt: expect.any(Date) });
    expect(await store.getTrainingRun('run-1')).toEqual(run);
    expect(await store.createTrainingRun(input)).toEqual(run);
    expect(await store.createTrainingRun({ ...input, id: 'run-1-retry' })).toEqual(run);
    await expect(store.createTrainingRun({ ...input, id: 'run-1b', algorithm: 'sft' })).rejects.toThrow('request id req-1 already created run run-1 with a different request');
    await expect(store.createTrainingRun({ ...input, totalUpdates: 51 })).rejects.toThrow(StoreConflictError);
    await expect(store.createTrainingRun(sampleRun('run-x', { datasetVersionId: 'ds-9' }))).rejects.toThrow(new StoreNotFoundError('dataset version ds-9 does not exist'));
    await expect(store.createTrainingRun(sampleRun('run-x', { algorithm: 'ppo' as never }))).rejects.toThrow(InvalidStoreInputError);
  });

  it('moves status and progress forward only', async () => {
    await store.createTrainingRun(sampleRun('run-2'));
    const initializing = await store.transitionTrainingRun('run-2', { status: 'initializing' });
    expect(initializing.startedAt).toBeInstanceOf(Date);
    await store.transitionTrainingRun('run-2', { status: 'running' });
    await store.updateTrainingRunProgress('run-2', 10);
    await expect(store.updateTrainingRunProgress('run-2', 8)).rejects.toThrow(
      new StorePreconditionError('run run-2 progress cannot go back (10 -> 8); report it again once the resumed run passes it'),
    );
    await expect(store.updateTrainingRunProgress('run-2', 51)).rejects.toThrow('run run-2 has 50 updates planned, not 51');
    await expect(store.transitionTrainingRun('run-2', { status: 'pending' })).rejects.toThrow(
      'run run-2 cannot go from running to pending (allowed: running -> succeeded | failed | cancelling | cancelled)',
    );
    const done = await store.transitionTrainingRun('run-2', { status: 'succeeded' });
    expect(done).toMatchObject({ status: 'succeeded', completedUpdates: 10, endedAt: expect.any(Date) });
    await expect(store.updateTrainingRunProgress('run-2', 50)).rejects.toThrow('run run-2 is succeeded; its progress no longer changes');
    await expect(store.transitionTrainingRun('run-2', { status: 'failed', error: 'late' })).rejects.toThrow(StorePreconditionError);
  });

  it('records a failure with its error and lists newest first', async () => {
    await store.createTrainingRun(sampleRun('run-3', { algorithm: 'sft', rewardJudge: undefined }));
    await expect(store.transitionTrainingRun('run-3', { status: 'failed' })).rejects.toThrow('transition.error is required for, and only for, status failed');
    expect(await store.transitionTrainingRun('run-3', { status: 'failed', error: 'learner: out of memory' })).toMatchObject({ status: 'failed', error: 'learner: out of memory' });
    expect((await store.listTrainingRuns()).map((run) => run.id)).toEqual(['run-3', 'run-2', 'run-1']);
  });
});
