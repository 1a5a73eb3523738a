import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrateDatabase } from './migrate-database';
import { resolveSqliteStoreConfig, type SqliteStoreOptions } from './sqlite-store-options';
import { SqliteTrajectoryStore } from './sqlite-trajectory-store';

/**
 * Opens (creating if needed) a SQLite trajectory store: WAL journal (readers never block the
 * writer, and a commit is one append to the log), foreign keys on, a busy timeout for other
 * connections' locks, then the missing migrations. Rejects with SchemaVersionError for a file
 * written by newer or different code.
 */
export async function openSqliteStore(options: SqliteStoreOptions): Promise<SqliteTrajectoryStore> {
  const config = resolveSqliteStoreConfig(options);
  if (config.path !== ':memory:') mkdirSync(dirname(config.path), { recursive: true });
  const db = new Database(config.path, { timeout: config.busyTimeoutMs });
  try {
    db.pragma(`busy_timeout = ${config.busyTimeoutMs}`);
    if (config.path !== ':memory:') {
      const mode = db.pragma('journal_mode = WAL', { simple: true });
      if (mode !== 'wal') throw new Error(`could not switch ${config.path} to WAL journal mode (got ${String(mode)})`);
    }
    db.pragma(`synchronous = ${config.synchronous.toUpperCase()}`);
    db.pragma('foreign_keys = ON');
    const migration = migrateDatabase(db, config.migrations);
    return new SqliteTrajectoryStore(db, config.clock, migration);
  } catch (error) {
    db.close();
    throw error;
  }
}
