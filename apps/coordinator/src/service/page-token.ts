import { createHash } from 'node:crypto';
import { invalidArgument } from '@swirl/grpc-kit';

/**
 * Opaque page tokens bound to the request's filters: base64url of the position plus a hash of
 * the filters, so a token reused with other filters, or tampered with, is refused.
 */
export interface PageCodec<P> {
  encode(position: P): string;
  /** undefined for an empty token (first page). */
  decode(token: string): P | undefined;
}

export function pageCodec<P>(rpc: string, filters: unknown, isPosition: (value: unknown) => value is P): PageCodec<P> {
  const key = createHash('sha256').update(`${rpc}\u0000${JSON.stringify(filters)}`).digest('base64url').slice(0, 16);
  return {
    encode: (position) => Buffer.from(JSON.stringify({ k: key, p: position })).toString('base64url'),
    decode(token) {
      if (token === '') return undefined;
      let parsed: { k?: unknown; p?: unknown };
      try {
        parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
      } catch {
        throw invalidArgument('page_token is malformed: pass the next_page_token of the previous response unchanged');
      }
      if (parsed?.k !== key) throw invalidArgument('page_token belongs to a request with other filters: repeat the filters of the request that returned it');
      if (!isPosition(parsed.p)) throw invalidArgument('page_token is malformed: pass the next_page_token of the previous response unchanged');
      return parsed.p;
    },
  };
}

/** Page size with 0 meaning `fallback` and larger values clamped to `max` (common.proto). */
export function pageSize(requested: number, fallback: number, max: number): number {
  return requested === 0 ? fallback : Math.min(requested, max);
}

export const isOffset = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
