import { CONSTANT_NAMES, lookupConstant } from './constants';

describe('lookupConstant', () => {
  it('knows pi, π and e case-insensitively, as inexact values', () => {
    for (const name of ['pi', 'PI', 'Pi', 'π']) {
      const value = lookupConstant(name);
      expect(value?.kind).toBe('inexact');
      if (value?.kind === 'inexact') expect(value.decimal.toString()).toMatch(/^3\.14159265358979323846264338327950288419/);
    }
    const e = lookupConstant('E');
    if (e?.kind !== 'inexact') throw new Error('expected e');
    expect(e.decimal.toString()).toMatch(/^2\.71828182845904523536028747135266249775/);
    expect(CONSTANT_NAMES).toEqual(['pi', 'e']);
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'tau'])(
    'does not resolve %p',
    (name) => {
      expect(lookupConstant(name)).toBeUndefined();
    },
  );
});
