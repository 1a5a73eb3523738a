import { timingSafeEqual } from 'node:crypto';
import { ServerInterceptingCall, status, type ServerInterceptor } from '@grpc/grpc-js';
import { splitMethodPath } from './method-labels';

export interface BearerAuthOptions {
  /** The shared secret clients send as `authorization: Bearer <token>`. */
  readonly token: string;
  /** Services reachable without a token. Health stays open so probes and load balancers work. */
  readonly exemptServices: ReadonlySet<string>;
}

/**
 * Rejects calls without the right bearer token with UNAUTHENTICATED before the handler runs.
 * The comparison is constant-time so the token cannot be guessed byte by byte.
 */
export function bearerAuthInterceptor(options: BearerAuthOptions): ServerInterceptor {
  const expected = Buffer.from(options.token, 'utf8');
  const valid = (header: unknown): boolean => {
    if (typeof header !== 'string') return false;
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    if (match === null) return false;
    const given = Buffer.from(match[1]!, 'utf8');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  return (methodDefinition, call) => {
    if (options.exemptServices.has(splitMethodPath(methodDefinition.path).service)) {
      return new ServerInterceptingCall(call);
    }
    return new ServerInterceptingCall(call, {
      start: (next) =>
        next({
          onReceiveMetadata: (metadata, nextMetadata) => {
            const header = metadata.get('authorization')[0];
            if (valid(header)) {
              nextMetadata(metadata);
              return;
            }
            call.sendStatus({
              code: status.UNAUTHENTICATED,
              details:
                header === undefined
                  ? 'missing credentials: send the metadata header "authorization: Bearer <token>"'
                  : 'invalid credentials: the bearer token in "authorization" is not accepted',
            });
          },
        }),
    });
  };
}
