import { readFileSync } from 'node:fs';
import { credentials, type ChannelOptions, type Client, type Interceptor, type ChannelCredentials } from '@grpc/grpc-js';
import { bearerTokenInterceptor } from './bearer-token-interceptor';
import { defaultDeadlineInterceptor } from './deadline-interceptor';
import { retryInterceptor, type RetryOptions } from './retry-interceptor';

export interface ClientOptions {
  /**
   * gRPC target: `host:port`, `dns:///name.namespace.svc:50051` (every address behind a headless
   * Service, balanced round-robin), `ipv4:127.0.0.1:1,127.0.0.2:1`, ...
   */
  readonly target: string;
  /** Deadline of calls that set none. @default 30000 */
  readonly defaultTimeoutMs?: number;
  /** Method paths that may be retried (see idempotentMethodsFromDescriptorSet). @default none */
  readonly idempotentMethods?: ReadonlySet<string>;
  /** Retry tuning for idempotent methods. */
  readonly retry?: RetryOptions;
  /** Sent as `authorization: Bearer <token>` when set. @default unset */
  readonly authToken?: string;
  /** TLS: PEM CA bundle to trust (switches TLS on); client cert + key for mTLS. @default plaintext */
  readonly tls?: { readonly caFile?: string; readonly certFile?: string; readonly keyFile?: string; readonly serverNameOverride?: string };
  /** Keepalive ping interval on idle connections, so dead peers are noticed. @default 30000 */
  readonly keepaliveTimeMs?: number;
  /** Largest message in either direction. @default 16 MiB */
  readonly maxMessageBytes?: number;
  /** Extra channel options, applied last. */
  readonly channelOptions?: ChannelOptions;
}

type ClientConstructor<C extends Client> = new (address: string, creds: ChannelCredentials, options?: ChannelOptions) => C;

/**
 * Builds a client for a generated service with the kit's policy: a default deadline, retries of
 * idempotent unary calls on UNAVAILABLE, bearer token, keepalive and round-robin balancing over
 * every resolved address. Interceptors run outermost first: token, then deadline, then retry,
 * so every attempt carries both.
 */
export function createClient<C extends Client>(Ctor: ClientConstructor<C>, options: ClientOptions): C {
  const interceptors: Interceptor[] = [];
  if (options.authToken !== undefined) interceptors.push(bearerTokenInterceptor(options.authToken));
  interceptors.push(defaultDeadlineInterceptor(options.defaultTimeoutMs ?? 30_000));
  const idempotent = options.idempotentMethods ?? new Set<string>();
  interceptors.push(retryInterceptor((path) => idempotent.has(path), options.retry));

  const maxBytes = options.maxMessageBytes ?? 16 * 1024 * 1024;
  const channelOptions: ChannelOptions = {
    'grpc.service_config': JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }] }),
    'grpc.keepalive_time_ms': options.keepaliveTimeMs ?? 30_000,
    'grpc.keepalive_timeout_ms': 10_000,
    'grpc.keepalive_permit_without_calls': 1,
    'grpc.max_receive_message_length': maxBytes,
    'grpc.max_send_message_length': maxBytes,
    ...(options.tls?.serverNameOverride === undefined ? {} : { 'grpc.ssl_target_name_override': options.tls.serverNameOverride }),
    ...options.channelOptions,
    interceptors,
  };
  return new Ctor(options.target, channelCredentials(options.tls), channelOptions);
}

function channelCredentials(tls: ClientOptions['tls']): ChannelCredentials {
  if (tls === undefined) return credentials.createInsecure();
  const read = (f: string | undefined) => (f === undefined ? null : readFileSync(f));
  return credentials.createSsl(read(tls.caFile), read(tls.keyFile), read(tls.certFile));
}
