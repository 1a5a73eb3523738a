import { rowHash } from './row-hash';

describe('rowHash', () => {
  it('depends on content, not on column order', () => {
    expect(rowHash({ a: 1, b: 'x', c: null })).toBe(rowHash({ c: null, b: 'x', a: 1 }));
    expect(rowHash({ a: 1 })).not.toBe(rowHash({ a: 2 }));
    expect(rowHash({ blob: Buffer.from([1, 2]) })).not.toBe(rowHash({ blob: Buffer.from([1, 3]) }));
  });

  it('tells types and boundaries apart', () => {
    expect(rowHash({ a: '1' })).not.toBe(rowHash({ a: 1 }));
    expect(rowHash({ a: null })).not.toBe(rowHash({ a: '' }));
    expect(rowHash({ a: 'ab', b: 'c' })).not.toBe(rowHash({ a: 'a', b: 'bc' }));
    expect(rowHash({ a: Buffer.from('ab') })).not.toBe(rowHash({ a: 'ab' }));
    expect(rowHash({ a: 'é' })).not.toBe(rowHash({ a: 'e' }));
  });
});
