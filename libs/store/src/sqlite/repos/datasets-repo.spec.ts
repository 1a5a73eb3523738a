import type { NewDatasetVersion } from '../../domain/dataset-version';
import { InvalidStoreInputError, StoreConflictError, StoreNotFoundError } from '../../errors/store-error';
import { createTempStoreDir, steppingClock } from '../../testing/temp-store.test-support';
import { seedTrajectory } from '../../testing/store-fixtures.test-support';
import type { SqliteTrajectoryStore } from '../sqlite-trajectory-store';

function dataset(overrides: Partial<NewDatasetVersion> = {}): NewDatasetVersion {
  return {
    id: 'ds-1',
    name: 'world-math process',
    filterStrategy: 'process',
    judge: { id: 'rules', version: '3' },
    sourceJobIds: ['job-1'],
    sourceTrajectoryIds: [],
    stats: { trajectoriesIn: 2, trajectoriesKept: 1, stepsIn: 5, stepsKept: 3 },
    members: [
      { trajectoryId: 'd-keep', index: 2 },
      { trajectoryId: 'd-keep', index: 0 },
      { trajectoryId: 'd-keep', index: 1 },
    ],
    rejections: [{ trajectoryId: 'd-drop', reasons: ['step_bad', 'outcome_wrong'] }],
    ...overrides,
  };
}

describe('dataset versions', () => {
  const temp = createTempStoreDir();
  let store: SqliteTrajectoryStore;

  beforeAll(async () => {
    store = await temp.open({ clock: steppingClock() });
    await seedTrajectory(store, { trajectoryId: 'd-keep' }, 3);
    await seedTrajectory(store, { trajectoryId: 'd-drop', sampleIndex: 1 }, 2);
    await store.createJob({ id: 'filter-1', kind: 'filter', config: { strategy: 'process' } });
  });
  afterAll(() => temp.cleanup());

  it('creates an immutable version and round-trips it with its rejections', async () => {
    const created = await store.createDatasetVersion(dataset({ filterJobId: 'filter-1' }));
    const { members: _members, rejections: _rejections, ...rest } = dataset({ filterJobId: 'filter-1' });
    expect(created).toEqual({ ...rest, memberCount: 3, rejectionCount: 1, createdAt: expect.any(Date) });
    expect(await store.getDatasetVersion('ds-1')).toEqual(created);
    expect(await store.listDatasetRejections('ds-1')).toEqual([{ trajectoryId: 'd-drop', reasons: ['step_bad', 'outcome_wrong'] }]);
    expect(await store.countDatasetExamples('ds-1')).toBe(3);
  });

  it('is idempotent for the same members in any order and refuses any change', async () => {
    const members = [...dataset().members].reverse();
    expect((await store.createDatasetVersion(dataset({ filterJobId: 'filter-1', members }))).memberCount).toBe(3);
    await expect(store.createDatasetVersion(dataset({ filterJobId: 'filter-1', members: members.slice(1) }))).rejects.toThrow(
      new StoreConflictError('dataset version ds-1 already exists with different content; dataset versions are immutable: create a new one'),
    );
    await expect(store.createDatasetVersion(dataset({ filterJobId: 'filter-1', name: 'renamed' }))).rejects.toThrow(StoreConflictError);
  });

  it('checks every reference and the strategy needs before storing anything', async () => {
    await expect(store.createDatasetVersion(dataset({ id: 'ds-x', members: [{ trajectoryId: 'd-keep', index: 7 }] }))).rejects.toThrow(
      new StoreNotFoundError('member step d-keep/7 does not exist'),
    );
    await expect(store.createDatasetVersion(dataset({ id: 'ds-x', sourceJobIds: ['job-9'] }))).rejects.toThrow('job job-9 does not exist');
    await expect(store.createDatasetVersion(dataset({ id: 'ds-x', filterStrategy: 'outcome' }))).rejects.toThrow('dataset.grader is required for filter strategy outcome');
    await expect(store.createDatasetVersion(dataset({ id: 'ds-x', judge: undefined }))).rejects.toThrow('dataset.judge is required for filter strategy process');
    await expect(store.createDatasetVersion(dataset({ id: 'ds-x', members: [{ trajectoryId: 'd-keep', index: 0 }, { trajectoryId: 'd-keep', index: 0 }] }))).rejects.toThrow(
      'dataset.members lists step d-keep/0 twice',
    );
    await expect(store.createDatasetVersion(dataset({ id: 'ds-x', rejections: [{ trajectoryId: 'd-keep', reasons: ['incomplete'] }] }))).rejects.toThrow(
      'trajectory d-keep is both rejected and has member steps',
    );
    await expect(store.createDatasetVersion(dataset({ id: 'ds-x', rejections: [{ trajectoryId: 'd-drop', reasons: ['too_long' as never] }] }))).rejects.toThrow(
      InvalidStoreInputError,
    );
    await expect(store.createDatasetVersion(dataset({ id: 'ds-x', sourceJobIds: [] }))).rejects.toThrow('dataset needs at least one source job or trajectory');
    expect(await store.getDatasetVersion('ds-x')).toBeUndefined();
  });

  it('lists versions newest first and keeps trajectory sources in order', async () => {
    const none = await store.createDatasetVersion(
      dataset({ id: 'ds-none', filterStrategy: 'none', judge: undefined, sourceJobIds: [], sourceTrajectoryIds: ['d-keep', 'd-drop'], rejections: [] }),
    );
    expect(none.sourceTrajectoryIds).toEqual(['d-keep', 'd-drop']);
    expect((await store.listDatasetVersions()).map((version) => version.id)).toEqual(['ds-none', 'ds-1']);
    await expect(store.listDatasetRejections('ds-missing')).rejects.toThrow('dataset version ds-missing does not exist');
  });
});
