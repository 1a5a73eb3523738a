import { FUNCTION_NAMES, lookupFunction, type CallSite } from './builtin-functions';
import { CalculatorError, quote } from './calculator-error';
import { CONSTANT_NAMES, lookupConstant } from './constants';
import type { NumericValue } from './value';

/** A function resolved and checked for its argument count, ready to apply. */
export interface ResolvedCall {
  apply(args: readonly NumericValue[], site: CallSite): NumericValue;
}

/**
 * Resolves a name used as a value. Only the constants exist; anything else (variables, units,
 * `constructor`, `__proto__`) is UNKNOWN_IDENTIFIER with a hint about what is allowed.
 */
export function resolveIdentifier(name: string, position: number): NumericValue {
  const constant = lookupConstant(name);
  if (constant !== undefined) return constant;
  if (lookupFunction(name) !== undefined) {
    throw new CalculatorError(
      'SYNTAX',
      `the function ${quote(name)} at position ${position} must be called with parentheses, e.g. ${name.toLowerCase()}(9)`,
      position,
    );
  }
  const hint = name === 'x' || name === 'X' ? "; write '*' for multiplication" : '';
  throw new CalculatorError(
    'UNKNOWN_IDENTIFIER',
    `unknown name ${quote(name)} at position ${position}; variables are not supported, only numbers and the constants ${CONSTANT_NAMES.join(', ')}${hint}`,
    position,
  );
}

/** Resolves a function call and checks its argument count before any argument is evaluated. */
export function resolveCall(name: string, argCount: number, position: number): ResolvedCall {
  const fn = lookupFunction(name);
  if (fn === undefined) {
    const detail =
      lookupConstant(name) !== undefined
        ? `${quote(name)} at position ${position} is a constant, not a function; write '*' to multiply, e.g. ${name} * (2)`
        : `unknown function ${quote(name)} at position ${position}; available functions: ${FUNCTION_NAMES.join(', ')}`;
    throw new CalculatorError('UNKNOWN_FUNCTION', detail, position);
  }
  if (argCount < fn.minArgs || argCount > fn.maxArgs) {
    const expected =
      fn.maxArgs === Number.POSITIVE_INFINITY
        ? `at least ${fn.minArgs}`
        : fn.minArgs === fn.maxArgs
          ? `${fn.minArgs}`
          : `${fn.minArgs} or ${fn.maxArgs}`;
    throw new CalculatorError(
      'ARGUMENT_COUNT',
      `${name}() at position ${position} takes ${expected} argument${expected === '1' || expected === 'at least 1' ? '' : 's'} but got ${argCount}; usage: ${fn.usage}`,
      position,
    );
  }
  return fn;
}
