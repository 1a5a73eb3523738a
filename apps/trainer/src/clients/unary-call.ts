import { Metadata, type CallOptions, type ClientUnaryCall, type ServiceError } from '@grpc/grpc-js';

/** The 4-argument overload every generated unary client method has. */
export type UnaryMethod<Req, Res> = (
  request: Req,
  metadata: Metadata,
  options: Partial<CallOptions>,
  callback: (error: ServiceError | null, response: Res) => void,
) => ClientUnaryCall;

export interface CallSettings {
  /** Deadline of the call in ms from now. */
  readonly timeoutMs: number;
  /** Cancels the call when aborted (run cancelled, trainer shutting down). */
  readonly signal?: AbortSignal;
}

/** A unary call as a promise, with a deadline and cancellation by AbortSignal. */
export function unaryCall<Req, Res>(method: UnaryMethod<Req, Res>, request: Req, settings: CallSettings): Promise<Res> {
  return new Promise<Res>((resolve, reject) => {
    const signal = settings.signal;
    if (signal?.aborted) {
      reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      return;
    }
    const onAbort = () => call.cancel();
    const call = method(request, new Metadata(), { deadline: Date.now() + settings.timeoutMs }, (error, response) => {
      signal?.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve(response);
    });
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
