import { InvalidStoreInputError, StoreConflictError, StoreNotFoundError, StorePreconditionError } from '../../errors/store-error';
import { createTempStoreDir, steppingClock } from '../../testing/temp-store.test-support';
import { sampleJob } from '../../testing/store-fixtures.test-support';
import type { SqliteTrajectoryStore } from '../sqlite-trajectory-store';

describe('jobs', () => {
  const temp = createTempStoreDir();
  let store: SqliteTrajectoryStore;

  beforeAll(async () => {
    store = await temp.open({ clock: steppingClock() });
  });
  afterAll(() => temp.cleanup());

  it('creates a pending job and round-trips it', async () => {
    const job = await store.createJob(sampleJob('job-rt', { requestId: 'req-rt', displayName: 'first synthesis' }));
    expect(job).toEqual({
      id: 'job-rt',
      requestId: 'req-rt',
      kind: 'synthesize',
      displayName: 'first synthesis',
      config: { samplesPerQuestion: 2, policy: { name: 'swirl-tiny', version: 'base' } },
      status: 'pending',
      progress: { stage: 'synthesize', done: 0, total: 0, failed: 0 },
      createdAt: expect.any(Date),
      updatedAt: expect.any(Date),
    });
    expect(await store.getJob('job-rt')).toEqual(job);
    expect(await store.getJobByRequestId('req-rt')).toEqual(job);
    expect(await store.getJob('nope')).toBeUndefined();
  });

  it('is idempotent by id and by request id, and refuses a changed spec', async () => {
    const first = await store.createJob(sampleJob('job-idem', { requestId: 'req-idem' }));
    expect(await store.createJob(sampleJob('job-idem', { requestId: 'req-idem' }))).toEqual(first);
    // A retried StartJob with a freshly drawn job id gets the original job back.
    expect(await store.createJob(sampleJob('job-idem-retry', { requestId: 'req-idem' }))).toEqual(first);
    expect(await store.getJob('job-idem-retry')).toBeUndefined();
    await expect(store.createJob(sampleJob('job-idem-2', { requestId: 'req-idem', config: { samplesPerQuestion: 3 } }))).rejects.toThrow(
      'request id req-idem already created job job-idem with a different spec',
    );
    await expect(store.createJob(sampleJob('job-idem', { kind: 'judge' }))).rejects.toThrow(StoreConflictError);
  });

  it('walks a job through its lifecycle, stamping start and end', async () => {
    await store.createJob(sampleJob('job-life'));
    const running = await store.transitionJob('job-life', { status: 'running' });
    expect(running.status).toBe('running');
    expect(running.startedAt).toBeInstanceOf(Date);
    // A restarted coordinator marks its job running again: a no-op.
    expect(await store.transitionJob('job-life', { status: 'running' })).toEqual(running);
    const done = await store.transitionJob('job-life', { status: 'succeeded', result: { trajectories: 4, answered: 3 } });
    expect(done).toMatchObject({ status: 'succeeded', result: { trajectories: 4, answered: 3 }, startedAt: running.startedAt });
    expect(done.endedAt!.getTime()).toBeGreaterThan(running.startedAt!.getTime());
    expect(await store.transitionJob('job-life', { status: 'succeeded', result: { trajectories: 4, answered: 3 } })).toEqual(done);
  });

  it('refuses illegal transitions and says which are allowed', async () => {
    await store.createJob(sampleJob('job-bad'));
    await store.transitionJob('job-bad', { status: 'running' });
    await expect(store.transitionJob('job-bad', { status: 'pending' })).rejects.toThrow(
      new StorePreconditionError('job job-bad cannot go from running to pending (allowed: running -> succeeded | failed | cancelling | cancelled)'),
    );
    await store.transitionJob('job-bad', { status: 'cancelling' });
    await store.transitionJob('job-bad', { status: 'cancelled' });
    await expect(store.transitionJob('job-bad', { status: 'running' })).rejects.toThrow('cannot go from cancelled to running (allowed: cancelled is terminal)');
    await expect(store.transitionJob('job-bad', { status: 'cancelled', result: { partial: true } })).rejects.toThrow(StorePreconditionError);
    await expect(store.transitionJob('missing', { status: 'running' })).rejects.toThrow(StoreNotFoundError);
  });

  it('requires an error exactly for failed, and a result only for terminal statuses', async () => {
    await store.createJob(sampleJob('job-fail'));
    await expect(store.transitionJob('job-fail', { status: 'failed' })).rejects.toThrow(InvalidStoreInputError);
    await expect(store.transitionJob('job-fail', { status: 'running', error: 'x' })).rejects.toThrow('transition.error is required for, and only for, status failed');
    await expect(store.transitionJob('job-fail', { status: 'running', result: {} })).rejects.toThrow('transition.result is only for terminal statuses');
    const failed = await store.transitionJob('job-fail', { status: 'failed', error: 'inference unavailable' });
    expect(failed).toMatchObject({ status: 'failed', error: 'inference unavailable' });
  });

  it('moves progress forward within a stage and starts afresh in a new stage', async () => {
    await store.createJob(sampleJob('job-prog', { kind: 'pipeline' }));
    await store.transitionJob('job-prog', { status: 'running' });
    await store.updateJobProgress('job-prog', { stage: 'synthesize', done: 5, total: 10, failed: 1 });
    await expect(store.updateJobProgress('job-prog', { stage: 'synthesize', done: 4, total: 10, failed: 1 })).rejects.toThrow(
      'job job-prog progress in stage synthesize cannot go back (done 5 -> 4, failed 1 -> 1)',
    );
    await expect(store.updateJobProgress('job-prog', { stage: 'synthesize', done: 10, total: 10, failed: 1 })).rejects.toThrow(
      'progress.done + progress.failed (11) exceeds progress.total (10)',
    );
    const judged = await store.updateJobProgress('job-prog', { stage: 'judge', done: 0, total: 40, failed: 0 });
    expect(judged.progress).toEqual({ stage: 'judge', done: 0, total: 40, failed: 0 });
    await store.transitionJob('job-prog', { status: 'succeeded' });
    await expect(store.updateJobProgress('job-prog', { stage: 'judge', done: 40, total: 40, failed: 0 })).rejects.toThrow(
      'job job-prog is succeeded; its progress no longer changes',
    );
  });

  it('links stage jobs to their pipeline and lists newest first with filters', async () => {
    const fresh = createTempStoreDir();
    try {
      const other = await fresh.open({ clock: steppingClock() });
      await other.createJob(sampleJob('p', { kind: 'pipeline' }));
      await other.createJob(sampleJob('p-synth', { parentJobId: 'p' }));
      await other.createJob(sampleJob('p-judge', { kind: 'judge', parentJobId: 'p' }));
      await expect(other.createJob(sampleJob('orphan', { parentJobId: 'none' }))).rejects.toThrow('parent job none does not exist');
      expect((await other.listJobs()).map((job) => job.id)).toEqual(['p-judge', 'p-synth', 'p']);
      expect((await other.listJobs({ parentJobId: 'p', kind: 'synthesize' })).map((job) => job.id)).toEqual(['p-synth']);
      expect(await other.listJobs({ status: 'running' })).toEqual([]);
    } finally {
      await fresh.cleanup();
    }
  });
});
