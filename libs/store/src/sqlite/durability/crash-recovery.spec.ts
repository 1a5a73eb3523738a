import Database from 'better-sqlite3';
import { stepId } from '../../domain/step';
import { createTempStoreDir } from '../../testing/temp-store.test-support';
import { sampleStep } from '../../testing/store-fixtures.test-support';
import { spawnStepWriter } from '../../testing/spawn-step-writer.test-support';
import { toLogprobs, toTokenIds } from '../../rules/validate-token-arrays';

jest.setTimeout(60_000);

/** What the writer stored for a step, as it comes back from the store. */
function expectedStep(trajectoryId: string, index: number) {
  const step = sampleStep(trajectoryId, index);
  return {
    ...step,
    prefix: { ...step.prefix, tokenIds: toTokenIds('', step.prefix.tokenIds!) },
    actionTokenIds: toTokenIds('', step.actionTokenIds),
    actionLogprobs: toLogprobs('', step.actionLogprobs),
    createdAt: expect.any(Date),
  };
}

describe('a writer killed with SIGKILL mid-synthesis', () => {
  const temp = createTempStoreDir();
  afterAll(() => temp.cleanup());

  it('loses nothing it acknowledged, leaves no partial step, and the job resumes', async () => {
    const writer = spawnStepWriter({ db: temp.path, job: 'job-crash', questions: 5000, steps: 5 });
    await writer.waitForAcks(150);
    writer.kill('SIGKILL');
    const exit = await writer.exited;
    expect(exit.signal).toBe('SIGKILL');
    const acked = [...writer.acks];
    expect(acked.length).toBeGreaterThanOrEqual(150);

    // The first connection after the crash recovers the WAL; the file must check clean.
    const raw = new Database(temp.path);
    try {
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(raw.pragma('foreign_key_check')).toEqual([]);
    } finally {
      raw.close();
    }

    const store = await temp.open();
    const trajectories = await store.listTrajectories({ jobId: 'job-crash' });
    const stored: string[] = [];
    for (const summary of trajectories) {
      const trajectory = (await store.getTrajectory(summary.id))!;
      // No partial step: the step count matches the rows, indices have no gaps, every step is whole.
      expect(trajectory.steps.map((step) => step.index)).toEqual([...Array(trajectory.stepCount).keys()]);
      for (const step of trajectory.steps) {
        expect(step).toEqual(expectedStep(step.trajectoryId, step.index));
        stored.push(stepId(step));
      }
    }
    expect(stored).toEqual(expect.arrayContaining(acked));
    // At most the one step that committed before its ack line was written is extra.
    expect(stored.length - acked.length).toBeGreaterThanOrEqual(0);
    expect(stored.length - acked.length).toBeLessThanOrEqual(1);

    // A restarted coordinator finds the interrupted trajectory (if the kill fell inside one) and finishes it.
    const unfinished = await store.listUnfinishedTrajectories('job-crash');
    expect(unfinished.length).toBeLessThanOrEqual(1);
    for (const trajectory of unfinished) {
      for (let index = trajectory.steps.length; index < trajectory.maxSteps; index++) await store.appendStep(sampleStep(trajectory.id, index));
      await store.finishTrajectory(trajectory.id, { finishReason: 'step_cap' });
    }
    expect(await store.listUnfinishedTrajectories('job-crash')).toEqual([]);
  });
});
