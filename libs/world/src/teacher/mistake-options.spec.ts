import { DEFAULT_MISTAKES, NO_MISTAKES, resolveMistakeConfig } from './mistake-options';

describe('resolveMistakeConfig', () => {
  it('fills in defaults and freezes', () => {
    const config = resolveMistakeConfig({ wrongOperation: 0.3 });
    expect(config).toEqual({ ...DEFAULT_MISTAKES, wrongOperation: 0.3 });
    expect(Object.isFrozen(config)).toBe(true);
    expect(resolveMistakeConfig(NO_MISTAKES)).toEqual(NO_MISTAKES);
  });

  it('rejects rates outside [0, 1]', () => {
    expect(() => resolveMistakeConfig({ prematureAnswer: 1.5 })).toThrow(RangeError);
    expect(() => resolveMistakeConfig({ systematicRate: Number.NaN })).toThrow(RangeError);
  });
});
