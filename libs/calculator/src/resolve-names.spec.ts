import { resolveCall, resolveIdentifier } from './resolve-names';
import { errorOf } from './testing/error-of.test-support';

describe('resolveIdentifier', () => {
  it('resolves constants', () => {
    expect(resolveIdentifier('pi', 1).kind).toBe('inexact');
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'apples'])(
    'reports %p as UNKNOWN_IDENTIFIER with the allowed names',
    (name) => {
      const error = errorOf(() => resolveIdentifier(name, 5));
      expect(error.code).toBe('UNKNOWN_IDENTIFIER');
      expect(error.message).toContain(`unknown name '${name}' at position 5`);
      expect(error.message).toContain('constants pi, e');
    },
  );

  it("hints at '*' for a stray x", () => {
    expect(errorOf(() => resolveIdentifier('x', 2)).message).toContain("write '*' for multiplication");
  });

  it('asks for parentheses when a function name is used as a value', () => {
    const error = errorOf(() => resolveIdentifier('Sqrt', 1));
    expect(error.code).toBe('SYNTAX');
    expect(error.message).toContain('must be called with parentheses, e.g. sqrt(9)');
  });
});

describe('resolveCall', () => {
  it('resolves known functions with valid argument counts', () => {
    expect(resolveCall('max', 3, 1)).toBeDefined();
    expect(resolveCall('ROUND', 2, 1)).toBeDefined();
  });

  it.each(['toString', 'constructor', '__proto__', 'eval', 'log'])('reports %p() as UNKNOWN_FUNCTION', (name) => {
    const error = errorOf(() => resolveCall(name, 0, 1));
    expect(error.code).toBe('UNKNOWN_FUNCTION');
    expect(error.message).toContain(`unknown function '${name}' at position 1`);
    expect(error.message).toContain('available functions: sqrt');
  });

  it('explains that constants cannot be called', () => {
    const error = errorOf(() => resolveCall('pi', 1, 1));
    expect(error.code).toBe('UNKNOWN_FUNCTION');
    expect(error.message).toContain("is a constant, not a function; write '*' to multiply");
  });

  it.each([
    ['max', 0, 'max() at position 1 takes at least 1 argument but got 0; usage: max(a, b, ...)'],
    ['sqrt', 2, 'sqrt() at position 1 takes 1 argument but got 2; usage: sqrt(x)'],
    ['round', 3, 'round() at position 1 takes 1 or 2 arguments but got 3'],
    ['pow', 1, 'pow() at position 1 takes 2 arguments but got 1; usage: pow(base, exponent)'],
  ])('reports %s with %p arguments as ARGUMENT_COUNT', (name, count, message) => {
    const error = errorOf(() => resolveCall(name, count, 1));
    expect(error.code).toBe('ARGUMENT_COUNT');
    expect(error.message).toContain(message);
  });
});
