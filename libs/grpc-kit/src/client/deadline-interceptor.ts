import { InterceptingCall, type Interceptor } from '@grpc/grpc-js';

/**
 * Gives every call a deadline: a call without one could wait forever on a stuck server.
 * An explicit deadline (or a parent call's, which grpc-js folds in with `min`) wins.
 */
export function defaultDeadlineInterceptor(defaultTimeoutMs: number): Interceptor {
  return (options, nextCall) => {
    if (options.deadline === undefined) options = { ...options, deadline: Date.now() + defaultTimeoutMs };
    return new InterceptingCall(nextCall(options));
  };
}
