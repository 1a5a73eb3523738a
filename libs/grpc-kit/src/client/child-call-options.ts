import { propagate, type CallOptions } from '@grpc/grpc-js';
import type { ServerCall } from '../server/server-call';

/**
 * Options for a call made while serving another: it inherits the parent's deadline (the
 * earlier of the two wins) and is cancelled when the parent is, so abandoned work stops
 * across every hop.
 */
export function childCallOptions(parent: ServerCall, extra: CallOptions = {}): CallOptions {
  return { ...extra, parent, propagate_flags: propagate.DEFAULTS };
}
