import { option, loadOptions, OptionSources, OptionValues, OptionError } from './option-spec';
import type { LogLevel } from '../logger';

/** Settings every service shares. Service-specific settings extend this spec. */
export const serverOptionSpec = {
  host: option<string>({ flag: 'host', env: 'SWIRL_HOST', type: 'string', default: '0.0.0.0', doc: 'interface the gRPC and metrics servers bind' }),
  grpcPort: option<number>({ flag: 'grpc-port', env: 'SWIRL_GRPC_PORT', type: 'int', default: 50051, doc: 'gRPC port (0 = any free port)' }),
  metricsPort: option<number>({ flag: 'metrics-port', env: 'SWIRL_METRICS_PORT', type: 'int', default: 9464, doc: 'Prometheus /metrics port (0 = any free port, -1 = off)' }),
  maxReceiveMessageBytes: option<number>({ flag: 'max-receive-message-bytes', env: 'SWIRL_MAX_RECEIVE_MESSAGE_BYTES', type: 'int', default: 16 * 1024 * 1024, doc: 'largest request message accepted' }),
  maxSendMessageBytes: option<number>({ flag: 'max-send-message-bytes', env: 'SWIRL_MAX_SEND_MESSAGE_BYTES', type: 'int', default: 16 * 1024 * 1024, doc: 'largest response message sent' }),
  authToken: option<string | undefined>({ flag: 'auth-token', env: 'SWIRL_AUTH_TOKEN', type: 'string', default: undefined, doc: 'if set, every call except health needs "authorization: Bearer <token>"' }),
  tlsCertFile: option<string | undefined>({ flag: 'tls-cert', env: 'SWIRL_TLS_CERT', type: 'string', default: undefined, doc: 'PEM certificate chain; with --tls-key turns TLS on' }),
  tlsKeyFile: option<string | undefined>({ flag: 'tls-key', env: 'SWIRL_TLS_KEY', type: 'string', default: undefined, doc: 'PEM private key' }),
  tlsClientCaFile: option<string | undefined>({ flag: 'tls-client-ca', env: 'SWIRL_TLS_CLIENT_CA', type: 'string', default: undefined, doc: 'PEM CA bundle; if set, clients must present a certificate it signed (mTLS)' }),
  drainDelayMs: option<number>({ flag: 'drain-delay-ms', env: 'SWIRL_DRAIN_DELAY_MS', type: 'int', default: 0, doc: 'on shutdown, time between NOT_SERVING and refusing new calls, so load balancers notice' }),
  shutdownGraceMs: option<number>({ flag: 'shutdown-grace-ms', env: 'SWIRL_SHUTDOWN_GRACE_MS', type: 'int', default: 10_000, doc: 'time in-flight calls get to finish before they are cancelled' }),
  logLevel: option<LogLevel>({ flag: 'log-level', env: 'SWIRL_LOG_LEVEL', type: 'string', default: 'info', doc: 'debug | info | warn | error' }),
};

export type ServerConfig = OptionValues<typeof serverOptionSpec>;

const LOG_LEVELS = new Set<string>(['debug', 'info', 'warn', 'error']);

/** Loads and validates the shared server settings (and `extra` service-specific ones). */
export function loadServerConfig<E extends typeof serverOptionSpec>(spec: E, sources: OptionSources): OptionValues<E> {
  const config = loadOptions(spec, sources);
  validateServerConfig(config);
  return config;
}

export function validateServerConfig(config: ServerConfig): void {
  const port = (name: string, value: number, allowOff: boolean) => {
    if (!Number.isInteger(value) || value > 65535 || value < (allowOff ? -1 : 0)) {
      throw new OptionError(`${name} must be a port number 0-65535${allowOff ? ' or -1 (off)' : ''}, got ${value}`);
    }
  };
  port('--grpc-port', config.grpcPort, false);
  port('--metrics-port', config.metricsPort, true);
  for (const [name, v] of [['--max-receive-message-bytes', config.maxReceiveMessageBytes], ['--max-send-message-bytes', config.maxSendMessageBytes]] as const) {
    if (v < 1024) throw new OptionError(`${name} must be at least 1024 bytes, got ${v}`);
  }
  if ((config.tlsCertFile === undefined) !== (config.tlsKeyFile === undefined)) {
    throw new OptionError('TLS needs both --tls-cert and --tls-key (or neither)');
  }
  if (config.tlsClientCaFile !== undefined && config.tlsCertFile === undefined) {
    throw new OptionError('--tls-client-ca needs --tls-cert and --tls-key');
  }
  if (!LOG_LEVELS.has(config.logLevel)) throw new OptionError(`--log-level must be one of ${[...LOG_LEVELS].join(', ')}, got '${config.logLevel}'`);
  if (config.authToken !== undefined && config.authToken.length < 16) {
    throw new OptionError('--auth-token must be at least 16 characters');
  }
}
