import { findJsonErrorOffset } from './json-error-offset';

describe('findJsonErrorOffset', () => {
  it.each(['{}', '[]', ' [1, -2.5e3, "a\\"b\\u00e9", true, false, null, {"k": [{}]}] ', '"x"', '0'])('accepts valid JSON %s', (text) => {
    expect(findJsonErrorOffset(text)).toBeUndefined();
  });

  it.each([
    ['{"a": }', 6],
    ['[1, 2', 5],
    ['[1 2]', 3],
    ['{"a" 1}', 5],
    ['[tru]', 4],
    ['[01]', 2],
    ['["a\\x"]', 4],
    ['[] x', 3],
    ['', 0],
  ])('points at the error in %s', (text, offset) => {
    expect(findJsonErrorOffset(text)).toBe(offset);
  });

  it('agrees with JSON.parse about validity', () => {
    for (const text of ['[1,]', '{"a":1,}', '[.5]', '["\t"]', '{"a":1}']) {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect(findJsonErrorOffset(text) === undefined).toBe(valid);
    }
  });
});
