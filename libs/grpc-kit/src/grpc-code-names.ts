import { status } from '@grpc/grpc-js';

/**
 * Go-style names of gRPC status codes, as the standard `grpc_code` label of
 * grpc_server_handled_total uses them (dashboards and alert rules match on these strings).
 * An explicit table: enum reverse-mapping would give `DEADLINE_EXCEEDED`, not `DeadlineExceeded`.
 */
const NAMES: ReadonlyMap<number, string> = new Map([
  [status.OK, 'OK'],
  [status.CANCELLED, 'Canceled'],
  [status.UNKNOWN, 'Unknown'],
  [status.INVALID_ARGUMENT, 'InvalidArgument'],
  [status.DEADLINE_EXCEEDED, 'DeadlineExceeded'],
  [status.NOT_FOUND, 'NotFound'],
  [status.ALREADY_EXISTS, 'AlreadyExists'],
  [status.PERMISSION_DENIED, 'PermissionDenied'],
  [status.RESOURCE_EXHAUSTED, 'ResourceExhausted'],
  [status.FAILED_PRECONDITION, 'FailedPrecondition'],
  [status.ABORTED, 'Aborted'],
  [status.OUT_OF_RANGE, 'OutOfRange'],
  [status.UNIMPLEMENTED, 'Unimplemented'],
  [status.INTERNAL, 'Internal'],
  [status.UNAVAILABLE, 'Unavailable'],
  [status.DATA_LOSS, 'DataLoss'],
  [status.UNAUTHENTICATED, 'Unauthenticated'],
]);

export function grpcCodeName(code: number): string {
  return NAMES.get(code) ?? 'Unknown';
}
