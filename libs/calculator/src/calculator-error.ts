/**
 * Error codes a calculation can fail with. They are part of the public API: callers (and reward
 * functions) branch on the code, while the message is written for the model that has to fix its
 * expression.
 */
export type CalculatorErrorCode =
  | 'SYNTAX'
  | 'DIVISION_BY_ZERO'
  | 'DOMAIN'
  | 'UNKNOWN_FUNCTION'
  | 'UNKNOWN_IDENTIFIER'
  | 'ARGUMENT_COUNT'
  | 'LIMIT_EXCEEDED'
  | 'TIMEOUT'
  | 'INTERNAL';

export const CALCULATOR_ERROR_CODES: readonly CalculatorErrorCode[] = Object.freeze([
  'SYNTAX',
  'DIVISION_BY_ZERO',
  'DOMAIN',
  'UNKNOWN_FUNCTION',
  'UNKNOWN_IDENTIFIER',
  'ARGUMENT_COUNT',
  'LIMIT_EXCEEDED',
  'TIMEOUT',
  'INTERNAL',
]);

/**
 * Internal exception used to unwind the tokenizer/parser/evaluator. It never escapes the public
 * API: `calculate` converts it into a `{ ok: false, error }` result.
 */
export class CalculatorError extends Error {
  constructor(
    readonly code: CalculatorErrorCode,
    message: string,
    /** 1-based character position the problem was found at, when there is one. */
    readonly position?: number,
  ) {
    super(message);
    this.name = 'CalculatorError';
  }
}

/** Longest piece of user input quoted back in a message, so one error cannot echo megabytes. */
const MAX_QUOTED_LENGTH = 40;

/** Quotes user-supplied text for an error message, shortening it when it is long. */
export function quote(text: string): string {
  const shown = text.length > MAX_QUOTED_LENGTH ? `${text.slice(0, MAX_QUOTED_LENGTH)}...` : text;
  return `'${shown}'`;
}
