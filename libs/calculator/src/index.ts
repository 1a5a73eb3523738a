export { calculate, createCalculator, type Calculator, type CalculatorOptions } from './calculate';
export type {
  CalculationErrorInfo,
  CalculationFailure,
  CalculationResult,
  CalculationSuccess,
} from './calculation-result';
export { CALCULATOR_ERROR_CODES, type CalculatorErrorCode } from './calculator-error';
export { formatObservation } from './format-observation';
export {
  DEFAULT_CALCULATOR_LIMITS,
  resolveCalculatorLimits,
  type CalculatorLimits,
  type ResolvedCalculatorLimits,
} from './limits';
export type { Clock } from './time-budget';
