import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../sqlite/open-sqlite-store';
import type { SqliteStoreOptions } from '../sqlite/sqlite-store-options';
import type { SqliteTrajectoryStore } from '../sqlite/sqlite-trajectory-store';

/** A fresh directory with a database path in it; `cleanup` closes every store opened through it. */
export function createTempStoreDir(prefix = 'swirl-store-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const path = join(dir, 'store.db');
  const opened: SqliteTrajectoryStore[] = [];
  return {
    dir,
    path,
    async open(options: Partial<SqliteStoreOptions> = {}): Promise<SqliteTrajectoryStore> {
      const store = await openSqliteStore({ path, ...options });
      opened.push(store);
      return store;
    },
    async cleanup(): Promise<void> {
      for (const store of opened) await store.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A clock that starts at a fixed instant and moves one second per reading. */
export function steppingClock(start = Date.UTC(2025, 0, 1)): () => Date {
  let now = start;
  return () => new Date((now += 1000));
}
