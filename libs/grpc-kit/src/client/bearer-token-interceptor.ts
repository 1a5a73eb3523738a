import { InterceptingCall, type Interceptor } from '@grpc/grpc-js';

/**
 * Adds `authorization: Bearer <token>` to every call. Metadata rather than call credentials,
 * because grpc-js refuses call credentials on plaintext channels and the local stack runs without TLS.
 */
export function bearerTokenInterceptor(token: string): Interceptor {
  return (options, nextCall) =>
    new InterceptingCall(nextCall(options), {
      start: (metadata, listener, next) => {
        metadata.set('authorization', `Bearer ${token}`);
        next(metadata, listener);
      },
    });
}
