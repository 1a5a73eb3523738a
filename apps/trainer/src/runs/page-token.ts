import { createHash } from 'node:crypto';
import { invalidArgument } from '@swirl/grpc-kit';

/**
 * Opaque page tokens of the List RPCs: the offset of the next page, bound to the request's
 * filters (common.proto: a token reused with other filters is INVALID_ARGUMENT).
 */
export function encodePageToken(offset: number, filters: string): string {
  return Buffer.from(JSON.stringify({ o: offset, f: digest(filters) })).toString('base64url');
}

/** The offset a token points at (0 for an empty token), or INVALID_ARGUMENT. */
export function decodePageToken(token: string, filters: string): number {
  if (token === '') return 0;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalidArgument('page_token is malformed; pass the next_page_token of a previous response, or empty for the first page');
  }
  const { o, f } = (parsed ?? {}) as { o?: unknown; f?: unknown };
  if (typeof o !== 'number' || !Number.isSafeInteger(o) || o < 0 || typeof f !== 'string') {
    throw invalidArgument('page_token is malformed; pass the next_page_token of a previous response, or empty for the first page');
  }
  if (f !== digest(filters)) throw invalidArgument('page_token belongs to a request with other filters; start again with an empty page_token');
  return o;
}

/** Page size after defaults: 0 means 50, larger than 500 is clamped to 500. */
export function pageSize(requested: number): number {
  return requested === 0 ? 50 : Math.min(requested, 500);
}

/** One page of `items` and the token of the next. */
export function page<T>(items: readonly T[], request: { pageSize: number; pageToken: string }, filters: string): { items: T[]; nextPageToken: string } {
  const offset = decodePageToken(request.pageToken, filters);
  const size = pageSize(request.pageSize);
  const end = offset + size;
  return { items: items.slice(offset, end), nextPageToken: end < items.length ? encodePageToken(end, filters) : '' };
}

function digest(filters: string): string {
  return createHash('sha256').update(filters).digest('base64url').slice(0, 16);
}
