import { InterceptingCall, Metadata, status, type Interceptor, type InterceptingListener, type StatusObject } from '@grpc/grpc-js';

export interface RetryOptions {
  /** Attempts in all, the first included. @default 4 */
  readonly maxAttempts?: number;
  /** Backoff before the second attempt; doubles each time, with full jitter. @default 100 */
  readonly initialBackoffMs?: number;
  /** Upper bound of one backoff. @default 2000 */
  readonly maxBackoffMs?: number;
  /** Codes that mean "the server did not act on it, try again". @default [UNAVAILABLE] */
  readonly retryableCodes?: readonly status[];
}

/**
 * Retries unary calls to idempotent methods only: a retried non-idempotent call could act twice.
 * A call is never retried past its deadline, and the caller sees only the last attempt.
 */
export function retryInterceptor(isIdempotent: (methodPath: string) => boolean, options: RetryOptions = {}): Interceptor {
  const maxAttempts = options.maxAttempts ?? 4;
  const initialBackoffMs = options.initialBackoffMs ?? 100;
  const maxBackoffMs = options.maxBackoffMs ?? 2000;
  const retryable = new Set<number>(options.retryableCodes ?? [status.UNAVAILABLE]);

  return (callOptions, nextCall) => {
    const def = callOptions.method_definition;
    if (def.requestStream || def.responseStream || !isIdempotent(def.path)) return new InterceptingCall(nextCall(callOptions));

    const deadlineMs = callOptions.deadline === undefined ? Infinity : new Date(callOptions.deadline as Date | number).getTime();
    let metadata: Metadata | undefined;
    let message: unknown;
    let cancelled = false;
    // The wrapped call is the first attempt; later attempts are fresh calls. (A placeholder call
    // that never starts would still arm grpc-js's deadline timer.)
    const first = nextCall(callOptions);
    let current = first;
    let listener: InterceptingListener | undefined;
    let backoffTimer: NodeJS.Timeout | undefined;

    const attempt = (n: number, call: typeof first) => {
      if (cancelled) return;
      current = call;
      let received: { md?: Metadata; msg?: unknown } = {};
      call.start(metadata!.clone(), {
        onReceiveMetadata: (m) => (received.md = m),
        onReceiveMessage: (m) => (received.msg = m),
        onReceiveStatus: (s: StatusObject) => {
          const backoff = Math.random() * Math.min(maxBackoffMs, initialBackoffMs * 2 ** (n - 1));
          if (!cancelled && retryable.has(s.code) && n < maxAttempts && Date.now() + backoff < deadlineMs) {
            received = {};
            backoffTimer = setTimeout(() => {
              backoffTimer = undefined;
              attempt(n + 1, nextCall(callOptions));
            }, backoff);
            return;
          }
          if (received.md !== undefined) listener!.onReceiveMetadata(received.md);
          if (received.msg !== undefined) listener!.onReceiveMessage(received.msg);
          listener!.onReceiveStatus(s);
        },
      });
      call.sendMessage(message);
      call.halfClose();
    };

    return new InterceptingCall(first, {
      start: (md, outer) => {
        metadata = md;
        listener = outer;
      },
      sendMessage: (msg) => {
        message = msg;
      },
      // The request is complete once the client half-closes: the first attempt starts here.
      halfClose: () => attempt(1, first),
      cancel: (next) => {
        cancelled = true;
        if (backoffTimer !== undefined) {
          // Between attempts no call is open to report the cancellation: report it here.
          clearTimeout(backoffTimer);
          listener?.onReceiveStatus({ code: status.CANCELLED, details: 'Cancelled on client', metadata: new Metadata() });
        } else if (current !== first) {
          current.cancelWithStatus(status.CANCELLED, 'Cancelled on client');
        }
        next();
      },
    });
  };
}

