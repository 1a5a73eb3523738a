import * as grpc from '@grpc/grpc-js';
import { call, EchoClient, echoDescriptorSet, startEchoServer, type EchoServer } from '../testing/echo-fixture.test-support';
import { createClient } from './create-client';
import { idempotentMethodsFromDescriptorSet } from './idempotent-methods';

describe('createClient', () => {
  const idempotentMethods = idempotentMethodsFromDescriptorSet(echoDescriptorSet());
  let server: EchoServer;
  beforeAll(async () => {
    server = await startEchoServer();
  });
  afterAll(() => server.running.shutdown('test over'));

  it('reads which methods may be retried from the contract', () => {
    expect([...idempotentMethods].sort()).toEqual(['/swirl.kittest.v1.EchoService/Echo', '/swirl.kittest.v1.EchoService/Sleep']);
  });

  it('retries an idempotent call after UNAVAILABLE and returns the last attempt', async () => {
    const c = createClient(EchoClient, { target: server.address, idempotentMethods, retry: { initialBackoffMs: 5 } });
    await expect(call(c, 'Echo', { text: 'r', key: 'retry-1', failTimes: 2, failCode: grpc.status.UNAVAILABLE })).resolves.toMatchObject({ attempts: 3 });
    c.close();
  });

  it('gives up after maxAttempts with the last status', async () => {
    const c = createClient(EchoClient, { target: server.address, idempotentMethods, retry: { initialBackoffMs: 5, maxAttempts: 2 } });
    await expect(call(c, 'Echo', { key: 'retry-2', failTimes: 5, failCode: grpc.status.UNAVAILABLE })).rejects.toMatchObject({
      code: grpc.status.UNAVAILABLE,
      details: 'planned failure 2',
    });
    c.close();
  });

  it('reports CANCELLED when the caller cancels while waiting to retry', async () => {
    const c = createClient(EchoClient, { target: server.address, idempotentMethods, retry: { initialBackoffMs: 2000, maxAttempts: 5 } });
    const err = await new Promise<grpc.ServiceError | null>((resolve) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const pending = (c as any).Echo({ key: 'cancel-in-backoff', failTimes: 5, failCode: grpc.status.UNAVAILABLE }, (e: grpc.ServiceError | null) => resolve(e));
      setTimeout(() => pending.cancel(), 100);
    });
    expect(err?.code).toBe(grpc.status.CANCELLED);
    c.close();
  });

  it('never retries a method with side effects, nor codes other than UNAVAILABLE', async () => {
    const c = createClient(EchoClient, { target: server.address, idempotentMethods, retry: { initialBackoffMs: 5 } });
    await expect(call(c, 'Record', { key: 'once', failTimes: 1, failCode: grpc.status.UNAVAILABLE })).rejects.toMatchObject({ code: grpc.status.UNAVAILABLE });
    await expect(call(c, 'Record', { key: 'once' })).resolves.toMatchObject({ attempts: 2 });
    await expect(call(c, 'Echo', { key: 'inv', failTimes: 1, failCode: grpc.status.INVALID_ARGUMENT })).rejects.toMatchObject({ code: grpc.status.INVALID_ARGUMENT });
    c.close();
  });

  it('puts a default deadline on calls that set none', async () => {
    const c = createClient(EchoClient, { target: server.address, defaultTimeoutMs: 150 });
    const started = Date.now();
    await expect(call(c, 'Sleep', { ms: 5000 })).rejects.toMatchObject({ code: grpc.status.DEADLINE_EXCEEDED });
    expect(Date.now() - started).toBeLessThan(3000);
    c.close();
  });

  it('balances round-robin over every resolved address', async () => {
    // Two servers on one port at two loopback addresses: what a headless Service resolves to.
    const port = server.running.grpcPort;
    const second = await startEchoServer({ host: '127.0.0.2', grpcPort: port, serverId: 'b' });
    const c = createClient(EchoClient, { target: `ipv4:127.0.0.1:${port},127.0.0.2:${port}` });
    const ids = new Set<string>();
    for (let i = 0; i < 10; i++) ids.add((await call<{ serverId: string }>(c, 'Echo', { text: String(i) })).serverId);
    expect([...ids].sort()).toEqual(['a', 'b']);
    c.close();
    await second.running.shutdown('test over');
  });

  it('resolves dns:/// targets', async () => {
    const c = createClient(EchoClient, { target: `dns:///localhost:${server.running.grpcPort}` });
    await expect(call(c, 'Echo', { text: 'dns' })).resolves.toMatchObject({ text: 'dns' });
    c.close();
  });
});
