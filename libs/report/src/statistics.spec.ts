import { mcnemarExactP, pairedComparison, wilsonInterval } from './statistics';

describe('wilsonInterval', () => {
  it('matches the textbook value for 45/100', () => {
    const { low, high } = wilsonInterval(45, 100);
    expect(low).toBeCloseTo(0.3561, 3);
    expect(high).toBeCloseTo(0.5475, 3);
  });

  it('stays inside [0, 1] and is not degenerate at 0/n and n/n', () => {
    expect(wilsonInterval(0, 50).low).toBe(0);
    expect(wilsonInterval(0, 50).high).toBeGreaterThan(0.05);
    expect(wilsonInterval(50, 50).high).toBe(1);
    expect(wilsonInterval(50, 50).low).toBeLessThan(0.95);
  });

  it('knows nothing from no data', () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });
});

describe('mcnemarExactP', () => {
  it('is 1 with no discordant pairs and for a perfectly even split', () => {
    expect(mcnemarExactP(0, 0)).toBe(1);
    expect(mcnemarExactP(5, 5)).toBe(1);
  });

  it('gives the exact binomial tail: 10 vs 0 -> 2 / 2^10', () => {
    expect(mcnemarExactP(10, 0)).toBeCloseTo(2 / 1024, 10);
    expect(mcnemarExactP(0, 10)).toBeCloseTo(2 / 1024, 10);
  });

  it('matches a known value (15 vs 5: p = 0.0414)', () => {
    expect(mcnemarExactP(15, 5)).toBeCloseTo(0.04139, 4);
  });

  it('does not overflow for large counts', () => {
    const p = mcnemarExactP(600, 400);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1e-9);
  });
});

describe('pairedComparison', () => {
  it('counts discordant pairs over shared question ids only', () => {
    const base = new Map([['a', true], ['b', false], ['c', false], ['d', true], ['x', true]]);
    const trained = new Map([['a', true], ['b', true], ['c', true], ['d', false], ['y', false]]);
    expect(pairedComparison(base, trained)).toEqual({ trainedOnly: 2, baseOnly: 1, pValue: 1, paired: 4 });
  });
});
