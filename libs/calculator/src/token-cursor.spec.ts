import { CalculatorError } from './calculator-error';
import { DEFAULT_CALCULATOR_LIMITS } from './limits';
import { TokenCursor } from './token-cursor';
import { tokenize } from './tokenize';

const tokens = tokenize('1 + 2', DEFAULT_CALCULATOR_LIMITS);

describe('TokenCursor', () => {
  it('peeks ahead and advances', () => {
    const cursor = new TokenCursor(tokens, 4);
    expect(cursor.peek().text).toBe('1');
    expect(cursor.peek(1).text).toBe('+');
    expect(cursor.advance().text).toBe('1');
    expect(cursor.peek().text).toBe('+');
  });

  it('keeps returning the end token past the end', () => {
    const cursor = new TokenCursor(tokens, 4);
    for (let i = 0; i < 10; i += 1) cursor.advance();
    expect(cursor.peek().kind).toBe('end');
    expect(cursor.peek(5).kind).toBe('end');
  });

  it('tracks nesting depth and refuses to go deeper than the limit', () => {
    const cursor = new TokenCursor(tokens, 2);
    const token = tokens[0] ?? tokens[tokens.length - 1];
    if (token === undefined) throw new Error('no tokens');
    cursor.enter(token);
    cursor.enter(token);
    cursor.leave();
    cursor.enter(token);
    let caught: unknown;
    try {
      cursor.enter(token);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CalculatorError);
    expect((caught as CalculatorError).code).toBe('LIMIT_EXCEEDED');
    expect((caught as CalculatorError).message).toContain('maxNestingDepth = 2');
  });
});
