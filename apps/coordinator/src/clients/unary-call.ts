import { Metadata, status, type CallOptions, type ClientUnaryCall, type ServiceError } from '@grpc/grpc-js';
import { GrpcStatusError } from '@swirl/grpc-kit';

/** The shape of a generated grpc-js unary method with its full overload. */
export type UnaryMethod<Req, Res> = (request: Req, metadata: Metadata, options: Partial<CallOptions>, callback: (err: ServiceError | null, res: Res) => void) => ClientUnaryCall;

export interface UnaryCallOptions {
  /** Aborting cancels the call on the wire (the server sees CANCELLED and stops its work). */
  readonly signal?: AbortSignal;
  /** Deadline of the call, relative. */
  readonly timeoutMs?: number;
}

/**
 * Calls a unary method as a promise that rejects with the gRPC ServiceError (code, details).
 * An aborted signal cancels the call at once, so a cancelled job releases its inference slots
 * and tool slots instead of waiting for them.
 */
export function unaryCall<Req, Res>(method: UnaryMethod<Req, Res>, request: Req, options: UnaryCallOptions = {}): Promise<Res> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(new GrpcStatusError(status.CANCELLED, 'cancelled before the call started'));
  return new Promise<Res>((resolve, reject) => {
    const callOptions: Partial<CallOptions> = options.timeoutMs === undefined ? {} : { deadline: Date.now() + options.timeoutMs };
    const onAbort = () => call.cancel();
    const call = method(request, new Metadata(), callOptions, (err, res) => {
      signal?.removeEventListener('abort', onAbort);
      if (err) reject(err);
      else resolve(res);
    });
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The gRPC status code of an error from a call, or undefined for other errors. */
export function grpcCode(err: unknown): status | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

/** A short description of a failed call for error messages: `CODE: details`. */
export function describeCallError(err: unknown): string {
  const code = grpcCode(err);
  const details = (err as { details?: unknown } | null)?.details;
  if (code !== undefined) return `${status[code] ?? code}: ${typeof details === 'string' && details !== '' ? details : (err as Error).message}`;
  return err instanceof Error ? err.message : String(err);
}
