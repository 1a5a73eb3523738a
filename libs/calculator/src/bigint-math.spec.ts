import {
  bitLength,
  divideRoundHalfAway,
  exactSqrt,
  floorDivide,
  gcdBigInt,
  integerSqrt,
  log2BigInt,
  powerOfTen,
} from './bigint-math';

describe('bigint-math', () => {
  it('measures bit length of the magnitude', () => {
    expect(bitLength(0n)).toBe(0);
    expect(bitLength(1n)).toBe(1);
    expect(bitLength(255n)).toBe(8);
    expect(bitLength(-256n)).toBe(9);
    expect(bitLength(1n << 5000n)).toBe(5001);
  });

  it('estimates log2 accurately even beyond double range', () => {
    expect(log2BigInt(8n)).toBeCloseTo(3, 12);
    expect(log2BigInt(-1024n)).toBeCloseTo(10, 12);
    expect(log2BigInt(1n << 5000n)).toBeCloseTo(5000, 9);
    expect(log2BigInt(10n ** 1200n)).toBeCloseTo(1200 * Math.log2(10), 6);
    expect(log2BigInt(0n)).toBe(Number.NEGATIVE_INFINITY);
  });

  it('computes gcd of signed values', () => {
    expect(gcdBigInt(12n, -18n)).toBe(6n);
    expect(gcdBigInt(0n, 5n)).toBe(5n);
    expect(gcdBigInt(0n, 0n)).toBe(0n);
  });

  it('computes integer square roots', () => {
    expect(integerSqrt(0n)).toBe(0n);
    expect(integerSqrt(1n)).toBe(1n);
    expect(integerSqrt(15n)).toBe(3n);
    expect(integerSqrt(16n)).toBe(4n);
    const big = (3n ** 500n) * (3n ** 500n);
    expect(integerSqrt(big)).toBe(3n ** 500n);
    expect(integerSqrt(big - 1n)).toBe(3n ** 500n - 1n);
    expect(() => integerSqrt(-1n)).toThrow(RangeError);
  });

  it('recognises perfect squares', () => {
    expect(exactSqrt(49n)).toBe(7n);
    expect(exactSqrt(50n)).toBeUndefined();
  });

  it('floors and rounds divisions', () => {
    expect(floorDivide(7n, 2n)).toBe(3n);
    expect(floorDivide(-7n, 2n)).toBe(-4n);
    expect(floorDivide(-6n, 2n)).toBe(-3n);
    expect(divideRoundHalfAway(5n, 2n)).toBe(3n);
    expect(divideRoundHalfAway(-5n, 2n)).toBe(-3n);
    expect(divideRoundHalfAway(7n, 3n)).toBe(2n);
    expect(divideRoundHalfAway(-7n, 3n)).toBe(-2n);
    expect(powerOfTen(3)).toBe(1000n);
  });
});
