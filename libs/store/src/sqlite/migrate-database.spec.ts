import Database from 'better-sqlite3';
import { SchemaVersionError } from '../errors/schema-version-error';
import { createTempStoreDir } from '../testing/temp-store.test-support';
import { sampleStep, seedTrajectory } from '../testing/store-fixtures.test-support';
import { ALL_MIGRATIONS } from './migrations/all-migrations';
import type { Migration } from './migrations/migration';
import { openSqliteStore } from './open-sqlite-store';

function tables(path: string): string[] {
  const raw = new Database(path, { readonly: true });
  try {
    return (raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((row) => row.name);
  } finally {
    raw.close();
  }
}

describe('migrations', () => {
  let temp: ReturnType<typeof createTempStoreDir>;
  beforeEach(() => {
    temp = createTempStoreDir();
  });
  afterEach(() => temp.cleanup());

  it('upgrades a database written at migration 1, keeping its data', async () => {
    const old = await openSqliteStore({ path: temp.path, migrations: ALL_MIGRATIONS.slice(0, 1) });
    expect(old.migration).toEqual({ fromVersion: 0, toVersion: 1, applied: [1] });
    await seedTrajectory(old, { trajectoryId: 't-old' }, 2);
    const before = await old.getTrajectory('t-old');
    await old.close();
    expect(tables(temp.path)).not.toContain('step_verdicts');

    const current = await temp.open();
    expect(current.migration).toEqual({ fromVersion: 1, toVersion: 6, applied: [2, 3, 4, 5, 6] });
    expect(current.settings().schemaVersion).toBe(6);
    expect(await current.getTrajectory('t-old')).toEqual(before);
    // The new tables work with the old rows, and the old rows are now guarded.
    await current.appendStep(sampleStep('t-old', 2));
    await current.recordStepVerdicts([
      { step: { trajectoryId: 't-old', index: 0 }, judgeId: 'rules', judgeVersion: '1', label: 'GOOD', score: 1, rationale: '', votes: 1, goodVotes: 1 },
    ]);
    expect(tables(temp.path)).toEqual(
      expect.arrayContaining(['checkpoints', 'dataset_members', 'evaluation_results', 'evaluations', 'run_metrics', 'schema_migrations', 'step_verdicts', 'training_runs']),
    );
    await current.close();
    const raw = new Database(temp.path);
    try {
      expect(() => raw.prepare("UPDATE steps SET observation = 'x'").run()).toThrow('steps rows are append-only');
    } finally {
      raw.close();
    }
  });

  it('refuses a database newer than the code, without touching it', async () => {
    await (await temp.open()).close();
    const older = openSqliteStore({ path: temp.path, migrations: ALL_MIGRATIONS.slice(0, 5) });
    await expect(older).rejects.toThrow(SchemaVersionError);
    await expect(openSqliteStore({ path: temp.path, migrations: ALL_MIGRATIONS.slice(0, 5) })).rejects.toThrow(
      'database schema version 6 is newer than this code, which knows versions up to 5; open it with the swirl version that wrote it (or newer), or use another file',
    );
    expect((await temp.open()).migration.fromVersion).toBe(6);
  });

  it('refuses a database whose applied migrations differ from the code', async () => {
    await (await temp.open()).close();
    const edited: Migration[] = [...ALL_MIGRATIONS.slice(0, 5), { ...ALL_MIGRATIONS[5], sql: `${ALL_MIGRATIONS[5].sql}\n-- edited` }];
    await expect(openSqliteStore({ path: temp.path, migrations: edited })).rejects.toThrow(
      /database migration 6 is 'append-only-guards' \(checksum [0-9a-f]{12}\), but this code's is 'append-only-guards' \(checksum [0-9a-f]{12}\); the file was written by different code/,
    );
  });

  it('applies the missing migrations all or nothing', async () => {
    await (await temp.open({ migrations: ALL_MIGRATIONS.slice(0, 4) })).close();
    const broken: Migration = { version: 7, name: 'broken', sql: 'CREATE TABLE half_done (x INTEGER); SELECT * FROM no_such_table;' };
    // Matched by message: better-sqlite3's SqliteError belongs to whichever Jest realm loaded the
    // addon last, so `rejects.toThrow` may not recognise it as an Error.
    await expect(openSqliteStore({ path: temp.path, migrations: [...ALL_MIGRATIONS, broken] })).rejects.toHaveProperty(
      'message',
      'no such table: no_such_table',
    );
    expect(tables(temp.path)).not.toContain('half_done');
    expect(tables(temp.path)).not.toContain('evaluations');
    expect((await temp.open({ migrations: ALL_MIGRATIONS.slice(0, 4) })).migration).toEqual({ fromVersion: 4, toVersion: 4, applied: [] });
  });

  it('refuses a migration list with gaps', async () => {
    await expect(openSqliteStore({ path: temp.path, migrations: [ALL_MIGRATIONS[0], ALL_MIGRATIONS[2]] })).rejects.toThrow(
      'migration list is broken: position 2 holds version 3 (dataset-versions)',
    );
  });
});
