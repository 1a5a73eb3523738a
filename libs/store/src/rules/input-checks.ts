import { canonicalJson } from '../encoding/canonical-json';
import { InvalidStoreInputError } from '../errors/store-error';
import type { JsonObject } from '../domain/json-value';

/**
 * Small checks shared by the input validators. Each names the offending field, so the message
 * says what to fix; each throws InvalidStoreInputError.
 */

const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;

/** Resource ids: 1..128 printable ASCII characters without spaces (the proto's id rule). */
export function checkId(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 128 || !PRINTABLE_ASCII.test(value)) {
    throw new InvalidStoreInputError(`${field} must be 1..128 printable ASCII characters without spaces, got ${JSON.stringify(value)}`);
  }
  return value;
}

export function checkOptionalId(field: string, value: unknown): string | undefined {
  return value === undefined ? undefined : checkId(field, value);
}

export function checkString(field: string, value: unknown): string {
  if (typeof value !== 'string') throw new InvalidStoreInputError(`${field} must be a string, got ${typeof value}`);
  return value;
}

export function checkNonEmpty(field: string, value: unknown): string {
  if (checkString(field, value).length === 0) throw new InvalidStoreInputError(`${field} must not be empty`);
  return value as string;
}

export function checkOptionalString(field: string, value: unknown): string | undefined {
  return value === undefined ? undefined : checkString(field, value);
}

export function checkOneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) {
    throw new InvalidStoreInputError(`${field} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  }
  return value as T;
}

/** Integers up to 2^53 (SQLite INTEGER and JavaScript numbers agree there). */
export function checkCount(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new InvalidStoreInputError(`${field} must be a non-negative integer, got ${String(value)}`);
  }
  return value;
}

export function checkOptionalCount(field: string, value: unknown): number | undefined {
  return value === undefined ? undefined : checkCount(field, value);
}

export function checkFinite(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new InvalidStoreInputError(`${field} must be a finite number, got ${String(value)}`);
  return value;
}

export function checkDuration(field: string, value: unknown): number {
  if (checkFinite(field, value) < 0) throw new InvalidStoreInputError(`${field} must not be negative, got ${String(value)}`);
  return value as number;
}

export function checkFraction(field: string, value: unknown): number {
  const n = checkFinite(field, value);
  if (n < 0 || n > 1) throw new InvalidStoreInputError(`${field} must be in [0, 1], got ${n}`);
  return n;
}

export function checkBoolean(field: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new InvalidStoreInputError(`${field} must be true or false, got ${String(value)}`);
  return value;
}

export function checkDate(field: string, value: unknown): Date {
  // Tag check rather than instanceof, so a Date from another realm (vm context) is accepted too.
  if (Object.prototype.toString.call(value) !== '[object Date]' || Number.isNaN((value as Date).getTime())) {
    throw new InvalidStoreInputError(`${field} must be a valid Date`);
  }
  return value as Date;
}

/** A plain JSON object; returns its canonical JSON text (sorted keys), the form it is stored in. */
export function checkJsonObject(field: string, value: unknown): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidStoreInputError(`${field} must be a JSON object`);
  }
  return checkJson(field, value as JsonObject);
}

/** Any JSON value; returns its canonical JSON text. */
export function checkJson(field: string, value: unknown): string {
  try {
    return canonicalJson(value);
  } catch (error) {
    throw new InvalidStoreInputError((error as Error).message.replace(/^\$/, field));
  }
}

export function checkStringList(field: string, value: unknown): readonly string[] {
  if (!Array.isArray(value)) throw new InvalidStoreInputError(`${field} must be an array of strings`);
  value.forEach((item, i) => checkString(`${field}[${i}]`, item));
  return value as string[];
}

/** A name -> finite number map (metrics). */
export function checkNumberMap(field: string, value: unknown): Readonly<Record<string, number>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidStoreInputError(`${field} must be an object of numbers`);
  for (const [key, item] of Object.entries(value)) {
    if (key.length === 0) throw new InvalidStoreInputError(`${field} has an empty name`);
    checkFinite(`${field}.${key}`, item);
  }
  return value as Record<string, number>;
}
