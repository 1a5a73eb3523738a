import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { SchemaVersionError } from '../errors/schema-version-error';
import type { Migration } from './migrations/migration';

export interface MigrationReport {
  /** Schema version found in the file (0 for a new file). */
  readonly fromVersion: number;
  /** Schema version after opening: the last migration of the code. */
  readonly toVersion: number;
  /** Versions applied now, in order. */
  readonly applied: readonly number[];
}

interface AppliedMigration {
  version: number;
  name: string;
  checksum: string;
}

function checksum(migration: Migration): string {
  return createHash('sha256').update(migration.sql).digest('hex');
}

function checkSequence(migrations: readonly Migration[]): void {
  migrations.forEach((migration, i) => {
    if (migration.version !== i + 1) throw new Error(`migration list is broken: position ${i + 1} holds version ${migration.version} (${migration.name})`);
  });
}

/**
 * Brings the database to the code's schema: applies the missing migrations, all in one
 * IMMEDIATE transaction, so a crash leaves the old schema and two processes opening the same
 * file at once migrate it once. Refuses a file with migrations the code does not know, or whose
 * applied migrations differ from the code's (edited or from another branch).
 */
export function migrateDatabase(db: Database, migrations: readonly Migration[]): MigrationReport {
  checkSequence(migrations);
  const run = db.transaction((): MigrationReport => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT`);
    const applied = db.prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version').all() as AppliedMigration[];
    const fromVersion = applied.length === 0 ? 0 : applied[applied.length - 1].version;
    if (fromVersion > migrations.length) {
      throw new SchemaVersionError(
        `database schema version ${fromVersion} is newer than this code, which knows versions up to ${migrations.length}; ` +
          'open it with the swirl version that wrote it (or newer), or use another file',
      );
    }
    applied.forEach((row, i) => {
      const known = migrations[i];
      if (row.version !== i + 1) throw new SchemaVersionError(`database schema_migrations has a gap: version ${i + 1} is missing before ${row.version}`);
      if (row.name !== known.name || row.checksum !== checksum(known)) {
        throw new SchemaVersionError(
          `database migration ${row.version} is '${row.name}' (checksum ${row.checksum.slice(0, 12)}), but this code's is '${known.name}' ` +
            `(checksum ${checksum(known).slice(0, 12)}); the file was written by different code`,
        );
      }
    });
    const insert = db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
    const pending = migrations.slice(fromVersion);
    for (const migration of pending) {
      db.exec(migration.sql);
      insert.run(migration.version, migration.name, checksum(migration), Date.now());
    }
    return { fromVersion, toVersion: migrations.length, applied: pending.map((migration) => migration.version) };
  });
  return run.immediate();
}
