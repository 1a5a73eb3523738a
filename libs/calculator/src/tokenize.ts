import { CalculatorError } from './calculator-error';
import type { ResolvedCalculatorLimits } from './limits';
import type { OperatorSymbol, Token } from './token';

/** Single-character operators, including the Unicode spellings models like to write. */
const OPERATOR_CHARACTERS = new Map<string, OperatorSymbol>([
  ['+', '+'],
  ['-', '-'],
  ['\u2212', '-'], // − MINUS SIGN
  ['*', '*'],
  ['\u00d7', '*'], // × MULTIPLICATION SIGN
  ['/', '/'],
  ['\u00f7', '/'], // ÷ DIVISION SIGN
  ['^', '^'],
  ['%', '%'],
]);

const PUNCTUATION = new Set(['(', ')', ',']);

/**
 * Splits an expression into tokens. Numbers: `12`, `0.5`, `.5`, `3.` and scientific `1e3`,
 * `2.5E-2` (an `e` only belongs to the number when digits follow it, so `2e` is 2 then `e`).
 * Names are ASCII letters, digits and `_` (plus `π`). Whitespace separates tokens.
 */
export function tokenize(input: string, limits: ResolvedCalculatorLimits): Token[] {
  const tokens: Token[] = [];
  const push = (token: Token) => {
    if (tokens.length >= limits.maxTokens) {
      throw new CalculatorError(
        'LIMIT_EXCEEDED',
        `the expression has more than ${limits.maxTokens} tokens (limit maxTokens = ${limits.maxTokens}); simplify it`,
        token.position,
      );
    }
    tokens.push(token);
  };
  let i = 0;
  while (i < input.length) {
    const ch = input[i] as string;
    const position = i + 1;
    if (/\s/.test(ch)) {
      i += 1;
    } else if (isDigit(ch) || (ch === '.' && isDigit(input[i + 1]))) {
      const end = scanNumber(input, i);
      const text = input.slice(i, end);
      if (text.length > limits.maxLiteralLength) {
        throw new CalculatorError(
          'LIMIT_EXCEEDED',
          `the number at position ${position} has ${text.length} characters, more than the limit maxLiteralLength = ${limits.maxLiteralLength}; use fewer digits`,
          position,
        );
      }
      push({ kind: 'number', text, position });
      i = end;
    } else if (/[A-Za-z_\u03c0]/.test(ch)) {
      let end = i + 1;
      while (end < input.length && /[A-Za-z0-9_]/.test(input[end] as string)) end += 1;
      push({ kind: 'identifier', text: input.slice(i, end), position });
      i = end;
    } else if (ch === '*' && input[i + 1] === '*') {
      push({ kind: 'operator', operator: '^', text: '**', position });
      i += 2;
    } else if (OPERATOR_CHARACTERS.has(ch)) {
      push({ kind: 'operator', operator: OPERATOR_CHARACTERS.get(ch) as OperatorSymbol, text: ch, position });
      i += 1;
    } else if (PUNCTUATION.has(ch)) {
      push({ kind: ch as '(' | ')' | ',', text: ch, position });
      i += 1;
    } else {
      throw unexpectedCharacter(input, i);
    }
  }
  tokens.push({ kind: 'end', text: '', position: input.length + 1 });
  return tokens;
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Returns the index just past the number literal starting at `start`. */
function scanNumber(input: string, start: number): number {
  let i = start;
  while (isDigit(input[i])) i += 1;
  if (input[i] === '.') {
    i += 1;
    while (isDigit(input[i])) i += 1;
  }
  if (input[i] === 'e' || input[i] === 'E') {
    const sign = input[i + 1] === '+' || input[i + 1] === '-' ? 1 : 0;
    if (isDigit(input[i + 1 + sign])) {
      i += 1 + sign;
      while (isDigit(input[i])) i += 1;
    }
  }
  return i;
}

/** Hints for characters models commonly emit, so the message says what to change. */
const CHARACTER_HINTS = new Map<string, string>([
  ['=', "write only the expression, without '='"],
  ['[', "use '(' and ')' for grouping"],
  [']', "use '(' and ')' for grouping"],
  ['{', "use '(' and ')' for grouping"],
  ['}', "use '(' and ')' for grouping"],
  ['$', 'leave out currency symbols and units'],
  ['\u20ac', 'leave out currency symbols and units'],
  ['\u00a3', 'leave out currency symbols and units'],
  ['.', 'a decimal point must be next to a digit; names cannot contain dots'],
]);

function unexpectedCharacter(input: string, index: number): CalculatorError {
  const codePoint = input.codePointAt(index) ?? 0;
  const ch = String.fromCodePoint(codePoint);
  const shown = codePoint < 0x20 || codePoint === 0x7f ? `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}` : `'${ch}'`;
  const hint =
    CHARACTER_HINTS.get(ch) ??
    "allowed are digits, '.', + - * / ^ % ( ) ',' (also × ÷ −) and function names";
  return new CalculatorError('SYNTAX', `unexpected character ${shown} at position ${index + 1}; ${hint}`, index + 1);
}
