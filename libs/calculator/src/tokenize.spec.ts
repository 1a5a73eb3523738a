import { DEFAULT_CALCULATOR_LIMITS, resolveCalculatorLimits } from './limits';
import { describeToken, isOperator, startsOperand } from './token';
import { tokenize } from './tokenize';
import { errorOf } from './testing/error-of.test-support';

const lex = (input: string) => tokenize(input, DEFAULT_CALCULATOR_LIMITS);
const texts = (input: string) => lex(input).map((token) => token.text);

describe('tokenize', () => {
  it('splits numbers, operators, names and punctuation with 1-based positions', () => {
    expect(lex('12 + max(3,4)')).toEqual([
      { kind: 'number', text: '12', position: 1 },
      { kind: 'operator', operator: '+', text: '+', position: 4 },
      { kind: 'identifier', text: 'max', position: 6 },
      { kind: '(', text: '(', position: 9 },
      { kind: 'number', text: '3', position: 10 },
      { kind: ',', text: ',', position: 11 },
      { kind: 'number', text: '4', position: 12 },
      { kind: ')', text: ')', position: 13 },
      { kind: 'end', text: '', position: 14 },
    ]);
  });

  it.each([
    ['0.5', ['0.5', '']],
    ['.5', ['.5', '']],
    ['3.', ['3.', '']],
    ['1e3', ['1e3', '']],
    ['2.5E-2', ['2.5E-2', '']],
    ['2e', ['2', 'e', '']],
    ['2e+x', ['2', 'e', '+', 'x', '']],
    ['1.2.3', ['1.2', '.3', '']],
  ])('reads number literal %p', (input, expected) => {
    expect(texts(input)).toEqual(expected);
  });

  it('normalises operator aliases but keeps the source text', () => {
    const operators = lex('1 × 2 ÷ 3 − 4 ** 5').flatMap((token) =>
      token.kind === 'operator' ? [[token.operator, token.text]] : [],
    );
    expect(operators).toEqual([
      ['*', '×'],
      ['/', '÷'],
      ['-', '−'],
      ['^', '**'],
    ]);
  });

  it('reads identifiers including underscores, digits and π', () => {
    expect(texts('__proto__ + x1 + π')).toEqual(['__proto__', '+', 'x1', '+', 'π', '']);
  });

  it.each([
    ['a.b', "'.'", 2, 'names cannot contain dots'],
    ['2 + 2 = 4', "'='", 7, "without '='"],
    ['$5', "'$'", 1, 'currency'],
    ['[1]', "'['", 1, 'grouping'],
    ['1 & 2', "'&'", 3, 'allowed are digits'],
    ['1\u0000', 'U+0000', 2, 'allowed are digits'],
  ])('rejects %p with a positioned SYNTAX error', (input, shown, position, hint) => {
    const error = errorOf(() => lex(input));
    expect(error.code).toBe('SYNTAX');
    expect(error.message).toContain(`unexpected character ${shown} at position ${position}`);
    expect(error.message).toContain(hint);
  });

  it('enforces maxTokens while tokenizing', () => {
    const limits = resolveCalculatorLimits({ maxTokens: 5 });
    expect(texts('1+2+3')).toHaveLength(6);
    expect(tokenize('1+2+3', limits)).toHaveLength(6);
    const error = errorOf(() => tokenize('1+2+3+4', limits));
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(error.message).toContain('maxTokens = 5');
  });

  it('enforces maxLiteralLength', () => {
    const error = errorOf(() => lex('1'.repeat(101)));
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(error.message).toContain('101 characters');
    expect(error.message).toContain('maxLiteralLength = 100');
  });
});

describe('token helpers', () => {
  it('describes tokens for messages', () => {
    const [number, , name, open] = lex('12 + foo(');
    expect(describeToken(number)).toBe("number '12'");
    expect(describeToken(name)).toBe("name 'foo'");
    expect(describeToken(open)).toBe("'('");
    expect(describeToken({ kind: 'end', text: '', position: 9 })).toBe('end of input');
  });

  it('knows which tokens start an operand', () => {
    expect(lex('1 x ( ) + ,').map(startsOperand)).toEqual([true, true, true, false, false, false, false]);
  });

  it('recognises specific operators', () => {
    const [plus, times] = lex('+ ×');
    expect(isOperator(plus, '+', '-')).toBe(true);
    expect(isOperator(plus, '*')).toBe(false);
    expect(isOperator(times, '*')).toBe(true);
    expect(isOperator({ kind: 'end', text: '', position: 1 }, '+')).toBe(false);
  });
});
