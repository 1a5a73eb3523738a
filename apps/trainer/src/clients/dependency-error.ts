import { status } from '@grpc/grpc-js';
import { isGrpcStatusError, unavailable, type GrpcStatusError } from '@swirl/grpc-kit';

/** The gRPC code of an error from another service (UNKNOWN when it has none). */
export function codeOf(error: unknown): number {
  return (error as { code?: number }).code ?? status.UNKNOWN;
}

/**
 * What the trainer answers when a service it depends on fails while serving a request: the
 * caller cannot fix that request, so it gets UNAVAILABLE naming the service and its message.
 */
export function dependencyError(service: string, target: string, error: unknown): GrpcStatusError {
  if (isGrpcStatusError(error)) return error;
  const detail = (error as { details?: string }).details || (error as Error).message || String(error);
  return unavailable(`the ${service} service at ${target} failed: ${detail} (code ${status[codeOf(error)] ?? codeOf(error)})`);
}
