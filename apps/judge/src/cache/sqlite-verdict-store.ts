import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/** One stored verdict: the encoded message and what it is about, for operators who inspect the file. */
export interface StoredVerdict {
  readonly key: string;
  readonly kind: 'step' | 'outcome';
  readonly judgeId: string;
  readonly judgeVersion: string;
  readonly payload: Uint8Array;
}

/** The persistent layer of the verdict cache: a SQLite file that outlives the process. */
export interface VerdictStore {
  get(key: string): Uint8Array | undefined;
  put(verdict: StoredVerdict): void;
  count(): number;
  close(): void;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS verdicts (
  key TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  judge_id TEXT NOT NULL,
  judge_version TEXT NOT NULL,
  payload BLOB NOT NULL,
  created_at INTEGER NOT NULL
)`;

/**
 * Opens (creating if needed) the verdict file. WAL mode lets readers and the writer work at
 * once; writes are single rows, so losing the last ones in a crash only costs re-judging them.
 */
export function openSqliteVerdictStore(path: string): VerdictStore {
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(SCHEMA);
  const select = db.prepare<[string], { payload: Buffer }>('SELECT payload FROM verdicts WHERE key = ?');
  const upsert = db.prepare('INSERT OR REPLACE INTO verdicts (key, kind, judge_id, judge_version, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM verdicts');
  return {
    get: (key) => select.get(key)?.payload,
    put: (v) => void upsert.run(v.key, v.kind, v.judgeId, v.judgeVersion, Buffer.from(v.payload), Date.now()),
    count: () => count.get()!.n,
    close: () => db.close(),
  };
}
