/** Binary/prefix/postfix operator symbols after alias normalisation (× -> *, ÷ -> /, − -> -, ** -> ^). */
export type OperatorSymbol = '+' | '-' | '*' | '/' | '^' | '%';

/** One lexical token. `text` is the source spelling (for messages); positions are 1-based. */
export type Token =
  | { readonly kind: 'number'; readonly text: string; readonly position: number }
  | { readonly kind: 'identifier'; readonly text: string; readonly position: number }
  | {
      readonly kind: 'operator';
      readonly operator: OperatorSymbol;
      readonly text: string;
      readonly position: number;
    }
  | { readonly kind: '(' | ')' | ',' | 'end'; readonly text: string; readonly position: number };

/** How a token is named in "expected X but found Y" messages. */
export function describeToken(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'end of input';
    case 'number':
      return `number '${shorten(token.text)}'`;
    case 'identifier':
      return `name '${shorten(token.text)}'`;
    default:
      return `'${token.text}'`;
  }
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
}

/** Tokens that can start an operand; decides whether `%` is modulo or percent. */
export function startsOperand(token: Token): boolean {
  return token.kind === 'number' || token.kind === 'identifier' || token.kind === '(';
}

type OperatorToken = Extract<Token, { kind: 'operator' }>;

/** True when `token` is one of the given operators (narrowing its `operator` type). */
export function isOperator<O extends OperatorSymbol>(
  token: Token,
  ...operators: O[]
): token is OperatorToken & { readonly operator: O } {
  return token.kind === 'operator' && (operators as OperatorSymbol[]).includes(token.operator);
}
