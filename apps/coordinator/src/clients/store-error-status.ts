import { status } from '@grpc/grpc-js';
import { GrpcStatusError } from '@swirl/grpc-kit';
import { StoreError } from '@swirl/store';

/**
 * The store names the gRPC status of its request errors (e.g. a task whose stored question
 * differs: ALREADY_EXISTS, since history is never rewritten); this answers with it.
 */
export function asGrpcStatus(err: unknown): unknown {
  if (!(err instanceof StoreError)) return err;
  return new GrpcStatusError(status[err.code], err.message);
}

/** Runs `fn`, turning store request errors into their gRPC status. */
export async function withStoreStatus<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw asGrpcStatus(err);
  }
}
