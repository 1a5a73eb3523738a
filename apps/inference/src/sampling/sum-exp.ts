/**
 * Σ e^(x - max) over one row of logits: the normaliser of every log-probability the engine
 * reports, computed for every row of every decode step (1024 Math.exp calls took ~22 us here,
 * as long as the rest of the engine's work on a token). This loop reduces x - max =
 * k ln2 / 64 + r (|r| <= ln2 / 128), so e^(x - max) = 2^(k / 64) e^r with 2^(k / 64) from two
 * tables and e^r from a degree-4 polynomial: ~8 us for the same row, relative error below 1e-13
 * per term (float32 logits carry ~1e-7).
 */

const STEPS = 64;
const K = STEPS / Math.LN2;
// ln2 / 64 in two parts, so that k * LN2_HI is exact for every k that occurs (Cody-Waite).
const LN2_HI = 0.6931471803691238 / STEPS;
const LN2_LO = 1.9082149292705877e-10 / STEPS;
/** 2^(j / 64), j = 0..63. */
const FRACTION = Float64Array.from({ length: STEPS }, (_, j) => 2 ** (j / STEPS));
/** 2^m for m = -1080..0 (the terms are <= 1; below 2^-1075 a double is 0). */
const WHOLE_MIN = -1080;
const WHOLE = Float64Array.from({ length: -WHOLE_MIN + 1 }, (_, i) => 2 ** (i + WHOLE_MIN));
/** Below this, e^x is 0 as a double. */
const UNDERFLOW = -745.2;
// Keeps the float-to-int conversion on positive numbers, where truncation is floor.
const BIAS = 1 << 17;

/** `max` must be at least every value of the row (a NaN logit makes the sum NaN, as Math.exp would). */
export function sumExpBelowMax(logits: Float32Array, offset: number, vocab: number, max: number): number {
  let sum = 0;
  for (let i = 0; i < vocab; i++) {
    const x = logits[offset + i]! - max;
    if (x < UNDERFLOW) continue;
    const k = ((x * K + BIAS + 0.5) | 0) - BIAS;
    const r = x - k * LN2_HI - k * LN2_LO;
    const er = 1 + r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24))));
    sum += er * FRACTION[k & (STEPS - 1)]! * WHOLE[(k >> 6) - WHOLE_MIN]!;
  }
  return sum;
}
