import type { ExpressionNode } from './ast';
import { CalculatorError } from './calculator-error';
import type { ResolvedCalculatorLimits } from './limits';
import { emptyExpression, expectedOperand, missingClosing, unexpectedAfterOperand } from './parse-errors';
import { isOperator, startsOperand, type Token } from './token';
import { TokenCursor } from './token-cursor';

/**
 * Recursive-descent parser. Grammar, loosest binding first:
 *
 *   sum      := product (('+' | '-') product)*
 *   product  := unary (('*' | '/' | '%') unary)*         left-associative
 *   unary    := ('-' | '+') unary | power                 so -2^2 = -(2^2)
 *   power    := postfix (('^' | '**') unary)?             right-associative: 2^3^2 = 2^9
 *   postfix  := primary '%'*                              percent: 50% = 0.5
 *   primary  := number | name | name '(' args? ')' | '(' sum ')'
 *
 * `%` is MODULO when the next token starts an operand (number, name or '('), otherwise it is a
 * postfix PERCENT: `10 % 3` = 1, `15% * 80` = 12, `50%` = 0.5, `10 % -3` = 10% - 3.
 * Every recursive step (parentheses, call arguments, unary sign, power operand) counts towards
 * maxNestingDepth, so hostile nesting fails cleanly long before the JS stack would.
 */
export function parseExpression(tokens: readonly Token[], limits: ResolvedCalculatorLimits): ExpressionNode {
  const cursor = new TokenCursor(tokens, limits.maxNestingDepth);
  if (cursor.peek().kind === 'end') throw emptyExpression();
  const tree = parseSum(cursor, limits);
  const next = cursor.peek();
  if (next.kind !== 'end') throw unexpectedAfterOperand(next);
  return tree;
}

function parseSum(cursor: TokenCursor, limits: ResolvedCalculatorLimits): ExpressionNode {
  let left = parseProduct(cursor, limits);
  for (let token = cursor.peek(); isOperator(token, '+', '-'); token = cursor.peek()) {
    cursor.advance();
    const right = parseProduct(cursor, limits);
    left = { type: 'binary', operator: token.operator, left, right, position: token.position };
  }
  return left;
}

function parseProduct(cursor: TokenCursor, limits: ResolvedCalculatorLimits): ExpressionNode {
  let left = parseUnary(cursor, limits);
  // A '%' still here is followed by an operand (parsePostfix took the percent ones): modulo.
  for (let token = cursor.peek(); isOperator(token, '*', '/', '%'); token = cursor.peek()) {
    cursor.advance();
    const right = parseUnary(cursor, limits);
    left = { type: 'binary', operator: token.operator, left, right, position: token.position };
  }
  return left;
}

function parseUnary(cursor: TokenCursor, limits: ResolvedCalculatorLimits): ExpressionNode {
  const token = cursor.peek();
  if (!isOperator(token, '+', '-')) return parsePower(cursor, limits);
  cursor.advance();
  cursor.enter(token);
  const operand = parseUnary(cursor, limits);
  cursor.leave();
  return { type: 'unary', operator: token.operator, operand, position: token.position };
}

function parsePower(cursor: TokenCursor, limits: ResolvedCalculatorLimits): ExpressionNode {
  const base = parsePostfix(cursor, limits);
  const token = cursor.peek();
  if (!isOperator(token, '^')) return base;
  cursor.advance();
  cursor.enter(token);
  const exponent = parseUnary(cursor, limits);
  cursor.leave();
  return { type: 'binary', operator: '^', left: base, right: exponent, position: token.position };
}

function parsePostfix(cursor: TokenCursor, limits: ResolvedCalculatorLimits): ExpressionNode {
  let node = parsePrimary(cursor, limits);
  for (let token = cursor.peek(); isOperator(token, '%') && !startsOperand(cursor.peek(1)); token = cursor.peek()) {
    cursor.advance();
    node = { type: 'percent', operand: node, position: token.position };
  }
  return node;
}

function parsePrimary(cursor: TokenCursor, limits: ResolvedCalculatorLimits): ExpressionNode {
  const token = cursor.advance();
  switch (token.kind) {
    case 'number':
      return { type: 'number', text: token.text, position: token.position };
    case 'identifier':
      if (cursor.peek().kind === '(') return parseCall(cursor, limits, token);
      return { type: 'identifier', name: token.text, position: token.position };
    case '(': {
      cursor.enter(token);
      const inner = parseSum(cursor, limits);
      expectClosingParen(cursor, "')'", '(', token.position);
      cursor.leave();
      return inner;
    }
    default:
      throw expectedOperand(token);
  }
}

function parseCall(cursor: TokenCursor, limits: ResolvedCalculatorLimits, name: Token): ExpressionNode {
  cursor.enter(cursor.advance());
  const args: ExpressionNode[] = [];
  if (cursor.peek().kind !== ')') {
    for (;;) {
      if (args.length >= limits.maxFunctionArguments) {
        throw new CalculatorError(
          'LIMIT_EXCEEDED',
          `${name.text}() at position ${name.position} has more than ${limits.maxFunctionArguments} arguments (limit maxFunctionArguments = ${limits.maxFunctionArguments})`,
          name.position,
        );
      }
      args.push(parseSum(cursor, limits));
      if (cursor.peek().kind !== ',') break;
      cursor.advance();
    }
  }
  expectClosingParen(cursor, "',' or ')'", `${name.text}(`, name.position);
  cursor.leave();
  return { type: 'call', name: name.text, args, position: name.position };
}

function expectClosingParen(cursor: TokenCursor, expected: string, opener: string, openerPosition: number): void {
  const token = cursor.peek();
  if (token.kind !== ')') throw missingClosing(token, expected, opener, openerPosition);
  cursor.advance();
}
