/** Equal within a relative 1e-9 (calculator output is exact or has 10 significant digits). */
export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * Whether `written` (as the model wrote it) stands for `value`: equal, or `value` rounded to
 * the decimals written (35.67 for 35.66666667), or, for a whole number, rounded up or down
 * (36 buses for 35.67 needed).
 */
export function standsFor(written: string, value: number): boolean {
  const n = Number(written);
  if (!Number.isFinite(n)) return false;
  if (sameNumber(n, value)) return true;
  const d = decimalsOf(written);
  if (d > 0) return sameNumber(n, Number(value.toFixed(Math.min(d, 20))));
  return sameNumber(n, Math.floor(value)) || sameNumber(n, Math.ceil(value));
}
