import { expressionShape, type Shape } from './expression-shape';

/** An earlier calculator call and what it returned. */
export interface CalculationRecord {
  readonly stepIndex: number;
  /** The free text before the tag. */
  readonly reasoning: string;
  readonly expression: string;
  /** The calculator's result text, when the call succeeded. */
  readonly result?: string;
  /** Its value. */
  readonly value?: number;
  /** Plain `+ - * /` structure of the expression, if it has one. */
  readonly shape?: Shape;
}

export function calculationRecord(stepIndex: number, reasoning: string, expression: string, result: string | undefined): CalculationRecord {
  const shape = expressionShape(expression);
  const value = result === undefined ? undefined : Number(result.replace(/,/g, ''));
  const base = { stepIndex, reasoning, expression, ...(shape === undefined ? {} : { shape }) };
  return value !== undefined && Number.isFinite(value) ? { ...base, result, value } : base;
}
