import type { NewOutcomeVerdict, NewStepVerdict } from '../../domain/verdict';
import { InvalidStoreInputError, StoreConflictError, StoreNotFoundError } from '../../errors/store-error';
import { createTempStoreDir, steppingClock } from '../../testing/temp-store.test-support';
import { seedTrajectory } from '../../testing/store-fixtures.test-support';
import type { SqliteTrajectoryStore } from '../sqlite-trajectory-store';

function verdict(trajectoryId: string, index: number, overrides: Partial<NewStepVerdict> = {}): NewStepVerdict {
  return {
    step: { trajectoryId, index },
    judgeId: 'rules',
    judgeVersion: '3',
    label: 'GOOD',
    score: 1,
    rationale: 'the query uses a number from the question',
    votes: 1,
    goodVotes: 1,
    ...overrides,
  };
}

function outcome(trajectoryId: string, overrides: Partial<NewOutcomeVerdict> = {}): NewOutcomeVerdict {
  return {
    trajectoryId,
    graderId: 'NUMERIC',
    graderVersion: '2',
    correct: true,
    score: 1,
    rationale: 'numeric: 24 == 24.0',
    predictedAnswer: '24.0',
    details: { f1: 1, exactMatch: false, matchedGold: '24' },
    ...overrides,
  };
}

describe('verdicts', () => {
  const temp = createTempStoreDir();
  let store: SqliteTrajectoryStore;

  beforeAll(async () => {
    store = await temp.open({ clock: steppingClock() });
    await seedTrajectory(store, { trajectoryId: 'v-1' }, 2);
    await seedTrajectory(store, { trajectoryId: 'v-2', jobId: 'job-2' }, 1);
  });
  afterAll(() => temp.cleanup());

  it('round-trips step verdicts of several judges and versions on one step', async () => {
    const rules = verdict('v-1', 0);
    const llm = verdict('v-1', 0, { judgeId: 'llm', judgeVersion: 'p1+swirl-tiny@base', label: 'ABSTAIN', score: 0.5, votes: 4, goodVotes: 2, judgeModel: { name: 'swirl-tiny', version: 'base' } });
    const newer = verdict('v-1', 0, { judgeVersion: '4', label: 'BAD', score: 0 });
    expect(await store.recordStepVerdicts([rules, llm, newer, verdict('v-1', 1), verdict('v-2', 0)])).toEqual({ inserted: 5, unchanged: 0 });
    const onTrajectory = await store.listStepVerdicts({ trajectoryId: 'v-1' });
    expect(onTrajectory.map((v) => `${v.step.index}:${v.judgeId}@${v.judgeVersion}`)).toEqual(['0:llm@p1+swirl-tiny@base', '0:rules@3', '0:rules@4', '1:rules@3']);
    expect(onTrajectory[0]).toEqual({ ...llm, createdAt: expect.any(Date) });
    expect(onTrajectory[1]).toEqual({ ...rules, createdAt: expect.any(Date) });
    expect((await store.listStepVerdicts({ jobId: 'job-2' })).map((v) => v.step.trajectoryId)).toEqual(['v-2']);
    expect(await store.listStepVerdicts({ judge: { id: 'rules', version: '4' } })).toHaveLength(1);
  });

  it('skips an identical verdict and refuses a changed one for the same (step, judge, version)', async () => {
    expect(await store.recordStepVerdicts([verdict('v-1', 1)])).toEqual({ inserted: 0, unchanged: 1 });
    await expect(store.recordStepVerdicts([verdict('v-1', 1, { label: 'BAD', score: 0 })])).rejects.toThrow(
      new StoreConflictError('the verdict of rules@3 on step v-1/1 is already stored with a different content; verdicts are never replaced (use a new judge version)'),
    );
  });

  it('refuses verdicts on unknown steps and out-of-range values, storing nothing of the batch', async () => {
    await expect(store.recordStepVerdicts([verdict('v-2', 0, { judgeVersion: '9' }), verdict('v-2', 5, { judgeVersion: '9' })])).rejects.toThrow(
      new StoreNotFoundError('step v-2/5 does not exist'),
    );
    expect(await store.listStepVerdicts({ judge: { id: 'rules', version: '9' } })).toEqual([]);
    await expect(store.recordStepVerdicts([verdict('v-1', 0, { score: 1.5 })])).rejects.toThrow('verdicts[0].score must be in [0, 1], got 1.5');
    await expect(store.recordStepVerdicts([verdict('v-1', 0, { votes: 2, goodVotes: 3 })])).rejects.toThrow(InvalidStoreInputError);
    await expect(store.recordStepVerdicts([verdict('v-1', 0, { label: 'YES' as never })])).rejects.toThrow('verdicts[0].label must be one of GOOD, BAD, ABSTAIN');
  });

  it('round-trips outcome verdicts per trajectory and grader version, with the same rules', async () => {
    const first = outcome('v-1');
    const wrong = outcome('v-2', { correct: false, score: 0, predictedAnswer: '25', rationale: 'numeric: 25 != 24' });
    expect(await store.recordOutcomeVerdicts([first, wrong, outcome('v-1', { graderVersion: '3' })])).toEqual({ inserted: 3, unchanged: 0 });
    expect(await store.recordOutcomeVerdicts([first])).toEqual({ inserted: 0, unchanged: 1 });
    await expect(store.recordOutcomeVerdicts([outcome('v-1', { correct: false })])).rejects.toThrow(StoreConflictError);
    await expect(store.recordOutcomeVerdicts([outcome('v-none')])).rejects.toThrow('trajectory v-none does not exist');
    const listed = await store.listOutcomeVerdicts({ trajectoryId: 'v-1' });
    expect(listed).toEqual([
      { ...first, createdAt: expect.any(Date) },
      { ...outcome('v-1', { graderVersion: '3' }), createdAt: expect.any(Date) },
    ]);
    expect(await store.listOutcomeVerdicts({ jobId: 'job-2', judge: { id: 'NUMERIC', version: '2' } })).toEqual([{ ...wrong, createdAt: expect.any(Date) }]);
  });
});
