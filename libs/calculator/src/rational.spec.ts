import {
  ONE,
  ZERO,
  absolute,
  add,
  ceil,
  compare,
  divide,
  floor,
  isInteger,
  isZero,
  makeRational,
  modulo,
  multiply,
  negate,
  powerNonNegative,
  signOf,
  subtract,
  toFractionString,
} from './rational';

const r = (num: bigint, den: bigint = 1n) => makeRational(num, den);

describe('rational', () => {
  it('normalises sign and common factors', () => {
    expect(r(6n, -4n)).toEqual({ num: -3n, den: 2n });
    expect(r(0n, -7n)).toEqual({ num: 0n, den: 1n });
    expect(ZERO).toEqual({ num: 0n, den: 1n });
    expect(ONE).toEqual({ num: 1n, den: 1n });
  });

  it('refuses a zero denominator', () => {
    expect(() => r(1n, 0n)).toThrow(RangeError);
  });

  it('adds 1/10 and 2/10 to exactly 3/10', () => {
    expect(add(r(1n, 10n), r(2n, 10n))).toEqual(r(3n, 10n));
  });

  it('subtracts, multiplies and divides exactly', () => {
    expect(subtract(r(1n, 2n), r(1n, 3n))).toEqual(r(1n, 6n));
    expect(multiply(r(2n, 3n), r(9n, 4n))).toEqual(r(3n, 2n));
    expect(divide(r(1n, 2n), r(-1n, 4n))).toEqual(r(-2n));
  });

  it('negates without creating negative zero', () => {
    expect(negate(ZERO)).toEqual({ num: 0n, den: 1n });
    expect(Object.is(Number(negate(ZERO).num), 0)).toBe(true);
    expect(negate(r(1n, 3n))).toEqual(r(-1n, 3n));
    expect(absolute(r(-5n, 2n))).toEqual(r(5n, 2n));
  });

  it('compares and classifies values', () => {
    expect(compare(r(1n, 3n), r(1n, 2n))).toBe(-1);
    expect(compare(r(2n, 4n), r(1n, 2n))).toBe(0);
    expect(compare(r(-1n), r(-2n))).toBe(1);
    expect(signOf(r(-1n, 9n))).toBe(-1);
    expect(signOf(ZERO)).toBe(0);
    expect(isZero(ZERO)).toBe(true);
    expect(isInteger(r(4n, 2n))).toBe(true);
    expect(isInteger(r(1n, 2n))).toBe(false);
  });

  it('floors and ceils toward the correct side for negatives', () => {
    expect(floor(r(7n, 2n))).toEqual(r(3n));
    expect(floor(r(-7n, 2n))).toEqual(r(-4n));
    expect(ceil(r(7n, 2n))).toEqual(r(4n));
    expect(ceil(r(-7n, 2n))).toEqual(r(-3n));
    expect(ceil(r(-3n))).toEqual(r(-3n));
  });

  it('uses floored modulo (sign of the divisor)', () => {
    expect(modulo(r(10n), r(3n))).toEqual(r(1n));
    expect(modulo(r(-10n), r(3n))).toEqual(r(2n));
    expect(modulo(r(10n), r(-3n))).toEqual(r(-2n));
    expect(modulo(r(7n, 2n), r(1n))).toEqual(r(1n, 2n));
  });

  it('raises to non-negative integer powers', () => {
    expect(powerNonNegative(r(-2n, 3n), 3n)).toEqual(r(-8n, 27n));
    expect(powerNonNegative(r(5n), 0n)).toEqual(ONE);
  });

  it('renders as a fraction string', () => {
    expect(toFractionString(r(-1n, 3n))).toBe('-1/3');
  });
});
