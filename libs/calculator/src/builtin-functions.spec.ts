import { FUNCTION_NAMES, lookupFunction, type CallSite } from './builtin-functions';
import { InexactDecimal } from './decimal-context';
import { DEFAULT_CALCULATOR_LIMITS } from './limits';
import { makeRational } from './rational';
import { exactValue, inexactValue, type NumericValue } from './value';
import { errorOf } from './testing/error-of.test-support';

const q = (num: bigint, den: bigint = 1n) => exactValue(makeRational(num, den));
const approx = (text: string) => inexactValue(new InexactDecimal(text));

function call(name: string, ...args: NumericValue[]): NumericValue {
  const fn = lookupFunction(name);
  if (fn === undefined) throw new Error(`no function ${name}`);
  const site: CallSite = { name, position: 1, limits: DEFAULT_CALCULATOR_LIMITS };
  return fn.apply(args, site);
}

describe('builtin functions', () => {
  it('lists the supported names', () => {
    expect([...FUNCTION_NAMES].sort()).toEqual(['abs', 'ceil', 'floor', 'max', 'min', 'pow', 'round', 'sqrt']);
  });

  it('matches names case-insensitively', () => {
    expect(lookupFunction('SQRT')).toBe(lookupFunction('sqrt'));
    expect(lookupFunction('Round')).toBeDefined();
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'eval', 'log'])(
    'does not resolve %p',
    (name) => {
      expect(lookupFunction(name)).toBeUndefined();
    },
  );

  it('declares argument counts', () => {
    expect(lookupFunction('sqrt')).toMatchObject({ minArgs: 1, maxArgs: 1 });
    expect(lookupFunction('round')).toMatchObject({ minArgs: 1, maxArgs: 2 });
    expect(lookupFunction('max')).toMatchObject({ minArgs: 1, maxArgs: Number.POSITIVE_INFINITY });
    expect(lookupFunction('pow')).toMatchObject({ minArgs: 2, maxArgs: 2 });
  });

  it('computes sqrt, floor, ceil and abs', () => {
    expect(call('sqrt', q(9n, 4n))).toEqual(q(3n, 2n));
    expect(call('floor', q(-1n, 2n))).toEqual(q(-1n));
    expect(call('ceil', q(-1n, 2n))).toEqual(q(0n));
    expect(call('abs', q(-1n, 2n))).toEqual(q(1n, 2n));
  });

  it('rounds half away from zero with optional digits', () => {
    expect(call('round', q(5n, 2n))).toEqual(q(3n));
    expect(call('round', q(-5n, 2n))).toEqual(q(-3n));
    expect(call('round', q(2345n, 1000n), q(2n))).toEqual(q(47n, 20n));
    expect(call('round', q(1250n), q(-2n))).toEqual(q(1300n));
    expect(call('round', q(1n, 3n), approx('2'))).toEqual(q(33n, 100n));
  });

  it('validates the digits argument of round', () => {
    const fractional = errorOf(() => call('round', q(1n), q(1n, 2n)));
    expect(fractional.code).toBe('DOMAIN');
    expect(fractional.message).toContain('must be a whole number');
    const huge = errorOf(() => call('round', q(1n), q(1_000_000n)));
    expect(huge.code).toBe('LIMIT_EXCEEDED');
    expect(huge.message).toContain('maxRoundDigits = 100');
    expect(call('round', q(1n, 3n), q(100n))).toEqual(q(10n ** 100n / 3n, 10n ** 100n));
  });

  it('picks min and max across exact and inexact values', () => {
    expect(call('min', q(3n), q(1n, 3n), q(2n))).toEqual(q(1n, 3n));
    expect(call('max', q(3n), q(1n, 3n), q(2n))).toEqual(q(3n));
    expect(call('max', q(7n))).toEqual(q(7n));
    expect(call('max', q(1n), approx('1.5')).kind).toBe('inexact');
  });

  it('computes pow like ^ and names itself in errors', () => {
    expect(call('pow', q(2n), q(10n))).toEqual(q(1024n));
    const error = errorOf(() => call('pow', q(2n), q(1_000_000n)));
    expect(error.message).toContain('pow()');
    expect(error.message).toContain('maxExponent');
  });
});
