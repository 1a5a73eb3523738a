import { DEFAULT_CALCULATOR_LIMITS } from './limits';
import { emptyExpression, expectedOperand, missingClosing, unexpectedAfterOperand } from './parse-errors';
import type { Token } from './token';
import { tokenize } from './tokenize';

const first = (input: string): Token => tokenize(input, DEFAULT_CALCULATOR_LIMITS)[0] as Token;
const end: Token = { kind: 'end', text: '', position: 7 };

describe('parse errors', () => {
  it('are all SYNTAX errors with a position', () => {
    for (const error of [emptyExpression(), expectedOperand(end), missingClosing(end, "')'", '(', 1), unexpectedAfterOperand(first(')'))]) {
      expect(error.code).toBe('SYNTAX');
      expect(error.position).toBeGreaterThan(0);
    }
  });

  it('say what was expected and what was found', () => {
    expect(expectedOperand(end).message).toBe("expected a number, name or '(' at position 7 but found end of input");
    expect(missingClosing(end, "')'", '(', 1).message).toBe(
      "expected ')' at position 7 but found end of input (to close '(' at position 1)",
    );
  });

  it("suggest '*' when an operand follows an operand", () => {
    expect(missingClosing(first('4'), "')'", '(', 1).message).toContain("write '*' for multiplication");
    expect(unexpectedAfterOperand(first('x')).message).toContain("write '*' for multiplication");
  });

  it('explain stray closing parentheses and commas', () => {
    expect(unexpectedAfterOperand(first(')')).message).toContain("unmatched ')' at position 1");
    expect(unexpectedAfterOperand(first(',')).message).toContain('write 1000, not 1,000');
  });
});
