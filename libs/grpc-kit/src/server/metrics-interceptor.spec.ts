import * as grpc from '@grpc/grpc-js';
import { call, EchoClient, scrapeMetrics, seriesValue, startEchoServer, type EchoServer } from '../testing/echo-fixture.test-support';

describe('metrics on /metrics', () => {
  let server: EchoServer;
  let client: grpc.Client;
  beforeAll(async () => {
    server = await startEchoServer();
    client = new EchoClient(server.address, grpc.credentials.createInsecure());
  });
  afterAll(async () => {
    client.close();
    await server.running.shutdown('test over');
  });

  const labels = (method: string, extra: Record<string, string> = {}) => ({ grpc_service: 'swirl.kittest.v1.EchoService', grpc_method: method, ...extra });

  it('counts started and handled calls with Go-style code names and a latency histogram', async () => {
    await call(client, 'Echo', { text: 'a' });
    await call(client, 'Echo', { key: 'm1', failTimes: 1, failCode: grpc.status.INVALID_ARGUMENT }).catch(() => undefined);
    const text = await scrapeMetrics(server.running.metricsPort!);
    expect(seriesValue(text, 'grpc_server_started_total', labels('Echo', { grpc_type: 'unary' }))).toBe(2);
    expect(seriesValue(text, 'grpc_server_handled_total', labels('Echo', { grpc_code: 'OK' }))).toBe(1);
    expect(seriesValue(text, 'grpc_server_handled_total', labels('Echo', { grpc_code: 'InvalidArgument' }))).toBe(1);
    expect(seriesValue(text, 'grpc_server_handling_seconds_count', labels('Echo'))).toBe(2);
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('swirl_build_info{version="test",service="echo"} 1');
  });

  it('counts a call that ran past its deadline as DeadlineExceeded', async () => {
    await expect(call(client, 'Sleep', { ms: 2000 }, { deadline: Date.now() + 100 })).rejects.toMatchObject({ code: grpc.status.DEADLINE_EXCEEDED });
    await new Promise((r) => setTimeout(r, 100));
    const text = await scrapeMetrics(server.running.metricsPort!);
    expect(seriesValue(text, 'grpc_server_handled_total', labels('Sleep', { grpc_code: 'DeadlineExceeded' }))).toBe(1);
  });

  it('counts a call the client cancelled as Canceled', async () => {
    const pending = new Promise<void>((resolve) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const c = (client as any).Sleep({ ms: 2000 }, (err: grpc.ServiceError | null) => {
        expect(err?.code).toBe(grpc.status.CANCELLED);
        resolve();
      });
      setTimeout(() => c.cancel(), 100);
    });
    await pending;
    await new Promise((r) => setTimeout(r, 100));
    const text = await scrapeMetrics(server.running.metricsPort!);
    expect(seriesValue(text, 'grpc_server_handled_total', labels('Sleep', { grpc_code: 'Canceled' }))).toBe(1);
  });

  it('answers 404 with a hint on other paths', async () => {
    const res = await fetch(`http://127.0.0.1:${server.running.metricsPort}/`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('GET /metrics');
  });
});
