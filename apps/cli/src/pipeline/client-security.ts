import {
  clientTlsOptions,
  clientTlsOptionSpec,
  loadOptions,
  option,
  serverOptionSpec,
  validateClientTlsConfig,
  type ClientOptions,
  type OptionSources,
} from '@swirl/grpc-kit';

/** How the CLI's calls to running services (coordinator, trainer) are secured. Empty: plaintext, no token. */
export interface ClientSecurity {
  readonly authToken?: string;
  readonly tls?: ClientOptions['tls'];
}

/**
 * The CLI's security settings, with the services' flags and variables, so the pipeline Job in
 * Kubernetes (auth-token and tls components) needs nothing of its own: SWIRL_AUTH_TOKEN,
 * SWIRL_TLS_CA, and SWIRL_TLS_CERT/KEY as the client certificate when servers require one.
 */
export const cliSecurityOptionSpec = {
  authToken: option<string | undefined>({
    flag: 'auth-token',
    env: 'SWIRL_AUTH_TOKEN',
    type: 'string',
    default: undefined,
    doc: 'bearer token sent to the coordinator and trainer (services started with --auth-token)',
  }),
  tlsCaFile: { ...clientTlsOptionSpec.tlsCaFile, doc: "PEM CA bundle the services' certificates chain to; set: calls use TLS" },
  tlsCertFile: { ...serverOptionSpec.tlsCertFile, doc: 'PEM client certificate, presented with --tls-ca (servers with --tls-client-ca, mTLS)' },
  tlsKeyFile: { ...serverOptionSpec.tlsKeyFile, doc: 'PEM private key of --tls-cert' },
  tlsServerName: { ...clientTlsOptionSpec.tlsServerName, doc: "name the services' certificates must carry, instead of the --coordinator/--trainer host (with --tls-ca)" },
};

/** Reads and checks the settings (OptionError on a bad one) and compiles them for createClient. */
export function loadClientSecurity(sources: OptionSources): ClientSecurity {
  const config = loadOptions(cliSecurityOptionSpec, sources);
  validateClientTlsConfig(config);
  const tls = clientTlsOptions(config);
  return Object.freeze({ ...(config.authToken === undefined ? {} : { authToken: config.authToken }), ...(tls === undefined ? {} : { tls }) });
}

/** `--help` lines of the settings above. */
export function describeClientSecurity(): string {
  return Object.values(cliSecurityOptionSpec)
    .map((d) => `  --${d.flag.padEnd(21)}  ${d.doc} [$${d.env}]`)
    .join('\n');
}
