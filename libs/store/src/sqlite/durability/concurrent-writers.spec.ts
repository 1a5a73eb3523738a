import Database from 'better-sqlite3';
import { createTempStoreDir } from '../../testing/temp-store.test-support';
import { spawnStepWriter } from '../../testing/spawn-step-writer.test-support';

jest.setTimeout(120_000);

describe('two processes writing one store file', () => {
  const temp = createTempStoreDir();
  afterAll(() => temp.cleanup());

  it('both finish, nothing is lost or corrupted, and the shared rows are written once', async () => {
    // Both start on a file that does not exist yet: they also race to create and migrate it.
    const writers = [0, 1].map((sample) => spawnStepWriter({ db: temp.path, job: 'job-shared', sample, questions: 100, steps: 5, wait: true }));
    await Promise.all(writers.map((writer) => writer.ready));
    for (const writer of writers) writer.go();
    const exits = await Promise.all(writers.map((writer) => writer.exited));
    for (const exit of exits) expect(exit).toEqual({ code: 0, signal: null, stderr: '' });
    expect(writers.map((writer) => writer.acks.length)).toEqual([500, 500]);

    const raw = new Database(temp.path, { readonly: true });
    try {
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(raw.prepare('SELECT count(*) AS n FROM steps').get()).toEqual({ n: 1000 });
      expect(raw.prepare('SELECT count(*) AS n FROM questions').get()).toEqual({ n: 100 });
      // The writes really interleaved: in commit order, the writer changes many times.
      const order = raw.prepare('SELECT trajectory_id FROM steps ORDER BY id').pluck().all() as string[];
      const switches = order.filter((id, i) => i > 0 && id.endsWith('/s0') !== order[i - 1].endsWith('/s0')).length;
      expect(switches).toBeGreaterThan(2);
      expect(raw.prepare('SELECT count(*) AS n FROM jobs').get()).toEqual({ n: 1 });
      expect(raw.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: 6 });
    } finally {
      raw.close();
    }
    const store = await temp.open();
    const trajectories = await store.listTrajectories({ jobId: 'job-shared' });
    expect(trajectories).toHaveLength(200);
    expect(trajectories.every((trajectory) => trajectory.status === 'finished' && trajectory.stepCount === 5)).toBe(true);
    const stored = new Set<string>();
    for (const trajectory of trajectories) for (const step of (await store.getTrajectory(trajectory.id))!.steps) stored.add(`${step.trajectoryId}/${step.index}`);
    expect([...stored].sort()).toEqual([...writers[0].acks, ...writers[1].acks].sort());
  });
});
