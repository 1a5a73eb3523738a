import { calculate, type CalculatorOptions } from './calculate';
import type { CalculatorErrorCode } from './calculator-error';

interface HostileCase {
  readonly name: string;
  readonly input: string;
  readonly code: CalculatorErrorCode;
  /** Fragments the message must contain: what is wrong and what to fix. */
  readonly mentions: readonly string[];
  readonly options?: CalculatorOptions;
}

const MEGABYTE = 1024 * 1024;

const cases: readonly HostileCase[] = [
  { name: 'tower 9^9^9', input: '9^9^9', code: 'LIMIT_EXCEEDED', mentions: ['exponent 387420489', 'maxExponent = 10000'] },
  { name: '2^1000000', input: '2^1000000', code: 'LIMIT_EXCEEDED', mentions: ['exponent 1000000', 'maxExponent'] },
  { name: '10^(10^10)', input: '10^(10^10)', code: 'LIMIT_EXCEEDED', mentions: ['exponent 10000000000', 'maxExponent'] },
  { name: '10^10^10', input: '10^10^10', code: 'LIMIT_EXCEEDED', mentions: ['exponent 10000000000', 'maxExponent'] },
  { name: 'predicted-too-big power 2^5000', input: '2^5000', code: 'LIMIT_EXCEEDED', mentions: ['2^5000', 'maxNumberBits = 4096'] },
  { name: 'predicted-too-small power 2^-5000', input: '2^-5000', code: 'LIMIT_EXCEEDED', mentions: ['maxNumberBits'] },
  { name: 'huge literal 1e999999999', input: '1e999999999', code: 'LIMIT_EXCEEDED', mentions: ['too large', 'maxNumberBits'] },
  { name: 'huge product', input: '2^4000 * 2^4000', code: 'LIMIT_EXCEEDED', mentions: ["'*' at position 8", 'maxNumberBits'] },
  { name: 'repeated squaring', input: '((((2^64)^64)^64)^64)', code: 'LIMIT_EXCEEDED', mentions: ['maxNumberBits'] },
  {
    name: '10,000 nested parentheses (default limits: too long)',
    input: `${'('.repeat(10_000)}1${')'.repeat(10_000)}`,
    code: 'LIMIT_EXCEEDED',
    mentions: ['20001 characters', 'maxInputLength = 1000'],
  },
  {
    name: '10,000 nested parentheses (raised length limits: too deep)',
    input: `${'('.repeat(10_000)}1${')'.repeat(10_000)}`,
    options: { limits: { maxInputLength: 1_000_000, maxTokens: 1_000_000 } },
    code: 'LIMIT_EXCEEDED',
    mentions: ['maxNestingDepth = 64', 'position 65'],
  },
  { name: '200 nested parentheses', input: `${'('.repeat(200)}1${')'.repeat(200)}`, code: 'LIMIT_EXCEEDED', mentions: ['maxNestingDepth = 64'] },
  { name: 'unbalanced deep ((((', input: '('.repeat(300), code: 'LIMIT_EXCEEDED', mentions: ['maxNestingDepth'] },
  { name: 'unbalanced shallow ((((', input: '((((1', code: 'SYNTAX', mentions: ["expected ')' at position 6 but found end of input"] },
  { name: 'deep unary minus', input: `${'-'.repeat(400)}1`, code: 'LIMIT_EXCEEDED', mentions: ['maxNestingDepth'] },
  { name: 'deep function nesting', input: `${'sqrt('.repeat(100)}1${')'.repeat(100)}`, code: 'LIMIT_EXCEEDED', mentions: ['maxNestingDepth'] },
  { name: 'too many tokens', input: Array.from({ length: 400 }, () => '1').join('+'), code: 'LIMIT_EXCEEDED', mentions: ['maxTokens = 500'] },
  { name: 'long literal', input: '9'.repeat(150), code: 'LIMIT_EXCEEDED', mentions: ['150 characters', 'maxLiteralLength = 100'] },
  { name: 'constructor', input: 'constructor', code: 'UNKNOWN_IDENTIFIER', mentions: ["'constructor'", 'constants pi, e'] },
  { name: '__proto__', input: '__proto__', code: 'UNKNOWN_IDENTIFIER', mentions: ["'__proto__'"] },
  { name: 'hasOwnProperty', input: 'hasOwnProperty + 1', code: 'UNKNOWN_IDENTIFIER', mentions: ["'hasOwnProperty'"] },
  { name: 'toString()', input: 'toString()', code: 'UNKNOWN_FUNCTION', mentions: ["unknown function 'toString'", 'available functions'] },
  { name: 'constructor(1)', input: 'constructor(1)', code: 'UNKNOWN_FUNCTION', mentions: ["'constructor'"] },
  { name: '__proto__()', input: '__proto__()', code: 'UNKNOWN_FUNCTION', mentions: ["'__proto__'"] },
  { name: 'a.b', input: 'a.b', code: 'SYNTAX', mentions: ["unexpected character '.' at position 2"] },
  { name: 'process.exit(1)', input: 'process.exit(1)', code: 'SYNTAX', mentions: ["unexpected character '.' at position 8"] },
  { name: 'eval call', input: 'eval("1")', code: 'SYNTAX', mentions: ["unexpected character '\"' at position 6"] },
  { name: 'template literal', input: '`${1}`', code: 'SYNTAX', mentions: ['unexpected character'] },
  { name: '1 MB of digits', input: '1'.repeat(MEGABYTE), code: 'LIMIT_EXCEEDED', mentions: [`${MEGABYTE} characters`, 'maxInputLength = 1000'] },
  { name: '1 MB of "1+"', input: '1+'.repeat(MEGABYTE / 2), code: 'LIMIT_EXCEEDED', mentions: ['maxInputLength'] },
  { name: '1/0', input: '1/0', code: 'DIVISION_BY_ZERO', mentions: ["'/' at position 2"] },
  { name: '1/(1-1)', input: '1/(1-1)', code: 'DIVISION_BY_ZERO', mentions: ['divisor'] },
  { name: '5 % 0', input: '5 % 0', code: 'DIVISION_BY_ZERO', mentions: ["'%' at position 3"] },
  { name: '0^-1', input: '0^-1', code: 'DIVISION_BY_ZERO', mentions: ['0 raised to a negative power'] },
  { name: 'pow(0, -2)', input: 'pow(0, -2)', code: 'DIVISION_BY_ZERO', mentions: ['pow()'] },
  { name: 'sqrt(-1)', input: 'sqrt(-1)', code: 'DOMAIN', mentions: ['negative number -1', '>= 0'] },
  { name: 'sqrt(-4)', input: 'sqrt(-4)', code: 'DOMAIN', mentions: ['negative number -4'] },
  { name: '(-8)^(1/3)', input: '(-8)^(1/3)', code: 'DOMAIN', mentions: ['negative base -8', 'non-integer exponent'] },
  { name: 'round(1, 1000000)', input: 'round(1, 1000000)', code: 'LIMIT_EXCEEDED', mentions: ['1000000', 'maxRoundDigits = 100'] },
  { name: 'round(1, 0.5)', input: 'round(1, 0.5)', code: 'DOMAIN', mentions: ['whole number'] },
  { name: 'max()', input: 'max()', code: 'ARGUMENT_COUNT', mentions: ['at least 1 argument', 'got 0'] },
  { name: 'min()', input: 'min()', code: 'ARGUMENT_COUNT', mentions: ['at least 1 argument'] },
  { name: 'sqrt()', input: 'sqrt()', code: 'ARGUMENT_COUNT', mentions: ['takes 1 argument but got 0'] },
  { name: 'round(1,2,3)', input: 'round(1,2,3)', code: 'ARGUMENT_COUNT', mentions: ['1 or 2 arguments'] },
  {
    name: 'max with 150 arguments',
    input: `max(${Array.from({ length: 150 }, () => '1').join(',')})`,
    code: 'LIMIT_EXCEEDED',
    mentions: ['maxFunctionArguments = 100'],
  },
  { name: 'empty input', input: '', code: 'SYNTAX', mentions: ['empty'] },
  { name: 'only spaces', input: '   ', code: 'SYNTAX', mentions: ['empty'] },
  { name: 'NUL byte', input: '1\u0000+1', code: 'SYNTAX', mentions: ['U+0000'] },
  { name: 'lone surrogate', input: '1 + \ud800', code: 'SYNTAX', mentions: ['position 5'] },
  { name: 'emoji', input: '1 + 🙂', code: 'SYNTAX', mentions: ['position 5'] },
  { name: 'assignment', input: 'x = 5', code: 'SYNTAX', mentions: ["'='"] },
  { name: 'unknown variable', input: 'apples * 3', code: 'UNKNOWN_IDENTIFIER', mentions: ["'apples'", 'variables are not supported'] },
  { name: 'implicit multiplication', input: '2(3 + 4)', code: 'SYNTAX', mentions: ["write '*' for multiplication"] },
];

describe('hostile inputs', () => {
  it.each(cases)('$name -> $code', ({ input, code, mentions, options }) => {
    const result = calculate(input, options);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    for (const fragment of mentions) expect(result.error.message).toContain(fragment);
    // Messages stay short enough to feed back to a model, whatever the input size.
    expect(result.error.message.length).toBeLessThan(400);
  });
});
