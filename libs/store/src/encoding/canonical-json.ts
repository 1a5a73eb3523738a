import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted and `undefined` properties left out, so equal content gives equal
 * text whatever the key order. Non-finite numbers have no JSON form and are refused.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalize(value, '$'));
}

function canonicalize(value: unknown, path: string): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`${path} is ${value}; JSON numbers must be finite`);
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((item, i) => {
      if (item === undefined) throw new TypeError(`${path}[${i}] is undefined; arrays cannot hold undefined in JSON`);
      return canonicalize(item, `${path}[${i}]`);
    });
  }
  if (typeof value === 'object' && isPlainObject(value)) {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value as object).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) sorted[key] = canonicalize(item, `${path}.${key}`);
    }
    return sorted;
  }
  throw new TypeError(`${path} is a ${describe(value)}; only plain JSON values (objects, arrays, strings, numbers, booleans, null) can be stored`);
}

/** An object literal or JSON.parse result, from any realm (a vm context has its own Object.prototype). */
function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

function describe(value: unknown): string {
  if (typeof value !== 'object' || value === null) return typeof value;
  return value.constructor?.name ?? 'object without prototype';
}

/** Hex SHA-256 of the canonical JSON of `value`: the identity of a stored record's content. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}
