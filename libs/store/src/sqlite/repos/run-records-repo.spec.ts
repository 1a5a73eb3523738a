import { StoreConflictError, StoreNotFoundError } from '../../errors/store-error';
import { createTempStoreDir, steppingClock } from '../../testing/temp-store.test-support';
import { sampleRun, seedTrajectory } from '../../testing/store-fixtures.test-support';
import type { SqliteTrajectoryStore } from '../sqlite-trajectory-store';

describe('run metrics and checkpoints', () => {
  const temp = createTempStoreDir();
  let store: SqliteTrajectoryStore;

  beforeAll(async () => {
    store = await temp.open({ clock: steppingClock() });
    await seedTrajectory(store, { trajectoryId: 'rr-1' }, 1);
    await store.createDatasetVersion({
      id: 'ds-1',
      name: 'all',
      filterStrategy: 'none',
      sourceJobIds: ['job-1'],
      sourceTrajectoryIds: [],
      stats: {},
      members: [{ trajectoryId: 'rr-1', index: 0 }],
      rejections: [],
    });
    await store.createTrainingRun(sampleRun('run-1'));
  });
  afterAll(() => temp.cleanup());

  it('records metrics per update as a name -> number map, idempotently', async () => {
    const first = await store.recordRunMetrics({ runId: 'run-1', step: 1, values: { loss: 0.71, mean_reward: 0.84, kl: 0.0012, accept_rate: 0.6 } });
    expect(first).toEqual({ runId: 'run-1', step: 1, attempt: 0, values: { loss: 0.71, mean_reward: 0.84, kl: 0.0012, accept_rate: 0.6 }, createdAt: expect.any(Date) });
    expect(await store.recordRunMetrics({ runId: 'run-1', step: 1, attempt: 0, values: { kl: 0.0012, accept_rate: 0.6, loss: 0.71, mean_reward: 0.84 } })).toEqual(first);
    await expect(store.recordRunMetrics({ runId: 'run-1', step: 1, values: { loss: 0.5 } })).rejects.toThrow(
      new StoreConflictError('run run-1 already has different metrics for step 1 attempt 0; a redone update is recorded with a higher attempt'),
    );
    // A run resumed from an earlier checkpoint redoes update 1: a new attempt, the first numbers stay.
    await store.recordRunMetrics({ runId: 'run-1', step: 1, attempt: 1, values: { loss: 0.5 } });
    await store.recordRunMetrics({ runId: 'run-1', step: 2, values: { loss: 0.4 } });
    expect((await store.listRunMetrics('run-1')).map((m) => [m.step, m.attempt, m.values.loss])).toEqual([
      [1, 0, 0.71],
      [1, 1, 0.5],
      [2, 0, 0.4],
    ]);
    await expect(store.recordRunMetrics({ runId: 'run-1', step: 3, values: { loss: Number.POSITIVE_INFINITY } })).rejects.toThrow('metrics.values.loss must be a finite number');
    await expect(store.recordRunMetrics({ runId: 'run-9', step: 1, values: {} })).rejects.toThrow(new StoreNotFoundError('training run run-9 does not exist'));
  });

  it('registers checkpoints once per (run, step) and finds the latest', async () => {
    expect(await store.latestCheckpoint('run-1')).toBeUndefined();
    const checkpoint = {
      id: 'run-1/step-10',
      runId: 'run-1',
      step: 10,
      path: '/var/ckpt/run-1/step-10',
      model: { name: 'swirl-tiny', version: 'run-1/update-10' },
      weightsSha256: 'ab'.repeat(32),
      hasOptimizerState: true,
      sizeBytes: 3_600_000,
    };
    expect(await store.registerCheckpoint(checkpoint)).toEqual({ ...checkpoint, createdAt: expect.any(Date) });
    expect(await store.registerCheckpoint(checkpoint)).toEqual({ ...checkpoint, createdAt: expect.any(Date) });
    await expect(store.registerCheckpoint({ ...checkpoint, path: '/elsewhere' })).rejects.toThrow('checkpoint run-1/step-10 is already registered with different content');
    await expect(store.registerCheckpoint({ ...checkpoint, id: 'run-1/step-10b' })).rejects.toThrow('run run-1 already has checkpoint run-1/step-10 at step 10');
    await store.registerCheckpoint({ ...checkpoint, id: 'run-1/step-20', step: 20, model: { name: 'swirl-tiny', version: 'run-1/update-20' }, weightsSha256: undefined, sizeBytes: undefined });
    expect((await store.listCheckpoints('run-1')).map((c) => c.step)).toEqual([10, 20]);
    expect(await store.latestCheckpoint('run-1')).toMatchObject({ id: 'run-1/step-20', model: { version: 'run-1/update-20' }, weightsSha256: undefined });
  });
});
