import type { DatasetExample } from '../../domain/dataset-version';
import { StoreNotFoundError } from '../../errors/store-error';
import { createTempStoreDir, steppingClock } from '../../testing/temp-store.test-support';
import { sampleQuestion, sampleStep, seedTrajectory } from '../../testing/store-fixtures.test-support';
import type { SqliteTrajectoryStore } from '../sqlite-trajectory-store';

describe('dataset examples with lineage', () => {
  const temp = createTempStoreDir();
  let store: SqliteTrajectoryStore;

  beforeAll(async () => {
    store = await temp.open({ clock: steppingClock() });
    await store.upsertQuestions([sampleQuestion('hp/1', { source: 'hotpotqa', family: 'multihop', split: 'dev', goldAnswers: ['Paris'] })]);
    await seedTrajectory(store, { trajectoryId: 'e-math-a' }, 2);
    await store.appendStep(sampleStep('e-math-a', 2, { final: true }));
    await store.finishTrajectory('e-math-a', { finishReason: 'answered', finalAnswer: '24' });
    await seedTrajectory(store, { trajectoryId: 'e-math-b', sampleIndex: 1 }, 3);
    await seedTrajectory(store, { trajectoryId: 'e-hop', questionId: 'hp/1' }, 2);
    await store.recordStepVerdicts(
      [0, 1, 2].map((index) => ({
        step: { trajectoryId: 'e-math-a', index },
        judgeId: 'rules',
        judgeVersion: '3',
        label: 'GOOD' as const,
        score: 1,
        rationale: `rule ${index}`,
        votes: 1,
        goodVotes: 1,
      })),
    );
    const members = [
      ...[0, 1, 2].map((index) => ({ trajectoryId: 'e-math-a', index })),
      ...[0, 1, 2].map((index) => ({ trajectoryId: 'e-math-b', index })),
      ...[0, 1].map((index) => ({ trajectoryId: 'e-hop', index })),
    ];
    await store.createDatasetVersion({
      id: 'ds-lineage',
      name: 'lineage',
      filterStrategy: 'process',
      judge: { id: 'rules', version: '3' },
      sourceJobIds: ['job-1'],
      sourceTrajectoryIds: [],
      stats: {},
      members,
      rejections: [],
    });
  });
  afterAll(() => temp.cleanup());

  async function collect(iterable: AsyncIterable<DatasetExample>): Promise<DatasetExample[]> {
    const examples: DatasetExample[] = [];
    for await (const example of iterable) examples.push(example);
    return examples;
  }

  it('streams every example in (trajectory id, index) order across pages', async () => {
    const examples = await collect(store.streamDatasetExamples('ds-lineage', { limit: 3 }));
    expect(examples.map((example) => example.exampleId)).toEqual([
      'e-hop/0',
      'e-hop/1',
      'e-math-a/0',
      'e-math-a/1',
      'e-math-a/2',
      'e-math-b/0',
      'e-math-b/1',
      'e-math-b/2',
    ]);
  });

  it('traces each example to its step, trajectory, question and model version, with the state rebuilt', async () => {
    const page = await store.listDatasetExamples('ds-lineage', { after: { trajectoryId: 'e-math-a', index: 1 }, limit: 1 });
    expect(page.next).toEqual({ trajectoryId: 'e-math-a', index: 2 });
    const [example] = page.examples;
    const stored = (await store.getTrajectory('e-math-a'))!;
    expect(example.step).toEqual(stored.steps[2]);
    expect(example.step.model).toEqual({ name: 'swirl-tiny', version: 'base' });
    expect(example.trajectory).toMatchObject({ id: 'e-math-a', jobId: 'job-1', questionId: 'world/train/q-1', status: 'finished', finalAnswer: '24' });
    expect(example.question).toMatchObject({ id: 'world/train/q-1', family: 'math', goldAnswers: ['24'] });
    expect(example.verdict).toMatchObject({ judgeId: 'rules', judgeVersion: '3', label: 'GOOD', rationale: 'rule 2' });
    expect(example.state).toEqual([
      ...stored.prompt,
      { role: 'assistant', content: stored.steps[0].action.text },
      { role: 'user', content: stored.steps[0].observation },
      { role: 'assistant', content: stored.steps[1].action.text },
      { role: 'user', content: stored.steps[1].observation },
    ]);
    const unjudged = await store.listDatasetExamples('ds-lineage', { limit: 1 });
    expect(unjudged.examples[0].verdict).toBeUndefined();
  });

  it('filters by task family and counts', async () => {
    expect(await store.countDatasetExamples('ds-lineage', { family: 'multihop' })).toBe(2);
    const page = await store.listDatasetExamples('ds-lineage', { family: 'multihop', limit: 2 });
    expect(page.examples.map((example) => `${example.exampleId}:${example.question.source}`)).toEqual(['e-hop/0:hotpotqa', 'e-hop/1:hotpotqa']);
    expect(page.next).toBeUndefined();
    expect((await collect(store.streamDatasetExamples('ds-lineage', { family: 'math' }))).length).toBe(6);
  });

  it('refuses unknown datasets and bad page sizes', async () => {
    await expect(store.listDatasetExamples('ds-none')).rejects.toThrow(new StoreNotFoundError('dataset version ds-none does not exist'));
    await expect(store.countDatasetExamples('ds-none')).rejects.toThrow(StoreNotFoundError);
    await expect(store.listDatasetExamples('ds-lineage', { limit: 0 })).rejects.toThrow('query.limit must be in 1..10000, got 0');
    await expect(collect(store.streamDatasetExamples('ds-none'))).rejects.toThrow(StoreNotFoundError);
  });
});
