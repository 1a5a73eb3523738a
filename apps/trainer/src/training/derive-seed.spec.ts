import { deriveSeed, drawRunSeed, MAX_SEED } from './derive-seed';

describe('deriveSeed', () => {
  it('is a pure function of the run seed and the labels', () => {
    expect(deriveSeed(7, 'sample', 3, 'traj-1/0')).toBe(deriveSeed(7, 'sample', 3, 'traj-1/0'));
  });

  it('gives unrelated seeds for different labels, runs and label boundaries', () => {
    const seeds = new Set([
      deriveSeed(7, 'sample', 3, 'a'),
      deriveSeed(7, 'sample', 4, 'a'),
      deriveSeed(8, 'sample', 3, 'a'),
      deriveSeed(7, 'order', 3, 'a'),
      deriveSeed(7, 'sample', '3a'),
      deriveSeed(7, 'sample3', 'a'),
    ]);
    expect(seeds.size).toBe(6);
  });

  it('stays an integer below the bound inference accepts, with room for 64 samples', () => {
    for (let i = 0; i < 500; i++) {
      const seed = deriveSeed(i, 'x', i * 31);
      expect(Number.isSafeInteger(seed)).toBe(true);
      expect(seed).toBeGreaterThanOrEqual(0);
      expect(seed + 64).toBeLessThan(2 ** 53);
      expect(seed).toBeLessThan(MAX_SEED);
    }
  });

  it('draws run seeds that are safe integers', () => {
    const seed = drawRunSeed();
    expect(Number.isSafeInteger(seed)).toBe(true);
    expect(seed).toBeLessThan(MAX_SEED);
  });
});
