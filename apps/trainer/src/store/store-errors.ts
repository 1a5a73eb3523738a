import { status } from '@grpc/grpc-js';
import { GrpcStatusError } from '@swirl/grpc-kit';
import { StoreError } from '@swirl/store';

const CODES = { INVALID_ARGUMENT: status.INVALID_ARGUMENT, NOT_FOUND: status.NOT_FOUND, ALREADY_EXISTS: status.ALREADY_EXISTS, FAILED_PRECONDITION: status.FAILED_PRECONDITION } as const;

/** A store refusal as the gRPC status its `code` names; anything else unchanged. */
export function fromStoreError(error: unknown): unknown {
  return error instanceof StoreError ? new GrpcStatusError(CODES[error.code as keyof typeof CODES], error.message) : error;
}
