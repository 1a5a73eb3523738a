import * as grpc from '@grpc/grpc-js';
import { call, EchoClient, ECHO_SERVICE, startEchoServer, type EchoServer } from '../testing/echo-fixture.test-support';
import { checkHealth, listServicesByReflection } from '../client/inspect-server';

describe('startGrpcService', () => {
  let server: EchoServer;
  let client: grpc.Client;
  beforeEach(async () => {
    server = await startEchoServer();
    client = new EchoClient(server.address, grpc.credentials.createInsecure());
  });
  afterEach(async () => {
    client.close();
    await server.running.shutdown('test over');
  });

  it('reports NOT_SERVING until the service says it is ready, then SERVING', async () => {
    expect(await checkHealth(server.address, '')).toBe('NOT_SERVING');
    expect(await checkHealth(server.address, ECHO_SERVICE)).toBe('NOT_SERVING');
    server.running.setServing(true);
    expect(await checkHealth(server.address, '')).toBe('SERVING');
    expect(await checkHealth(server.address, ECHO_SERVICE)).toBe('SERVING');
    await expect(checkHealth(server.address, 'no.such.Service')).rejects.toMatchObject({ code: grpc.status.NOT_FOUND });
  });

  it('lists its services, health and reflection included, through server reflection', async () => {
    const names = await listServicesByReflection(server.address);
    expect(names).toEqual(expect.arrayContaining([ECHO_SERVICE, 'grpc.health.v1.Health', 'grpc.reflection.v1.ServerReflection']));
  });

  it('serves unary and server-streaming calls', async () => {
    await expect(call(client, 'Echo', { text: 'hi' })).resolves.toMatchObject({ text: 'hi', serverId: 'a' });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const stream = (client as any).Count({ n: 3 }) as grpc.ClientReadableStream<{ text: string }>;
    const seen: string[] = [];
    for await (const m of stream) seen.push(m.text);
    expect(seen).toEqual(['0', '1', '2']);
  });

  it('ends a failing server stream with its status at once, after the messages already sent', async () => {
    // Were the status lost, the client would end with DEADLINE_EXCEEDED after 8 s instead.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const stream = (client as any).Count({ n: -1 }, { deadline: Date.now() + 8_000 }) as grpc.ClientReadableStream<{ text: string }>;
    const seen: string[] = [];
    const err = await (async () => {
      for await (const m of stream) seen.push(m.text);
    })().catch((e: grpc.ServiceError) => e);
    expect(seen).toEqual(['0']);
    expect(err).toMatchObject({ code: grpc.status.INVALID_ARGUMENT, details: 'n must not be negative, got -1' });
  });

  it('returns a thrown GrpcStatusError as its status, and hides other errors behind INTERNAL', async () => {
    await expect(call(client, 'Echo', { key: 'k', failTimes: 1, failCode: grpc.status.NOT_FOUND })).rejects.toMatchObject({
      code: grpc.status.NOT_FOUND,
      details: 'planned failure 1',
    });
    const err = await call(client, 'Echo', { text: 'crash' }).catch((e: grpc.ServiceError) => e);
    expect(err).toMatchObject({ code: grpc.status.INTERNAL });
    expect((err as grpc.ServiceError).details).not.toContain('secret');
    expect(server.logLines.some((l) => l.includes('secret internal detail'))).toBe(true);
  });

  it('answers a request the decoder refuses with INVALID_ARGUMENT, not INTERNAL', async () => {
    const echo = (EchoClient.service as grpc.ServiceDefinition)['Echo']!;
    const Garbage = grpc.makeGenericClientConstructor({ Echo: { ...echo, requestSerialize: () => Buffer.from([0x08]) /* a field tag with no value after it */ } }, 'Garbage');
    const c = new Garbage(server.address, grpc.credentials.createInsecure());
    await expect(call(c, 'Echo', {})).rejects.toMatchObject({ code: grpc.status.INVALID_ARGUMENT, details: expect.stringMatching(/^the request could not be decoded: /) });
    c.close();
  });

  it('refuses messages above the configured size with RESOURCE_EXHAUSTED', async () => {
    const small = await startEchoServer({ maxReceiveMessageBytes: 1024 });
    const c = new EchoClient(small.address, grpc.credentials.createInsecure());
    await expect(call(c, 'Echo', { text: 'x'.repeat(4096) })).rejects.toMatchObject({ code: grpc.status.RESOURCE_EXHAUSTED });
    c.close();
    await small.running.shutdown('test over');
  });

  it('shuts down gracefully: NOT_SERVING, in-flight calls finish, new calls are refused', async () => {
    server.running.setServing(true);
    const inFlight = call(client, 'Sleep', { ms: 300 });
    await new Promise((r) => setTimeout(r, 50));
    const stopped = server.running.shutdown('SIGTERM');
    await expect(inFlight).resolves.toMatchObject({ text: 'slept' });
    await stopped;
    // The server no longer accepts connections: the client sees UNAVAILABLE.
    await expect(call(client, 'Echo', { text: 'late' }, { deadline: Date.now() + 500 })).rejects.toMatchObject({ code: grpc.status.UNAVAILABLE });
    expect(server.logLines.some((l) => l.includes('"msg":"stopped"'))).toBe(true);
  });

  it('cancels calls still running when the grace period ends', async () => {
    const quick = await startEchoServer({ shutdownGraceMs: 100 });
    const c = new EchoClient(quick.address, grpc.credentials.createInsecure());
    const long = call(c, 'Sleep', { ms: 10_000 });
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await quick.running.shutdown('SIGTERM');
    expect(Date.now() - started).toBeLessThan(5000);
    await expect(long).rejects.toMatchObject({ code: grpc.status.CANCELLED });
    expect(quick.logLines.some((l) => l.includes('grace period over'))).toBe(true);
    c.close();
  });
});
