import { CalculatorError } from '../calculator-error';

/** The CalculatorError that `action` throws; fails the test if it throws nothing or something else. */
export function errorOf(action: () => unknown): CalculatorError {
  try {
    action();
  } catch (error) {
    if (error instanceof CalculatorError) return error;
  }
  throw new Error('expected a CalculatorError');
}
