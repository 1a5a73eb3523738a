import * as grpc from '@grpc/grpc-js';
import { call, EchoClient, startEchoServer, type EchoServer } from '../testing/echo-fixture.test-support';

describe('childCallOptions: deadline and cancellation propagate across hops', () => {
  let front: EchoServer;
  let back: EchoServer;
  let client: grpc.Client;
  beforeEach(async () => {
    back = await startEchoServer({ serverId: 'back' });
    front = await startEchoServer({ serverId: 'front' });
    client = new EchoClient(front.address, grpc.credentials.createInsecure());
  });
  afterEach(async () => {
    client.close();
    await Promise.all([front.running.shutdown('test over'), back.running.shutdown('test over')]);
  });

  it('the downstream call inherits the caller deadline', async () => {
    const deadline = Date.now() + 2000;
    await expect(call(client, 'Sleep', { ms: 10, forwardTo: back.address }, { deadline })).resolves.toMatchObject({ serverId: 'back' });
    expect(back.sleeps).toHaveLength(1);
    expect(Math.abs(back.sleeps[0]!.deadlineMs - deadline)).toBeLessThan(200);
  });

  it('the downstream call ends when the caller deadline passes', async () => {
    await expect(call(client, 'Sleep', { ms: 5000, forwardTo: back.address }, { deadline: Date.now() + 200 })).rejects.toMatchObject({
      code: grpc.status.DEADLINE_EXCEEDED,
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(back.sleeps[0]!.cancelled).toBe(true);
  });

  it('the downstream call is cancelled when the caller cancels', async () => {
    await new Promise<void>((resolve) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const c = (client as any).Sleep({ ms: 5000, forwardTo: back.address }, () => resolve());
      setTimeout(() => c.cancel(), 200);
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(back.sleeps).toHaveLength(1);
    expect(back.sleeps[0]!.cancelled).toBe(true);
    expect(back.sleeps[0]!.deadlineMs).toBe(Infinity);
  });
});
