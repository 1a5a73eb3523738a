import { SeededRandom, hashLabel } from './seeded-random';

describe('SeededRandom', () => {
  it('repeats its stream for the same seed and differs for another', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, ((r) => () => r.next())(new SeededRandom(seed)));
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
  });

  it('draws roughly uniform numbers in range', () => {
    const random = new SeededRandom(7);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 8000; i++) counts[random.int(0, 3)]++;
    for (const count of counts) expect(Math.abs(count - 2000)).toBeLessThan(200);
  });

  it('forks independent, reproducible streams', () => {
    const root = new SeededRandom(3);
    expect(root.fork('a').next()).toBe(new SeededRandom(3).fork('a').next());
    expect(root.fork('a').next()).not.toBe(root.fork('b').next());
  });

  it('samples distinct items and rejects impossible requests', () => {
    const random = new SeededRandom(5);
    const picked = random.sample([1, 2, 3, 4, 5], 3);
    expect(new Set(picked).size).toBe(3);
    expect(() => random.sample([1], 2)).toThrow(RangeError);
    expect(() => random.pick([])).toThrow(RangeError);
    expect(() => random.int(3, 1)).toThrow(RangeError);
  });

  it('hashes labels stably', () => {
    expect(hashLabel('abc')).toBe(hashLabel('abc'));
    expect(hashLabel('abc')).not.toBe(hashLabel('abd'));
  });
});
