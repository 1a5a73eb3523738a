import { InvalidStoreInputError, StoreConflictError } from '../../errors/store-error';
import { createTempStoreDir, steppingClock } from '../../testing/temp-store.test-support';
import { sampleQuestion } from '../../testing/store-fixtures.test-support';
import type { SqliteTrajectoryStore } from '../sqlite-trajectory-store';

describe('questions', () => {
  const temp = createTempStoreDir();
  let store: SqliteTrajectoryStore;

  beforeAll(async () => {
    store = await temp.open({ clock: steppingClock() });
  });
  afterAll(() => temp.cleanup());

  it('round-trips every field', async () => {
    const question = sampleQuestion('hotpotqa/dev/5a8b', {
      source: 'hotpotqa',
      family: 'multihop',
      split: 'dev',
      goldAnswers: ['Chief of Protocol', 'chief of protocol of the US'],
      metadata: { type: 'bridge', level: 'hard', supporting: [{ title: 'Kiss and Tell', sentence: 0 }] },
    });
    expect(await store.upsertQuestions([question])).toEqual({ inserted: 1, unchanged: 0 });
    const stored = await store.getQuestion(question.id);
    expect(stored).toEqual({ ...question, createdAt: expect.any(Date) });
  });

  it('is idempotent for an identical payload, whatever the key order of its metadata', async () => {
    const question = sampleQuestion('gsm8k/train/1', { source: 'gsm8k', metadata: { a: 1, b: 2 } });
    await store.upsertQuestions([question]);
    const reordered = { ...question, metadata: { b: 2, a: 1 } };
    expect(await store.upsertQuestions([reordered, sampleQuestion('gsm8k/train/2', { source: 'gsm8k' })])).toEqual({ inserted: 1, unchanged: 1 });
  });

  it('refuses a changed payload for a stored id, and stores nothing of that batch', async () => {
    await store.upsertQuestions([sampleQuestion('world/train/q-9')]);
    const changed = sampleQuestion('world/train/q-9', { goldAnswers: ['25'] });
    const batch = [sampleQuestion('world/train/q-10'), changed];
    await expect(store.upsertQuestions(batch)).rejects.toThrow(StoreConflictError);
    await expect(store.upsertQuestions(batch)).rejects.toThrow('question world/train/q-9 is already stored with a different payload');
    expect(await store.getQuestion('world/train/q-10')).toBeUndefined();
    expect((await store.getQuestion('world/train/q-9'))?.goldAnswers).toEqual(['24']);
  });

  it('refuses two different payloads for one id within a batch', async () => {
    await expect(store.upsertQuestions([sampleQuestion('world/train/q-20'), sampleQuestion('world/train/q-20', { text: 'other' })])).rejects.toThrow(
      StoreConflictError,
    );
  });

  it('names the field that is wrong', async () => {
    await expect(store.upsertQuestions([sampleQuestion('ok-1'), sampleQuestion('bad', { source: 'wiki' as never })])).rejects.toThrow(
      new InvalidStoreInputError('questions[1].source must be one of world, gsm8k, hotpotqa, musique, jsonl, got "wiki"'),
    );
    await expect(store.upsertQuestions([sampleQuestion('has space')])).rejects.toThrow('questions[0].id must be 1..128 printable ASCII');
    await expect(store.upsertQuestions([sampleQuestion('q-nan', { metadata: { score: Number.NaN } })])).rejects.toThrow('questions[0].metadata.score is NaN');
  });

  it('lists by source, family and split, ordered by id', async () => {
    const fresh = createTempStoreDir();
    try {
      const other = await fresh.open();
      await other.upsertQuestions([
        sampleQuestion('m/2', { source: 'musique', family: 'multihop', split: 'dev' }),
        sampleQuestion('m/1', { source: 'musique', family: 'multihop', split: 'dev' }),
        sampleQuestion('m/3', { source: 'musique', family: 'multihop', split: 'train' }),
        sampleQuestion('w/1'),
      ]);
      expect((await other.listQuestions({ source: 'musique', split: 'dev' })).map((q) => q.id)).toEqual(['m/1', 'm/2']);
      expect((await other.listQuestions({ family: 'math' })).map((q) => q.id)).toEqual(['w/1']);
      expect(await other.listQuestions()).toHaveLength(4);
    } finally {
      await fresh.cleanup();
    }
  });
});
