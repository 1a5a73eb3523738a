import { status } from '@grpc/grpc-js';
import { ConcurrencyLimiter } from './concurrency-limiter';

const never = new AbortController().signal;
const gate = () => {
  let open!: () => void;
  const p = new Promise<void>((r) => (open = r));
  return { p, open };
};

describe('ConcurrencyLimiter', () => {
  it('runs at most maxConcurrent at once and starts waiters in order', async () => {
    const limiter = new ConcurrencyLimiter('search', { maxConcurrent: 2, maxQueued: 5 });
    const order: number[] = [];
    const gates = [gate(), gate(), gate()];
    const runs = gates.map((g, i) => limiter.run(never, async () => { order.push(i); await g.p; return i; }));
    await Promise.resolve();
    expect(order).toEqual([0, 1]);
    expect(limiter.inFlight).toBe(2);
    expect(limiter.waiting).toBe(1);
    gates[0]!.open();
    await runs[0];
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual([0, 1, 2]);
    gates[1]!.open();
    gates[2]!.open();
    await expect(Promise.all(runs)).resolves.toEqual([0, 1, 2]);
    expect(limiter.inFlight).toBe(0);
  });

  it('refuses with RESOURCE_EXHAUSTED when the queue is full', async () => {
    const limiter = new ConcurrencyLimiter('calculator', { maxConcurrent: 1, maxQueued: 1 });
    const g = gate();
    const first = limiter.run(never, () => g.p);
    const second = limiter.run(never, async () => undefined);
    await expect(limiter.run(never, async () => undefined)).rejects.toMatchObject({ code: status.RESOURCE_EXHAUSTED, details: expect.stringContaining('calculator is at its concurrency limit') });
    g.open();
    await Promise.all([first, second]);
  });

  it('drops a waiter whose call ends, without leaking its slot', async () => {
    const limiter = new ConcurrencyLimiter('search', { maxConcurrent: 1, maxQueued: 4 });
    const g = gate();
    const first = limiter.run(never, () => g.p);
    const abort = new AbortController();
    const waiting = limiter.run(abort.signal, async () => 'never');
    abort.abort();
    await expect(waiting).rejects.toMatchObject({ code: status.DEADLINE_EXCEEDED });
    expect(limiter.waiting).toBe(0);
    g.open();
    await first;
    await expect(limiter.run(never, async () => 'next')).resolves.toBe('next');
  });
});
