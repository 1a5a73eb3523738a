#!/usr/bin/env node
// Exec probe for Kubernetes when the service speaks TLS: kubelet's native `grpc:` probe is
// plaintext only. Exit 0 iff grpc.health.v1.Health/Check answers SERVING.
//   node grpc-health-probe.cjs [port] [service]
// port defaults to $SWIRL_GRPC_PORT (every service container sets it), service to '' (the whole
// server, which the kit flips together with each of its services).
// Environment (all optional):
//   SWIRL_PROBE_TLS_CA    PEM CA bundle: switches TLS on and verifies the chain (the host name
//                         is not checked: the probe dials 127.0.0.1, the certificate names the
//                         Service)
//   SWIRL_PROBE_TLS_CERT, SWIRL_PROBE_TLS_KEY   client certificate for mTLS
//   SWIRL_PROBE_TIMEOUT_MS  deadline of the check (default 2000)
'use strict';
const { readFileSync } = require('node:fs');
const grpc = require('@grpc/grpc-js');
const { service: healthService } = require('grpc-health-check');

function credentials(env) {
  if (!env.SWIRL_PROBE_TLS_CA) return grpc.credentials.createInsecure();
  const read = (name) => (env[name] ? readFileSync(env[name]) : null);
  return grpc.credentials.createSsl(readFileSync(env.SWIRL_PROBE_TLS_CA), read('SWIRL_PROBE_TLS_KEY'), read('SWIRL_PROBE_TLS_CERT'), {
    checkServerIdentity: () => undefined,
  });
}

function main(argv, env) {
  const [port = env.SWIRL_GRPC_PORT, service = ''] = argv;
  if (!/^\d+$/.test(port ?? '')) {
    process.stderr.write('usage: grpc-health-probe.cjs [port] [service] (port defaults to $SWIRL_GRPC_PORT)\n');
    process.exit(2);
  }
  const Health = grpc.makeGenericClientConstructor(healthService, 'Health');
  const client = new Health(`127.0.0.1:${port}`, credentials(env));
  const deadline = Date.now() + Number(env.SWIRL_PROBE_TIMEOUT_MS ?? 2000);
  client.check({ service }, { deadline }, (err, res) => {
    client.close();
    if (err) {
      process.stderr.write(`health check of '${service}' failed: ${err.message}\n`);
      process.exit(1);
    }
    if (res.status !== 'SERVING') {
      process.stderr.write(`'${service}' is ${res.status}\n`);
      process.exit(1);
    }
    process.exit(0);
  });
}

main(process.argv.slice(2), process.env);
