import type { Database, Statement, Transaction } from 'better-sqlite3';

/**
 * What every table module shares: the connection, prepared statements (prepared on first use
 * and kept, since preparing costs more than running a small statement), the clock and the
 * transaction helpers.
 */
export class SqliteContext {
  private readonly statements = new Map<string, Statement>();
  /** One transaction wrapper for every call: building one per call cost ~15 us a step. */
  private readonly transaction: Transaction<(work: () => unknown) => unknown>;

  constructor(
    readonly db: Database,
    private readonly clock: () => Date,
  ) {
    this.transaction = db.transaction((work: () => unknown) => work());
  }

  /** Epoch milliseconds from the store's clock. */
  now(): number {
    return this.clock().getTime();
  }

  private statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  get<Row>(sql: string, ...params: unknown[]): Row | undefined {
    return this.statement(sql).get(...params) as Row | undefined;
  }

  all<Row>(sql: string, ...params: unknown[]): Row[] {
    return this.statement(sql).all(...params) as Row[];
  }

  run(sql: string, ...params: unknown[]): void {
    this.statement(sql).run(...params);
  }

  /**
   * A write transaction. BEGIN IMMEDIATE takes the write lock up front: a deferred transaction
   * that reads first and then writes can fail with SQLITE_BUSY when another process wrote in
   * between, which the busy timeout cannot wait out.
   */
  write<T>(work: () => T): T {
    return this.transaction.immediate(work) as T;
  }

  /** A read transaction: several statements see one snapshot even while other processes write. */
  read<T>(work: () => T): T {
    return this.transaction.deferred(work) as T;
  }
}

/** Builds `WHERE a = ? AND b = ?` from the conditions whose value is set. */
export function whereClause(conditions: ReadonlyArray<readonly [sql: string, value: unknown]>): { sql: string; params: unknown[] } {
  const active = conditions.filter(([, value]) => value !== undefined);
  return {
    sql: active.length ? `WHERE ${active.map(([sql]) => sql).join(' AND ')}` : '',
    params: active.map(([, value]) => value),
  };
}

/** Milliseconds to a Date, or undefined for NULL. */
export function optionalDate(ms: number | null): Date | undefined {
  return ms === null ? undefined : new Date(ms);
}

/** NULL to undefined, so absent optional fields are left out of returned records. */
export function optional<T>(value: T | null): T | undefined {
  return value === null ? undefined : value;
}
