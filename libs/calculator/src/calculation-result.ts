import { CalculatorError, type CalculatorErrorCode } from './calculator-error';
import { approximateNumber, formatValue } from './format-value';
import type { NumericValue } from './value';

export interface CalculationSuccess {
  readonly ok: true;
  /** Nearest JS number, for convenience (±Infinity beyond double range). `text` is authoritative. */
  readonly value: number;
  /** False once an irrational step (sqrt of a non-square, pi, e, fractional power) was taken. */
  readonly exact: boolean;
  /** What the model reads: `24`, `2.5`, `0.3333333333`. */
  readonly text: string;
  /** `num/den` for exact results that are not integers, e.g. `1/3`, `5/2`. */
  readonly fraction?: string;
}

export interface CalculationErrorInfo {
  readonly code: CalculatorErrorCode;
  /** Says what is wrong, where, and what to change. */
  readonly message: string;
  /** 1-based character position in the expression, when the problem has one. */
  readonly position?: number;
}

export interface CalculationFailure {
  readonly ok: false;
  readonly error: CalculationErrorInfo;
}

export type CalculationResult = CalculationSuccess | CalculationFailure;

export function successResult(value: NumericValue): CalculationSuccess {
  const { text, fraction } = formatValue(value);
  const base = { ok: true as const, value: approximateNumber(value), exact: value.kind === 'exact', text };
  return fraction === undefined ? base : { ...base, fraction };
}

/** Converts anything thrown inside the calculator into a coded failure; nothing escapes. */
export function failureResult(error: unknown): CalculationFailure {
  if (error instanceof CalculatorError) {
    const info = { code: error.code, message: error.message };
    return { ok: false, error: error.position === undefined ? info : { ...info, position: error.position } };
  }
  // Not expected: the checks above should make every failure a CalculatorError.
  const detail = error instanceof Error ? error.message : String(error);
  return { ok: false, error: { code: 'INTERNAL', message: `internal calculator error: ${detail}` } };
}
