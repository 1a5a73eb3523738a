import * as grpc from '@grpc/grpc-js';
import { call, EchoClient, scrapeMetrics, seriesValue, startEchoServer, type EchoServer } from '../testing/echo-fixture.test-support';
import { checkHealth } from '../client/inspect-server';
import { createClient } from '../client/create-client';

const TOKEN = 'a-long-enough-test-token';

describe('bearer-token auth', () => {
  let server: EchoServer;
  beforeAll(async () => {
    server = await startEchoServer({ authToken: TOKEN });
    server.running.setServing(true);
  });
  afterAll(() => server.running.shutdown('test over'));

  it('rejects calls without a token with UNAUTHENTICATED and says how to authenticate', async () => {
    const c = new EchoClient(server.address, grpc.credentials.createInsecure());
    await expect(call(c, 'Echo', { text: 'x' })).rejects.toMatchObject({ code: grpc.status.UNAUTHENTICATED, details: expect.stringContaining('authorization: Bearer') });
    c.close();
  });

  it('rejects a wrong token', async () => {
    const md = new grpc.Metadata();
    md.set('authorization', 'Bearer not-the-token-at-all-xx');
    const c = new EchoClient(server.address, grpc.credentials.createInsecure());
    await expect(call(c, 'Echo', { text: 'x' }, {}, md)).rejects.toMatchObject({ code: grpc.status.UNAUTHENTICATED, details: expect.stringContaining('not accepted') });
    c.close();
  });

  it('accepts the right token (sent by the client factory) and counts rejections in metrics', async () => {
    const c = createClient(EchoClient, { target: server.address, authToken: TOKEN });
    await expect(call(c, 'Echo', { text: 'ok' })).resolves.toMatchObject({ text: 'ok' });
    c.close();
    const text = await scrapeMetrics(server.running.metricsPort!);
    expect(seriesValue(text, 'grpc_server_handled_total', { grpc_method: 'Echo', grpc_code: 'Unauthenticated' })).toBeGreaterThanOrEqual(2);
  });

  it('leaves health open so probes need no token', async () => {
    expect(await checkHealth(server.address, '')).toBe('SERVING');
  });
});
