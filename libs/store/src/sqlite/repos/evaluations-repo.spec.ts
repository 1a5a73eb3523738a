import type { NewEvaluation } from '../../domain/evaluation';
import { InvalidStoreInputError, StoreConflictError, StoreNotFoundError } from '../../errors/store-error';
import { createTempStoreDir, steppingClock } from '../../testing/temp-store.test-support';
import { sampleQuestion, seedTrajectory } from '../../testing/store-fixtures.test-support';
import type { SqliteTrajectoryStore } from '../sqlite-trajectory-store';

function evaluation(overrides: Partial<NewEvaluation> = {}): NewEvaluation {
  return {
    id: 'eval-1',
    jobId: 'eval-job',
    model: { name: 'swirl-tiny', version: 'base' },
    split: 'heldout',
    family: 'math',
    n: 3,
    correct: 2,
    accuracy: 2 / 3,
    ciLow: 0.13,
    ciHigh: 1,
    decodingMode: 'greedy',
    sampling: { temperature: 0 },
    grader: 'NUMERIC@2',
    metrics: { mean_f1: 0.7, answered_rate: 1 },
    results: [
      { questionId: 'q-a', trajectoryId: 'ev-a0', correct: true, score: 1 },
      { questionId: 'q-a', trajectoryId: 'ev-a1', correct: false, score: 0 },
      { questionId: 'q-b', trajectoryId: 'ev-b0', correct: true, score: 1 },
    ],
    ...overrides,
  };
}

describe('evaluations', () => {
  const temp = createTempStoreDir();
  let store: SqliteTrajectoryStore;

  beforeAll(async () => {
    store = await temp.open({ clock: steppingClock() });
    await store.upsertQuestions([sampleQuestion('q-a', { split: 'heldout' }), sampleQuestion('q-b', { split: 'heldout' })]);
    await seedTrajectory(store, { trajectoryId: 'ev-a0', jobId: 'eval-job', questionId: 'q-a' }, 1);
    await seedTrajectory(store, { trajectoryId: 'ev-a1', jobId: 'eval-job', questionId: 'q-a', sampleIndex: 1 }, 1);
    await seedTrajectory(store, { trajectoryId: 'ev-b0', jobId: 'eval-job', questionId: 'q-b' }, 1);
  });
  afterAll(() => temp.cleanup());

  it('round-trips an evaluation with its per-question results and is idempotent', async () => {
    const stored = await store.recordEvaluation(evaluation());
    expect(stored).toEqual({ ...evaluation(), createdAt: expect.any(Date) });
    expect(await store.getEvaluation('eval-1')).toEqual(stored);
    expect(await store.recordEvaluation(evaluation())).toEqual(stored);
    await expect(store.recordEvaluation(evaluation({ ciLow: 0.2 }))).rejects.toThrow(new StoreConflictError('evaluation eval-1 is already stored with different content'));
  });

  it('refuses counts that do not match the results, and results that do not match their trajectory', async () => {
    await expect(store.recordEvaluation(evaluation({ id: 'e-x', correct: 3, accuracy: 1 }))).rejects.toThrow(
      new InvalidStoreInputError('evaluation counts n=3 correct=3 do not match its results (3 graded, 2 correct)'),
    );
    await expect(store.recordEvaluation(evaluation({ id: 'e-x', accuracy: 0.5 }))).rejects.toThrow('evaluation.accuracy 0.5 is not correct / n');
    await expect(store.recordEvaluation(evaluation({ id: 'e-x', ciHigh: 0.6 }))).rejects.toThrow('evaluation needs ciLow <= accuracy <= ciHigh');
    const swapped = evaluation().results.map((result, i) => (i === 2 ? { ...result, questionId: 'q-a' } : result));
    await expect(store.recordEvaluation(evaluation({ id: 'e-x', results: swapped }))).rejects.toThrow('trajectory ev-b0 answers question q-b, not q-a');
    const missing = evaluation().results.map((result, i) => (i === 2 ? { ...result, trajectoryId: 'ev-none' } : result));
    await expect(store.recordEvaluation(evaluation({ id: 'e-x', results: missing }))).rejects.toThrow(StoreNotFoundError);
    const twice = [evaluation().results[0], evaluation().results[0], evaluation().results[2]];
    await expect(store.recordEvaluation(evaluation({ id: 'e-x', results: twice }))).rejects.toThrow('evaluation.results lists a trajectory twice');
    expect(await store.getEvaluation('e-x')).toBeUndefined();
  });

  it('lists by job, model and family, oldest first', async () => {
    await store.recordEvaluation(
      evaluation({ id: 'eval-2', model: { name: 'swirl-tiny', version: 'run-1/update-50' }, decodingMode: 'sampled', sampling: { temperature: 1, seed: 3 } }),
    );
    expect((await store.listEvaluations({ jobId: 'eval-job' })).map((e) => e.id)).toEqual(['eval-1', 'eval-2']);
    expect(await store.listEvaluations({ family: 'multihop' })).toEqual([]);
    expect((await store.listEvaluations({ modelName: 'swirl-tiny' })).map((e) => e.model.version)).toEqual(['base', 'run-1/update-50']);
  });
});
