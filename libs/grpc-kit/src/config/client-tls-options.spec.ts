import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { createClient, type ClientOptions } from '../client/create-client';
import { call, EchoClient, startEchoServer, type EchoServer } from '../testing/echo-fixture.test-support';
import { createTestPki, type CertFiles, type TestPki } from '../testing/test-pki.test-support';
import { clientTlsOptions, clientTlsOptionSpec, validateClientTlsConfig } from './client-tls-options';
import { describeOptions, OptionError, type OptionSources } from './option-spec';
import { loadServerConfig, serverOptionSpec } from './server-options';

/** What an app does: the shared server settings plus the client TLS spec, validated, compiled. */
const appSpec = { ...serverOptionSpec, ...clientTlsOptionSpec };
function compile(sources: OptionSources): ClientOptions['tls'] | undefined {
  const config = loadServerConfig(appSpec, sources);
  validateClientTlsConfig(config);
  return clientTlsOptions(config);
}

describe('clientTlsOptionSpec', () => {
  let pki: TestPki;
  let own: CertFiles;
  beforeAll(() => {
    pki = createTestPki();
    own = pki.issue('own', ['localhost', '127.0.0.1']);
  });
  afterAll(() => pki.dispose());

  it('is listed by --help with its variable and an unset default', () => {
    const help = describeOptions(appSpec);
    expect(help).toMatch(/--tls-ca\s+SWIRL_TLS_CA\s+PEM CA bundle the service's outgoing calls trust; set: calls to other services use TLS.*\(default: unset\)/);
    expect(help).toMatch(/--tls-server-name\s+SWIRL_TLS_SERVER_NAME\s.*\(default: unset\)/);
  });

  it('compiles to plaintext (undefined) when no CA is set, even with a server certificate', () => {
    expect(compile({})).toBeUndefined();
    expect(compile({ env: { SWIRL_TLS_CERT: own.cert, SWIRL_TLS_KEY: own.key, SWIRL_TLS_CA: '' } })).toBeUndefined();
  });

  it('compiles SWIRL_TLS_CA into a client TLS config', () => {
    expect(compile({ env: { SWIRL_TLS_CA: pki.ca.cert } })).toEqual({ caFile: pki.ca.cert });
  });

  it("presents the process's own certificate (SWIRL_TLS_CERT/KEY) as the client certificate", () => {
    expect(compile({ env: { SWIRL_TLS_CA: pki.ca.cert, SWIRL_TLS_CERT: own.cert, SWIRL_TLS_KEY: own.key } })).toEqual({ caFile: pki.ca.cert, certFile: own.cert, keyFile: own.key });
  });

  it('takes flags before variables, and the server name override', () => {
    expect(compile({ argv: [`--tls-ca=${pki.ca.cert}`, '--tls-server-name=tools.swirl.svc'], env: { SWIRL_TLS_CA: '/elsewhere/ca.crt' } })).toEqual({ caFile: pki.ca.cert, serverNameOverride: 'tools.swirl.svc' });
  });

  it('refuses an unreadable or non-PEM CA, and a server name without a CA, as invalid settings', () => {
    const notPem = join(pki.dir, 'not-a-ca.txt');
    writeFileSync(notPem, 'hello\n');
    const cases: [OptionSources, RegExp][] = [
      [{ env: { SWIRL_TLS_CA: '/nonexistent/ca.crt' } }, /--tls-ca \/ SWIRL_TLS_CA: cannot read \/nonexistent\/ca.crt: ENOENT/],
      [{ argv: [`--tls-ca=${pki.dir}`] }, /--tls-ca \/ SWIRL_TLS_CA: cannot read .*: EISDIR/],
      [{ env: { SWIRL_TLS_CA: notPem } }, /holds no PEM certificate/],
      [{ argv: ['--tls-server-name=x'] }, /--tls-server-name needs --tls-ca/],
      [{ env: { SWIRL_TLS_CA: pki.ca.cert, SWIRL_TLS_CERT: '/nonexistent/c.crt', SWIRL_TLS_KEY: own.key } }, /--tls-cert \/ SWIRL_TLS_CERT: cannot read \/nonexistent\/c.crt/],
    ];
    for (const [sources, message] of cases) {
      expect(() => compile(sources)).toThrow(OptionError);
      expect(() => compile(sources)).toThrow(message);
    }
  });
});

describe('calls made with the compiled client TLS, against real servers', () => {
  let pki: TestPki;
  let server: CertFiles;
  let client: CertFiles;
  const clients: grpc.Client[] = [];
  const servers: EchoServer[] = [];
  beforeAll(() => {
    pki = createTestPki();
    server = pki.issue('server', ['localhost', '127.0.0.1']);
    client = pki.issue('client', ['swirl-client']);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    for (const s of servers.splice(0)) await s.running.shutdown('test over');
  });
  afterAll(() => pki.dispose());

  const start = async (overrides: Parameters<typeof startEchoServer>[0]) => {
    const s = await startEchoServer(overrides);
    servers.push(s);
    return s;
  };
  const connect = (s: EchoServer, tls: ClientOptions['tls']) => {
    // By name: grpc-js would send an IP address as the TLS server name, which Node deprecates.
    const c = createClient(EchoClient, { target: `localhost:${s.running.grpcPort}`, ...(tls === undefined ? {} : { tls }) });
    clients.push(c);
    return c;
  };
  const echo = (c: grpc.Client) => call<{ text: string }>(c, 'Echo', { text: 'hello' }, { deadline: Date.now() + 3000 });

  it('reaches a TLS server with a client built from SWIRL_TLS_CA; a plaintext client, or one trusting another CA, fails', async () => {
    const s = await start({ tlsCertFile: server.cert, tlsKeyFile: server.key });
    await expect(echo(connect(s, compile({ env: { SWIRL_TLS_CA: pki.ca.cert } })))).resolves.toMatchObject({ text: 'hello' });
    await expect(echo(connect(s, compile({})))).rejects.toMatchObject({ code: grpc.status.UNAVAILABLE });
    await expect(echo(connect(s, compile({ env: { SWIRL_TLS_CA: pki.otherCa.cert } })))).rejects.toMatchObject({ code: grpc.status.UNAVAILABLE });
  });

  it('is accepted by an mTLS server when the process has its own certificate, refused without one', async () => {
    const s = await start({ tlsCertFile: server.cert, tlsKeyFile: server.key, tlsClientCaFile: pki.ca.cert });
    const withCert = compile({ env: { SWIRL_TLS_CA: pki.ca.cert, SWIRL_TLS_CERT: client.cert, SWIRL_TLS_KEY: client.key } });
    await expect(echo(connect(s, withCert))).resolves.toMatchObject({ text: 'hello' });
    await expect(echo(connect(s, compile({ env: { SWIRL_TLS_CA: pki.ca.cert } })))).rejects.toMatchObject({ code: grpc.status.UNAVAILABLE });
  });

  it('checks the name given by --tls-server-name instead of the dialled host', async () => {
    const named = pki.issue('tools', ['tools.swirl.svc']);
    const s = await start({ tlsCertFile: named.cert, tlsKeyFile: named.key });
    await expect(echo(connect(s, compile({ argv: [`--tls-ca=${pki.ca.cert}`, '--tls-server-name=tools.swirl.svc'] })))).resolves.toMatchObject({ text: 'hello' });
    await expect(echo(connect(s, compile({ argv: [`--tls-ca=${pki.ca.cert}`] })))).rejects.toMatchObject({ code: grpc.status.UNAVAILABLE });
  });
});
