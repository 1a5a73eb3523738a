import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { call, EchoClient, startEchoServer } from '../testing/echo-fixture.test-support';
import { createClient } from '../client/create-client';

describe('TLS', () => {
  const dir = mkdtempSync(join(tmpdir(), 'swirl-tls-'));
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  beforeAll(() => {
    // A real self-signed certificate for localhost, made by the openssl CLI.
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves TLS to a client that trusts the certificate, and not to a plaintext client', async () => {
    const server = await startEchoServer({ tlsCertFile: cert, tlsKeyFile: key });
    const secure = createClient(EchoClient, { target: `localhost:${server.running.grpcPort}`, tls: { caFile: cert } });
    await expect(call(secure, 'Echo', { text: 'over tls' })).resolves.toMatchObject({ text: 'over tls' });
    const plain = new EchoClient(server.address, grpc.credentials.createInsecure());
    await expect(call(plain, 'Echo', { text: 'x' }, { deadline: Date.now() + 1000 })).rejects.toMatchObject({ code: grpc.status.UNAVAILABLE });
    secure.close();
    plain.close();
    await server.running.shutdown('test over');
  });
});
