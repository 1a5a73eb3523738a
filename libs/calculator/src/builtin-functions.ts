import { CalculatorError } from './calculator-error';
import type { ResolvedCalculatorLimits } from './limits';
import { powerValues } from './power';
import { absValue, ceilValue, floorValue, roundValue } from './rounding';
import { sqrtValue } from './square-root';
import {
  compareMagnitude,
  compareValues,
  describeValue,
  isIntegerValue,
  toDecimal,
  type NumericValue,
} from './value';

/** Where a function is being called from, for limits and error messages. */
export interface CallSite {
  readonly name: string;
  readonly position: number;
  readonly limits: ResolvedCalculatorLimits;
}

export interface BuiltinFunction {
  readonly minArgs: number;
  /** Upper bound on arguments; variadic functions are still capped by maxFunctionArguments. */
  readonly maxArgs: number;
  /** Shown in ARGUMENT_COUNT messages. */
  readonly usage: string;
  apply(args: readonly NumericValue[], site: CallSite): NumericValue;
}

/**
 * The function table. A Map (never a plain object) so names like `constructor`, `__proto__`
 * or `toString` can never resolve to something inherited. Keys are lower case: names are
 * matched case-insensitively.
 */
const BUILTIN_FUNCTIONS: ReadonlyMap<string, BuiltinFunction> = new Map<string, BuiltinFunction>([
  ['sqrt', unary('sqrt(x)', ([x], site) => sqrtValue(x, site.position))],
  ['floor', unary('floor(x)', ([x]) => floorValue(x))],
  ['ceil', unary('ceil(x)', ([x]) => ceilValue(x))],
  ['abs', unary('abs(x)', ([x]) => absValue(x))],
  [
    'round',
    {
      minArgs: 1,
      maxArgs: 2,
      usage: 'round(x) or round(x, digits)',
      apply: ([x, digits], site) => roundValue(x as NumericValue, roundingDigits(digits, site)),
    },
  ],
  ['min', variadic('min(a, b, ...)', (a, b) => (compareValues(b, a) < 0 ? b : a))],
  ['max', variadic('max(a, b, ...)', (a, b) => (compareValues(b, a) > 0 ? b : a))],
  [
    'pow',
    {
      minArgs: 2,
      maxArgs: 2,
      usage: 'pow(base, exponent)',
      apply: ([base, exponent], site) =>
        powerValues(base as NumericValue, exponent as NumericValue, site.position, site.limits, 'pow()'),
    },
  ],
]);

export const FUNCTION_NAMES: readonly string[] = Object.freeze([...BUILTIN_FUNCTIONS.keys()]);

export function lookupFunction(name: string): BuiltinFunction | undefined {
  return BUILTIN_FUNCTIONS.get(name.toLowerCase());
}

function unary(usage: string, apply: (args: [NumericValue], site: CallSite) => NumericValue): BuiltinFunction {
  return { minArgs: 1, maxArgs: 1, usage, apply: (args, site) => apply([args[0] as NumericValue], site) };
}

function variadic(usage: string, pick: (a: NumericValue, b: NumericValue) => NumericValue): BuiltinFunction {
  return {
    minArgs: 1,
    maxArgs: Number.POSITIVE_INFINITY,
    usage,
    apply: (args) => args.reduce(pick),
  };
}

/** Validates the optional `digits` argument of round: a bounded integer, default 0. */
function roundingDigits(digits: NumericValue | undefined, site: CallSite): number {
  if (digits === undefined) return 0;
  const bound = site.limits.maxRoundDigits;
  if (!isIntegerValue(digits)) {
    throw new CalculatorError(
      'DOMAIN',
      `the digits argument of round() at position ${site.position} must be a whole number, got ${describeValue(digits)}`,
      site.position,
    );
  }
  if (compareMagnitude(digits, bound) > 0) {
    throw new CalculatorError(
      'LIMIT_EXCEEDED',
      `the digits argument ${describeValue(digits)} of round() at position ${site.position} is outside the limit maxRoundDigits = ${bound} (use -${bound}..${bound})`,
      site.position,
    );
  }
  return toDecimal(digits).toNumber();
}
