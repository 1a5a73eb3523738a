import { CalculatorError } from './calculator-error';
import { describeToken, startsOperand, type Token } from './token';

/** Syntax error messages: each says where, what was expected or found, and how to fix it. */

export function emptyExpression(): CalculatorError {
  return new CalculatorError('SYNTAX', 'the expression is empty; write an arithmetic expression such as 48 / 2', 1);
}

export function expectedOperand(token: Token): CalculatorError {
  return new CalculatorError(
    'SYNTAX',
    `expected a number, name or '(' at position ${token.position} but found ${describeToken(token)}`,
    token.position,
  );
}

/** `expected` is e.g. "')'"; `opener` is the text that needed closing and where it was. */
export function missingClosing(token: Token, expected: string, opener: string, openerPosition: number): CalculatorError {
  const hint = startsOperand(token) ? "; write '*' for multiplication" : '';
  return new CalculatorError(
    'SYNTAX',
    `expected ${expected} at position ${token.position} but found ${describeToken(token)} (to close '${opener}' at position ${openerPosition})${hint}`,
    token.position,
  );
}

/** A complete expression was followed by something that cannot continue it. */
export function unexpectedAfterOperand(token: Token): CalculatorError {
  const at = `at position ${token.position}`;
  const message =
    token.kind === ')'
      ? `unmatched ')' ${at}; remove it or add a matching '('`
      : token.kind === ','
        ? `unexpected ',' ${at}: commas only separate function arguments (write 1000, not 1,000)`
        : `expected an operator or end of input ${at} but found ${describeToken(token)}; write '*' for multiplication, e.g. 2 * (3 + 4)`;
  return new CalculatorError('SYNTAX', message, token.position);
}
