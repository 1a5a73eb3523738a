import { readFileSync } from 'node:fs';
import { TaskSourceError } from './task-source-error';

/** A JSON object from a task file, with where it came from for error messages. */
export type JsonRecord = Record<string, unknown>;

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw TaskSourceError.notFound(`task file ${file} does not exist`);
    throw TaskSourceError.precondition(`task file ${file} cannot be read: ${(err as Error).message}`);
  }
}

/** A whole-file JSON array of objects. */
export function readJsonArray(file: string): JsonRecord[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readText(file));
  } catch (err) {
    if (err instanceof TaskSourceError) throw err;
    throw TaskSourceError.invalid(`${file} is not valid JSON: ${(err as Error).message}`);
  }
  if (!Array.isArray(parsed)) throw TaskSourceError.invalid(`${file} must hold a JSON array of examples`);
  return parsed.map((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw TaskSourceError.invalid(`${file}: element ${i} is not an object`);
    return item as JsonRecord;
  });
}

/** One JSON object per non-blank line; `line` is 1-based. */
export function readJsonLines(file: string): { line: number; record: JsonRecord }[] {
  const out: { line: number; record: JsonRecord }[] = [];
  readText(file)
    .split('\n')
    .forEach((text, i) => {
      if (text.trim() === '') return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (err) {
        throw TaskSourceError.invalid(`${file} line ${i + 1} is not valid JSON: ${(err as Error).message}`);
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw TaskSourceError.invalid(`${file} line ${i + 1} is not a JSON object`);
      out.push({ line: i + 1, record: parsed as JsonRecord });
    });
  return out;
}

/** A required non-empty string field. */
export function stringField(record: JsonRecord, field: string, where: string): string {
  const value = record[field];
  if (typeof value !== 'string' || value.trim() === '') throw TaskSourceError.invalid(`${where}: "${field}" must be a non-empty string`);
  return value;
}
