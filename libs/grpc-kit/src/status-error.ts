import { Metadata, status, type ServiceError } from '@grpc/grpc-js';

/**
 * An error that carries the gRPC status a handler wants to return. Handlers throw it; the
 * handler adapters turn it into the call's status. Anything else thrown becomes INTERNAL.
 */
export class GrpcStatusError extends Error implements Partial<ServiceError> {
  override readonly name = 'GrpcStatusError';
  readonly metadata = new Metadata();
  constructor(
    readonly code: status,
    readonly details: string,
  ) {
    super(details);
  }
}

export const invalidArgument = (details: string) => new GrpcStatusError(status.INVALID_ARGUMENT, details);
export const notFound = (details: string) => new GrpcStatusError(status.NOT_FOUND, details);
export const resourceExhausted = (details: string) => new GrpcStatusError(status.RESOURCE_EXHAUSTED, details);
export const failedPrecondition = (details: string) => new GrpcStatusError(status.FAILED_PRECONDITION, details);
export const deadlineExceeded = (details: string) => new GrpcStatusError(status.DEADLINE_EXCEEDED, details);
export const unavailable = (details: string) => new GrpcStatusError(status.UNAVAILABLE, details);
export const alreadyExists = (details: string) => new GrpcStatusError(status.ALREADY_EXISTS, details);

export function isGrpcStatusError(e: unknown): e is GrpcStatusError {
  return e instanceof GrpcStatusError;
}
