import { readFileSync } from 'node:fs';
import type { ClientOptions } from '../client/create-client';
import { option, OptionError, type OptionValues } from './option-spec';
import type { ServerConfig } from './server-options';

/**
 * TLS of a process's outgoing calls, composed into the settings of every app that calls other
 * services (and the CLI). The CA switches TLS on; the client certificate is the process's own
 * `--tls-cert`/`--tls-key`, so one Secret per deployment serves both directions and servers
 * that require client certificates (`--tls-client-ca`, mTLS) accept the calls.
 */
export const clientTlsOptionSpec = {
  tlsCaFile: option<string | undefined>({
    flag: 'tls-ca',
    env: 'SWIRL_TLS_CA',
    type: 'string',
    default: undefined,
    doc: "PEM CA bundle the service's outgoing calls trust; set: calls to other services use TLS (and present --tls-cert/--tls-key, when set, as the client certificate for mTLS)",
  }),
  tlsServerName: option<string | undefined>({
    flag: 'tls-server-name',
    env: 'SWIRL_TLS_SERVER_NAME',
    type: 'string',
    default: undefined,
    doc: "name the other services' certificates must carry, instead of each target's host (with --tls-ca)",
  }),
};

/** What the client side needs: its own CA and name settings, plus the process's certificate and key. */
export type ClientTlsConfig = OptionValues<typeof clientTlsOptionSpec> & Pick<ServerConfig, 'tlsCertFile' | 'tlsKeyFile'>;

const PEM_CERTIFICATE = '-----BEGIN CERTIFICATE-----';

/**
 * Checks the client TLS settings at start-up, reading the files, so a bad path stops the process
 * with one clear `invalid settings` line instead of failing every call later. Throws OptionError.
 */
export function validateClientTlsConfig(config: ClientTlsConfig): void {
  if (config.tlsServerName !== undefined && config.tlsCaFile === undefined) {
    throw new OptionError('--tls-server-name needs --tls-ca (it only applies to calls made over TLS)');
  }
  if (config.tlsCaFile === undefined) return;
  const read = (what: string, path: string): string => {
    try {
      return readFileSync(path, 'utf8');
    } catch (err) {
      throw new OptionError(`${what}: cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  };
  if (!read('--tls-ca / SWIRL_TLS_CA', config.tlsCaFile).includes(PEM_CERTIFICATE)) {
    throw new OptionError(`--tls-ca / SWIRL_TLS_CA: ${config.tlsCaFile} holds no PEM certificate ("${PEM_CERTIFICATE}")`);
  }
  if ((config.tlsCertFile === undefined) !== (config.tlsKeyFile === undefined)) {
    throw new OptionError('a client certificate needs both --tls-cert and --tls-key (or neither)');
  }
  // The same files may also be the server's; reading them here covers processes that only call.
  if (config.tlsCertFile !== undefined) read('--tls-cert / SWIRL_TLS_CERT', config.tlsCertFile);
  if (config.tlsKeyFile !== undefined) read('--tls-key / SWIRL_TLS_KEY', config.tlsKeyFile);
}

/**
 * The `tls` of `createClient` from compiled settings: undefined (plaintext) without a CA;
 * otherwise the CA, the process's certificate and key as the client certificate when both are
 * set, and the name override when set.
 */
export function clientTlsOptions(config: ClientTlsConfig): ClientOptions['tls'] | undefined {
  if (config.tlsCaFile === undefined) return undefined;
  const withCert = config.tlsCertFile !== undefined && config.tlsKeyFile !== undefined;
  return Object.freeze({
    caFile: config.tlsCaFile,
    ...(withCert ? { certFile: config.tlsCertFile, keyFile: config.tlsKeyFile } : {}),
    ...(config.tlsServerName === undefined ? {} : { serverNameOverride: config.tlsServerName }),
  });
}
