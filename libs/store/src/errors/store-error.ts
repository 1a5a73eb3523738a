/**
 * What went wrong, named after the gRPC status a service should answer with, so callers can map
 * store errors without parsing messages.
 */
export type StoreErrorCode = 'INVALID_ARGUMENT' | 'NOT_FOUND' | 'ALREADY_EXISTS' | 'FAILED_PRECONDITION';

/** Base class of every error the store reports about a request (not about the database itself). */
export abstract class StoreError extends Error {
  abstract readonly code: StoreErrorCode;
}

/** The input is malformed (missing field, out-of-range value, inconsistent lengths). */
export class InvalidStoreInputError extends StoreError {
  override readonly name = 'InvalidStoreInputError';
  readonly code = 'INVALID_ARGUMENT';
}

/** A referenced record (job, question, trajectory, step, dataset version, run ...) does not exist. */
export class StoreNotFoundError extends StoreError {
  override readonly name = 'StoreNotFoundError';
  readonly code = 'NOT_FOUND';
}

/**
 * A record with the same identity but different content already exists: history is never
 * rewritten, so the write is refused.
 */
export class StoreConflictError extends StoreError {
  override readonly name = 'StoreConflictError';
  readonly code = 'ALREADY_EXISTS';
}

/** The write is well-formed but the record's state forbids it (illegal transition, finished trajectory). */
export class StorePreconditionError extends StoreError {
  override readonly name = 'StorePreconditionError';
  readonly code = 'FAILED_PRECONDITION';
}
