import type { ExpressionNode } from './ast';
import { CalculatorError } from './calculator-error';
import { DEFAULT_CALCULATOR_LIMITS, resolveCalculatorLimits, type CalculatorLimits } from './limits';
import { parseExpression } from './parse-expression';
import { tokenize } from './tokenize';

function parse(input: string, partial: CalculatorLimits = {}): ExpressionNode {
  const limits = resolveCalculatorLimits({ ...DEFAULT_CALCULATOR_LIMITS, ...partial });
  return parseExpression(tokenize(input, limits), limits);
}

/** Fully parenthesised rendering, so tests can state the tree shape compactly. */
function show(node: ExpressionNode): string {
  switch (node.type) {
    case 'number':
      return node.text;
    case 'identifier':
      return node.name;
    case 'call':
      return `${node.name}(${node.args.map(show).join(', ')})`;
    case 'unary':
      return `(${node.operator}${show(node.operand)})`;
    case 'percent':
      return `(${show(node.operand)}%)`;
    case 'binary':
      return `(${show(node.left)} ${node.operator} ${show(node.right)})`;
  }
}

function syntaxError(input: string, partial: CalculatorLimits = {}): CalculatorError {
  try {
    parse(input, partial);
  } catch (error) {
    if (error instanceof CalculatorError) return error;
  }
  throw new Error(`expected ${input} to fail`);
}

describe('parseExpression: precedence and associativity', () => {
  it.each([
    ['1 + 2 * 3', '(1 + (2 * 3))'],
    ['(1 + 2) * 3', '((1 + 2) * 3)'],
    ['8 - 3 - 2', '((8 - 3) - 2)'],
    ['8 / 4 / 2', '((8 / 4) / 2)'],
    ['2 ^ 3 ^ 2', '(2 ^ (3 ^ 2))'],
    ['2 ** 3 ** 2', '(2 ^ (3 ^ 2))'],
    ['-2 ^ 2', '(-(2 ^ 2))'],
    ['2 ^ -2', '(2 ^ (-2))'],
    ['-3 * 2', '((-3) * 2)'],
    ['2 * -3', '(2 * (-3))'],
    ['--3', '(-(-3))'],
    ['+3 - +2', '((+3) - (+2))'],
    ['2 × 3 ÷ 4 − 1', '(((2 * 3) / 4) - 1)'],
    ['1 + 2 * 3 ^ 2', '(1 + (2 * (3 ^ 2)))'],
    ['sqrt(16) + round(2.5, 0)', '(sqrt(16) + round(2.5, 0))'],
    ['max(1, 2 + 3, -4)', 'max(1, (2 + 3), (-4))'],
    ['pi * r ^ 2', '(pi * (r ^ 2))'],
    ['f()', 'f()'],
  ])('%s parses as %s', (input, expected) => {
    expect(show(parse(input))).toBe(expected);
  });
});

describe('parseExpression: percent versus modulo', () => {
  it.each([
    ['10 % 3', '(10 % 3)'],
    ['10 %3', '(10 % 3)'],
    ['10 % (3)', '(10 % 3)'],
    ['10 % x', '(10 % x)'],
    ['15% * 80', '((15%) * 80)'],
    ['50%', '(50%)'],
    ['200 + 10%', '(200 + (10%))'],
    ['10 % -3', '((10%) - 3)'],
    ['(1 + 2)%', '((1 + 2)%)'],
    ['50%%', '((50%)%)'],
    ['2 ^ 50%', '(2 ^ (50%))'],
    ['-50%', '(-(50%))'],
    ['7 % 4 % 3', '((7 % 4) % 3)'],
  ])('%s parses as %s', (input, expected) => {
    expect(show(parse(input))).toBe(expected);
  });
});

describe('parseExpression: errors', () => {
  it.each([
    ['', 'the expression is empty', 1],
    ['   ', 'the expression is empty', 1],
    ['(1 + 2', "expected ')' at position 7 but found end of input (to close '(' at position 1)", 7],
    ['1 +', "expected a number, name or '(' at position 4 but found end of input", 4],
    ['* 3', "expected a number, name or '(' at position 1 but found '*'", 1],
    ['1 + )', "expected a number, name or '(' at position 5 but found ')'", 5],
    ['1 + 2)', "unmatched ')' at position 6", 6],
    ['2 3', "expected an operator or end of input at position 3 but found number '3'", 3],
    ['2(3 + 4)', "write '*' for multiplication", 2],
    ['1,000', 'commas only separate function arguments', 2],
    ['max(1, 2', "expected ',' or ')' at position 9 but found end of input (to close 'max(' at position 1)", 9],
    ['max(1 2)', "expected ',' or ')' at position 7 but found number '2'", 7],
    ['max(1,)', "expected a number, name or '(' at position 7 but found ')'", 7],
    ['()', "expected a number, name or '(' at position 2 but found ')'", 2],
  ])('%p fails with %p', (input, message, position) => {
    const error = syntaxError(input);
    expect(error.code).toBe('SYNTAX');
    expect(error.message).toContain(message);
    expect(error.position).toBe(position);
  });
});

describe('parseExpression: limits', () => {
  it('refuses nesting deeper than maxNestingDepth', () => {
    const error = syntaxError(`${'('.repeat(65)}1${')'.repeat(65)}`);
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(error.message).toContain('maxNestingDepth = 64');
    expect(error.position).toBe(65);
    expect(() => parse(`${'('.repeat(64)}1${')'.repeat(64)}`)).not.toThrow();
  });

  it('counts unary signs and power chains as nesting', () => {
    expect(syntaxError(`${'-'.repeat(65)}1`).code).toBe('LIMIT_EXCEEDED');
    expect(syntaxError(`2${'^2'.repeat(65)}`).code).toBe('LIMIT_EXCEEDED');
    expect(syntaxError(`${'sqrt('.repeat(65)}1${')'.repeat(65)}`).code).toBe('LIMIT_EXCEEDED');
  });

  it('survives 10,000 nested parentheses without touching the JS stack limit', () => {
    const input = `${'('.repeat(10_000)}1${')'.repeat(10_000)}`;
    const error = syntaxError(input, { maxInputLength: 100_000, maxTokens: 100_000 });
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(error.message).toContain('maxNestingDepth');
  });

  it('refuses calls with more than maxFunctionArguments arguments', () => {
    const args = Array.from({ length: 4 }, (_, i) => String(i)).join(',');
    const error = syntaxError(`max(${args})`, { maxFunctionArguments: 3 });
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(error.message).toContain('maxFunctionArguments = 3');
  });

  it('keeps long flat chains shallow (only nesting counts)', () => {
    expect(() => parse(Array.from({ length: 200 }, () => '1').join('+'))).not.toThrow();
  });
});
