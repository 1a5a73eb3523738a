import { readFileSync } from 'node:fs';
import { ServerCredentials } from '@grpc/grpc-js';
import type { ServerConfig } from '../config/server-options';

/** Plaintext unless a certificate and key are configured; mTLS when a client CA is also given. */
export function createServerCredentials(config: ServerConfig): ServerCredentials {
  if (config.tlsCertFile === undefined || config.tlsKeyFile === undefined) return ServerCredentials.createInsecure();
  const clientCa = config.tlsClientCaFile === undefined ? null : readFileSync(config.tlsClientCaFile);
  return ServerCredentials.createSsl(
    clientCa,
    [{ cert_chain: readFileSync(config.tlsCertFile), private_key: readFileSync(config.tlsKeyFile) }],
    clientCa !== null,
  );
}
