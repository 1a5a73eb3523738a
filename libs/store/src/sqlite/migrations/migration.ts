/**
 * One forward-only schema change. Versions start at 1 and have no gaps; a released migration is
 * never edited (the database records each applied migration's name and checksum and refuses to
 * open if they no longer match the code). Timestamps in every table are epoch milliseconds.
 */
export interface Migration {
  readonly version: number;
  /** Short kebab-case name, e.g. `core-tables`. */
  readonly name: string;
  /** SQL run inside the migration transaction. */
  readonly sql: string;
}
