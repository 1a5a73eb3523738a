/** Integer helpers on BigInt that the rational arithmetic and the limit checks rely on. */

export function absBigInt(n: bigint): bigint {
  return n < 0n ? -n : n;
}

/** Number of bits needed for |n| (0 for 0). */
export function bitLength(n: bigint): number {
  const magnitude = absBigInt(n);
  return magnitude === 0n ? 0 : magnitude.toString(2).length;
}

/**
 * log2(|n|) as a float, for size predictions. Numbers above double range are shifted down first
 * so the estimate stays accurate (to far better than one bit) for any size.
 */
export function log2BigInt(n: bigint): number {
  const magnitude = absBigInt(n);
  if (magnitude === 0n) return Number.NEGATIVE_INFINITY;
  const bits = bitLength(magnitude);
  if (bits <= 1000) return Math.log2(Number(magnitude));
  const shift = bits - 64;
  return Math.log2(Number(magnitude >> BigInt(shift))) + shift;
}

export function gcdBigInt(a: bigint, b: bigint): bigint {
  let x = absBigInt(a);
  let y = absBigInt(b);
  while (y !== 0n) {
    [x, y] = [y, x % y];
  }
  return x;
}

/** floor(sqrt(n)) for n >= 0, by Newton's method (converges from above). */
export function integerSqrt(n: bigint): bigint {
  if (n < 0n) throw new RangeError('integerSqrt of a negative number');
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(bitLength(n) / 2));
  for (;;) {
    const next = (x + n / x) >> 1n;
    if (next >= x) return x;
    x = next;
  }
}

/** Square root of n when n is a perfect square, otherwise undefined. */
export function exactSqrt(n: bigint): bigint | undefined {
  const root = integerSqrt(n);
  return root * root === n ? root : undefined;
}

export function powerOfTen(exponent: number): bigint {
  return 10n ** BigInt(exponent);
}

/** Floor division for a positive divisor (BigInt `/` truncates toward zero). */
export function floorDivide(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d !== 0n && n < 0n ? q - 1n : q;
}

/** n / d rounded to the nearest integer, ties away from zero (d > 0). */
export function divideRoundHalfAway(n: bigint, d: bigint): bigint {
  const rounded = (2n * absBigInt(n) + d) / (2n * d);
  return n < 0n ? -rounded : rounded;
}
