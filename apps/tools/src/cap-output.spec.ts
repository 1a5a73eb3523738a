import { capOutput } from './cap-output';

describe('capOutput', () => {
  it('keeps short text as it is', () => {
    expect(capOutput('48 / 2 -> 24', 100)).toEqual({ text: '48 / 2 -> 24', truncated: false });
  });

  it('cuts long text to the byte limit', () => {
    expect(capOutput('abcdef', 4)).toEqual({ text: 'abcd', truncated: true });
  });

  it('never splits a multi-byte character', () => {
    const out = capOutput('aé€😀', 6); // 1 + 2 + 3 + 4 bytes
    expect(out).toEqual({ text: 'aé€', truncated: true });
    expect(capOutput('😀😀', 5).text).toBe('😀');
  });
});
