import Database from 'better-sqlite3';
import { createTempStoreDir } from '../../testing/temp-store.test-support';
import { seedTrajectory } from '../../testing/store-fixtures.test-support';

/** Writes that bypass the store's code (a bug, a hand-written UPDATE) are refused by the database itself. */
describe('append-only guards', () => {
  const temp = createTempStoreDir();
  let raw: Database.Database;

  beforeAll(async () => {
    const store = await temp.open();
    await seedTrajectory(store, { trajectoryId: 't-run' }, 2);
    await seedTrajectory(store, { trajectoryId: 't-end', sampleIndex: 1 }, 1);
    await store.finishTrajectory('t-end', { finishReason: 'step_cap' });
    await store.createJob({ id: 'job-done', kind: 'judge', config: {} });
    await store.transitionJob('job-done', { status: 'cancelled' });
    await store.close();
    raw = new Database(temp.path);
  });
  afterAll(async () => {
    raw.close();
    await temp.cleanup();
  });

  it.each([
    ["UPDATE steps SET action_text = 'rewritten'", 'steps rows are append-only: they are never updated'],
    ['DELETE FROM steps', 'steps rows are append-only: they are never deleted'],
    ["UPDATE questions SET text = 'other'", 'questions rows are append-only'],
    ['DELETE FROM trajectories', 'trajectories rows are never deleted'],
    ["UPDATE trajectories SET question_id = 'q-2' WHERE id = 't-run'", 'trajectories keep their identity'],
    ['UPDATE trajectories SET step_count = 1 WHERE id = \'t-run\'', 'trajectories keep their identity'],
    ["UPDATE trajectories SET status = 'running' WHERE id = 't-end'", 'ended trajectories do not change'],
    ["UPDATE jobs SET config = '{}' WHERE id = 'job-1'", 'jobs keep their identity'],
    ["UPDATE jobs SET status = 'running' WHERE id = 'job-done'", 'terminal jobs do not change'],
  ])('refuses %s', (sql, message) => {
    expect(() => raw.prepare(sql).run()).toThrow(message);
  });

  it('lets status and progress move on rows that are still open', () => {
    expect(raw.prepare("UPDATE jobs SET progress_done = 1 WHERE id = 'job-1'").run().changes).toBe(1);
    expect(raw.prepare("UPDATE trajectories SET status = 'cancelled', finish_reason = 'cancelled' WHERE id = 't-run'").run().changes).toBe(1);
  });
});
