/**
 * The database file was written by other code than this: a newer schema, or migrations that do
 * not match this code's. Opening it could corrupt it, so the store refuses.
 */
export class SchemaVersionError extends Error {
  override readonly name = 'SchemaVersionError';
}
