import { InexactDecimal } from './decimal-context';
import { inexactValue, type NumericValue } from './value';

/**
 * Named constants, matched case-insensitively. Both are irrational, so using one makes the
 * result inexact. A Map keeps inherited names (`constructor`, `__proto__`) out of reach.
 */
const CONSTANTS: ReadonlyMap<string, NumericValue> = new Map([
  ['pi', inexactValue(InexactDecimal.acos(-1))],
  ['\u03c0', inexactValue(InexactDecimal.acos(-1))],
  ['e', inexactValue(InexactDecimal.exp(1))],
]);

export const CONSTANT_NAMES: readonly string[] = Object.freeze(['pi', 'e']);

export function lookupConstant(name: string): NumericValue | undefined {
  return CONSTANTS.get(name.toLowerCase());
}
