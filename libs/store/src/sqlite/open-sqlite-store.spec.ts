import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createTempStoreDir } from '../testing/temp-store.test-support';
import { seedTrajectory } from '../testing/store-fixtures.test-support';
import { openSqliteStore } from './open-sqlite-store';

describe('openSqliteStore', () => {
  const temp = createTempStoreDir();
  afterAll(() => temp.cleanup());

  it('creates the file and its directory, in WAL mode with foreign keys and a busy timeout', async () => {
    const path = join(temp.dir, 'nested', 'dir', 'store.db');
    const store = await openSqliteStore({ path, busyTimeoutMs: 1234 });
    try {
      expect(existsSync(path)).toBe(true);
      expect(store.path).toBe(path);
      expect(store.settings()).toEqual({ journalMode: 'wal', synchronous: 'normal', foreignKeys: true, busyTimeoutMs: 1234, schemaVersion: 6 });
      expect(store.migration).toEqual({ fromVersion: 0, toVersion: 6, applied: [1, 2, 3, 4, 5, 6] });
    } finally {
      await store.close();
    }
    const again = await openSqliteStore({ path, synchronous: 'full' });
    try {
      expect(again.migration).toEqual({ fromVersion: 6, toVersion: 6, applied: [] });
      expect(again.settings()).toMatchObject({ synchronous: 'full', busyTimeoutMs: 5000 });
    } finally {
      await again.close();
    }
  });

  it('keeps the WAL journal mode in the file for other connections', async () => {
    const store = await temp.open();
    await seedTrajectory(store, { trajectoryId: 't-wal' }, 1);
    const raw = new Database(temp.path, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(raw.prepare('SELECT count(*) AS n FROM steps').get()).toEqual({ n: 1 });
    } finally {
      raw.close();
    }
  });

  it('works in memory', async () => {
    const store = await openSqliteStore({ path: ':memory:' });
    await seedTrajectory(store, { trajectoryId: 't-mem' }, 2);
    expect((await store.getTrajectory('t-mem'))?.stepCount).toBe(2);
    await store.close();
    await expect(store.getJob('job-1')).rejects.toThrow('The database connection is not open');
  });

  it('refuses bad options with a message saying what to fix', async () => {
    await expect(openSqliteStore({ path: '' })).rejects.toThrow('path must name the database file');
    await expect(openSqliteStore({ path: ':memory:', busyTimeoutMs: -1 })).rejects.toThrow('busyTimeoutMs must be a non-negative integer, got -1');
    await expect(openSqliteStore({ path: ':memory:', synchronous: 'off' as never })).rejects.toThrow("synchronous must be 'normal' or 'full', got off");
  });
});
