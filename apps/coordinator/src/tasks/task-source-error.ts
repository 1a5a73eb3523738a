import { status } from '@grpc/grpc-js';
import { GrpcStatusError } from '@swirl/grpc-kit';

/**
 * Tasks could not be loaded for a reason the client can fix; the code is the gRPC status the
 * coordinator answers with (the data directory missing is FAILED_PRECONDITION, a missing split
 * or file NOT_FOUND, a malformed file or request INVALID_ARGUMENT).
 */
export class TaskSourceError extends GrpcStatusError {
  static notFound(details: string): TaskSourceError {
    return new TaskSourceError(status.NOT_FOUND, details);
  }
  static invalid(details: string): TaskSourceError {
    return new TaskSourceError(status.INVALID_ARGUMENT, details);
  }
  static precondition(details: string): TaskSourceError {
    return new TaskSourceError(status.FAILED_PRECONDITION, details);
  }
}
