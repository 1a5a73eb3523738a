import { CorpusFormatError } from './corpus-source-error';

/**
 * Small checks for parsed JSON. Each names the file and the JSON path of the offending value,
 * so a bad record in a 2 MB file can be found without a debugger.
 */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)?.slice(0, 40)}`;
}

export function expectArray(value: unknown, file: string, location: string): unknown[] {
  if (!Array.isArray(value)) throw new CorpusFormatError(file, location || 'top level', `expected an array, got ${describe(value)}`);
  return value;
}

export function expectObject(value: unknown, file: string, location: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CorpusFormatError(file, location || 'top level', `expected an object, got ${describe(value)}`);
  }
  return value as Record<string, unknown>;
}

export function expectString(value: unknown, file: string, location: string): string {
  if (typeof value !== 'string') throw new CorpusFormatError(file, location, `expected a string, got ${describe(value)}`);
  return value;
}

/** A string field of `record` that must be present and, unless `allowEmpty`, not blank. */
export function expectStringField(
  record: Record<string, unknown>,
  field: string,
  file: string,
  location: string,
  { allowEmpty = false } = {},
): string {
  const where = `${location}.${field}`;
  if (!(field in record)) throw new CorpusFormatError(file, where, 'missing field');
  const value = expectString(record[field], file, where);
  if (!allowEmpty && value.trim().length === 0) throw new CorpusFormatError(file, where, 'must not be empty');
  return value;
}
