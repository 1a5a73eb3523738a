import { InterceptingCall, status, type Interceptor, type Metadata, type StatusObject } from '@grpc/grpc-js';

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
    let current: ReturnType<typeof nextCall> | undefined;
    let cancelled = false;
    let startFirstAttempt: () => void = () => undefined;

    return new InterceptingCall(nextCall(callOptions), {
      start: (md, listener) => {
        metadata = md;
        const attempt = (n: number) => {
          if (cancelled) return;
          let received: { md?: Metadata; msg?: unknown } = {};
          const call = nextCall(callOptions);
          current = call;
          call.start(metadata!.clone(), {
            onReceiveMetadata: (m) => (received.md = m),
            onReceiveMessage: (m) => (received.msg = m),
            onReceiveStatus: (s: StatusObject) => {
              const backoff = Math.random() * Math.min(maxBackoffMs, initialBackoffMs * 2 ** (n - 1));
              if (!cancelled && retryable.has(s.code) && n < maxAttempts && Date.now() + backoff < deadlineMs) {
                received = {};
                setTimeout(() => attempt(n + 1), backoff);
                return;
              }
              if (received.md !== undefined) listener.onReceiveMetadata(received.md);
              if (received.msg !== undefined) listener.onReceiveMessage(received.msg);
              listener.onReceiveStatus(s);
            },
          });
          call.sendMessage(message);
          call.halfClose();
        };
        // The request message arrives after start; the first attempt begins at halfClose.
        startFirstAttempt = () => attempt(1);
      },
      sendMessage: (msg) => {
        message = msg;
      },
      halfClose: () => startFirstAttempt(),
      cancel: (next) => {
        cancelled = true;
        current?.cancelWithStatus(status.CANCELLED, 'Cancelled on client');
        next();
      },
    });
  };
}

