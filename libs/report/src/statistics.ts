/** A 95% (by default) Wilson score interval for k successes out of n: honest near 0 and 1. */
export function wilsonInterval(k: number, n: number, z = 1.96): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * Two-sided exact McNemar test: given b questions only one model answered correctly and c only
 * the other, the probability under "no difference" of a split at least this uneven
 * (binomial(b + c, 1/2)). Exact, so it stays valid for the small counts of a quick run.
 */
export function mcnemarExactP(b: number, c: number): number {
  const n = b + c;
  if (n === 0) return 1;
  const k = Math.min(b, c);
  // P(X <= k) for X ~ Bin(n, 1/2), summed in log space so large n does not overflow.
  let logTerm = -n * Math.LN2; // log C(n,0) / 2^n
  let tail = Math.exp(logTerm);
  for (let i = 1; i <= k; i++) {
    logTerm += Math.log(n - i + 1) - Math.log(i);
    tail += Math.exp(logTerm);
  }
  return Math.min(1, 2 * tail);
}

/** Paired comparison of two models answering the same questions (same ids, same order not needed). */
export function pairedComparison(
  base: ReadonlyMap<string, boolean>,
  trained: ReadonlyMap<string, boolean>,
): { trainedOnly: number; baseOnly: number; pValue: number; paired: number } {
  let trainedOnly = 0;
  let baseOnly = 0;
  let paired = 0;
  for (const [id, baseCorrect] of base) {
    const trainedCorrect = trained.get(id);
    if (trainedCorrect === undefined) continue;
    paired++;
    if (trainedCorrect && !baseCorrect) trainedOnly++;
    if (baseCorrect && !trainedCorrect) baseOnly++;
  }
  return { trainedOnly, baseOnly, pValue: mcnemarExactP(trainedOnly, baseOnly), paired };
}
