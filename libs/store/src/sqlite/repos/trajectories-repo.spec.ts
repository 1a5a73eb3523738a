import { StoreConflictError, StoreNotFoundError, StorePreconditionError } from '../../errors/store-error';
import { createTempStoreDir, steppingClock } from '../../testing/temp-store.test-support';
import { sampleJob, sampleQuestion, sampleStep, sampleTrajectory, seedTrajectory } from '../../testing/store-fixtures.test-support';
import type { SqliteTrajectoryStore } from '../sqlite-trajectory-store';

describe('trajectories', () => {
  const temp = createTempStoreDir();
  let store: SqliteTrajectoryStore;

  beforeAll(async () => {
    store = await temp.open({ clock: steppingClock() });
    await store.upsertQuestions([sampleQuestion('q-1'), sampleQuestion('q-2')]);
    await store.createJob(sampleJob('job-1'));
  });
  afterAll(() => temp.cleanup());

  it('starts a running trajectory and round-trips every field', async () => {
    const input = sampleTrajectory('t-rt', 'job-1', 'q-1', { sampleIndex: 3, samplingSeed: 2 ** 53 - 1 });
    const started = await store.startTrajectory(input);
    expect(started).toEqual({ ...input, status: 'running', stepCount: 0, createdAt: expect.any(Date) });
    expect(await store.getTrajectory('t-rt')).toEqual({ ...started, steps: [] });
  });

  it('never starts a second trajectory for the same (job, question, sample)', async () => {
    const input = sampleTrajectory('t-dup', 'job-1', 'q-2', { sampleIndex: 0 });
    const first = await store.startTrajectory(input);
    expect(await store.startTrajectory(input)).toEqual(first);
    await expect(store.startTrajectory({ ...input, id: 't-dup-2' })).rejects.toThrow(
      new StoreConflictError('job job-1 already has trajectory t-dup (running) for question q-2 sample 0; resume that one instead of starting another'),
    );
    await expect(store.startTrajectory({ ...input, samplingSeed: 8 })).rejects.toThrow('trajectory t-dup already exists with a different definition');
  });

  it('needs an existing question and a job that is not over', async () => {
    await expect(store.startTrajectory(sampleTrajectory('t-x', 'job-1', 'q-missing'))).rejects.toThrow(
      new StoreNotFoundError('question q-missing does not exist; upsert it first'),
    );
    await expect(store.startTrajectory(sampleTrajectory('t-x', 'job-missing', 'q-1'))).rejects.toThrow('job job-missing does not exist');
    await store.createJob(sampleJob('job-over'));
    await store.transitionJob('job-over', { status: 'cancelled' });
    await expect(store.startTrajectory(sampleTrajectory('t-x', 'job-over', 'q-1'))).rejects.toThrow(StorePreconditionError);
  });

  it('ends with the status its finish reason implies, once', async () => {
    await seedTrajectory(store, { trajectoryId: 't-cap', jobId: 'job-1', questionId: 'q-1', sampleIndex: 10 }, 2);
    const ended = await store.finishTrajectory('t-cap', { finishReason: 'step_cap' });
    expect(ended).toMatchObject({ status: 'finished', finishReason: 'step_cap', stepCount: 2, finishedAt: expect.any(Date) });
    expect(await store.finishTrajectory('t-cap', { finishReason: 'step_cap' })).toEqual(ended);
    await expect(store.finishTrajectory('t-cap', { finishReason: 'cancelled' })).rejects.toThrow(
      new StorePreconditionError('trajectory t-cap already ended (step_cap); an ended trajectory does not change'),
    );

    await seedTrajectory(store, { trajectoryId: 't-err', jobId: 'job-1', questionId: 'q-1', sampleIndex: 11 }, 1);
    await expect(store.finishTrajectory('t-err', { finishReason: 'error' })).rejects.toThrow('end.error is required for, and only for, finish reason error');
    expect(await store.finishTrajectory('t-err', { finishReason: 'error', error: 'tools: UNAVAILABLE' })).toMatchObject({ status: 'failed', error: 'tools: UNAVAILABLE' });

    await seedTrajectory(store, { trajectoryId: 't-cancel', jobId: 'job-1', questionId: 'q-1', sampleIndex: 12 }, 0);
    expect((await store.finishTrajectory('t-cancel', { finishReason: 'cancelled' })).status).toBe('cancelled');
    await expect(store.finishTrajectory('t-none', { finishReason: 'cancelled' })).rejects.toThrow(StoreNotFoundError);
  });

  it('ends as answered only with the answer of its last stored step', async () => {
    await seedTrajectory(store, { trajectoryId: 't-ans', jobId: 'job-1', questionId: 'q-1', sampleIndex: 20 }, 1);
    await expect(store.finishTrajectory('t-ans', { finishReason: 'answered', finalAnswer: '24' })).rejects.toThrow(
      'trajectory t-ans cannot end as answered with "24": its last stored step is not that final answer',
    );
    await store.appendStep(sampleStep('t-ans', 1, { final: true }));
    await expect(store.finishTrajectory('t-ans', { finishReason: 'answered', finalAnswer: '25' })).rejects.toThrow(StorePreconditionError);
    await expect(store.finishTrajectory('t-ans', { finishReason: 'answered' })).rejects.toThrow('end.finalAnswer is required for, and only for, finish reason answered');
    const answered = await store.finishTrajectory('t-ans', { finishReason: 'answered', finalAnswer: '24' });
    expect(answered).toMatchObject({ status: 'finished', finalAnswer: '24', stepCount: 2 });
  });

  it('gives a resuming coordinator the running trajectories of a job with their steps in order', async () => {
    await store.createJob(sampleJob('job-resume'));
    await seedTrajectory(store, { trajectoryId: 'r-a', jobId: 'job-resume', questionId: 'q-1' }, 3);
    await seedTrajectory(store, { trajectoryId: 'r-b', jobId: 'job-resume', questionId: 'q-2' }, 0);
    await seedTrajectory(store, { trajectoryId: 'r-done', jobId: 'job-resume', questionId: 'q-1', sampleIndex: 1 }, 1);
    await store.finishTrajectory('r-done', { finishReason: 'malformed_action' });

    const unfinished = await store.listUnfinishedTrajectories('job-resume');
    expect(unfinished.map((t) => [t.id, t.steps.map((step) => step.index)])).toEqual([
      ['r-a', [0, 1, 2]],
      ['r-b', []],
    ]);
    expect(unfinished[0].steps[2].observation).toBe(sampleStep('r-a', 2).observation);
    await expect(store.listUnfinishedTrajectories('job-nope')).rejects.toThrow(StoreNotFoundError);

    expect((await store.listTrajectories({ jobId: 'job-resume' })).map((t) => t.id)).toEqual(['r-a', 'r-b', 'r-done']);
    expect((await store.listTrajectories({ jobId: 'job-resume', status: 'finished' })).map((t) => t.id)).toEqual(['r-done']);
    expect((await store.listTrajectories({ questionId: 'q-2', jobId: 'job-resume' })).map((t) => t.id)).toEqual(['r-b']);
    const firstPage = await store.listTrajectories({ jobId: 'job-resume', limit: 2 });
    expect(firstPage.map((t) => t.id)).toEqual(['r-a', 'r-b']);
    expect((await store.listTrajectories({ jobId: 'job-resume', limit: 2, after: 'r-b' })).map((t) => t.id)).toEqual(['r-done']);
    await expect(store.listTrajectories({ after: 'r-none' })).rejects.toThrow('trajectory r-none (query.after) does not exist');
  });
});
