import { CalculatorError } from './calculator-error';
import type { Token } from './token';

/**
 * Read position over a token list plus the nesting-depth guard. The parser calls `enter` for
 * every recursive step, so hostile nesting fails with LIMIT_EXCEEDED instead of overflowing
 * the JS stack.
 */
export class TokenCursor {
  private index = 0;
  private depth = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly maxNestingDepth: number,
  ) {}

  /** The token `offset` places ahead; past the end this is the final `end` token. */
  peek(offset = 0): Token {
    const last = this.tokens[this.tokens.length - 1] as Token;
    return this.tokens[this.index + offset] ?? last;
  }

  /** Consumes and returns the current token. */
  advance(): Token {
    const token = this.peek();
    this.index += 1;
    return token;
  }

  enter(token: Token): void {
    this.depth += 1;
    if (this.depth > this.maxNestingDepth) {
      throw new CalculatorError(
        'LIMIT_EXCEEDED',
        `the expression is nested deeper than the limit maxNestingDepth = ${this.maxNestingDepth} (at position ${token.position}); use fewer parentheses, signs or chained powers`,
        token.position,
      );
    }
  }

  leave(): void {
    this.depth -= 1;
  }
}
