import { ALL_MIGRATIONS } from './migrations/all-migrations';
import type { Migration } from './migrations/migration';

export interface SqliteStoreOptions {
  /** Database file; its directory is created when missing. `:memory:` gives a throw-away store. */
  path: string;
  /**
   * How long a write waits for another connection's write lock before failing with SQLITE_BUSY.
   * @default 5000
   */
  busyTimeoutMs?: number;
  /**
   * `normal`: in WAL mode a commit survives a crash of the process (kill -9) but the last
   * commits may be lost on power failure; `full`: fsync at every commit, survives power loss,
   * slower. Measured in tools/bench/store-throughput.
   * @default 'normal'
   */
  synchronous?: 'normal' | 'full';
  /**
   * Migrations to bring the file to. Only upgrade tests pass fewer (to write an old schema).
   * @default ALL_MIGRATIONS
   */
  migrations?: readonly Migration[];
  /**
   * Source of created/updated timestamps.
   * @default () => new Date()
   */
  clock?: () => Date;
}

export type SqliteStoreConfig = Readonly<Required<SqliteStoreOptions>>;

export function resolveSqliteStoreConfig(options: SqliteStoreOptions): SqliteStoreConfig {
  if (typeof options.path !== 'string' || options.path.length === 0) throw new RangeError('path must name the database file (or :memory:)');
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  if (!Number.isInteger(busyTimeoutMs) || busyTimeoutMs < 0) throw new RangeError(`busyTimeoutMs must be a non-negative integer, got ${busyTimeoutMs}`);
  const synchronous = options.synchronous ?? 'normal';
  if (synchronous !== 'normal' && synchronous !== 'full') throw new RangeError(`synchronous must be 'normal' or 'full', got ${String(synchronous)}`);
  return Object.freeze({
    path: options.path,
    busyTimeoutMs,
    synchronous,
    migrations: options.migrations ?? ALL_MIGRATIONS,
    clock: options.clock ?? (() => new Date()),
  });
}
