import { OptionError } from '@swirl/grpc-kit';
import { BaseCheckpoints } from './base-checkpoints';

describe('BaseCheckpoints', () => {
  it('finds the exact version first, then the wildcard', () => {
    const base = BaseCheckpoints.parse(['tiny@*=/models/tiny', 'tiny@v2=/models/tiny-v2', 'other@v1=/o']);
    expect(base.find({ name: 'tiny', version: 'v2' })).toBe('/models/tiny-v2');
    expect(base.find({ name: 'tiny', version: 'v7' })).toBe('/models/tiny');
    expect(base.find({ name: 'other', version: 'v2' })).toBeUndefined();
    expect(base.find({ name: 'nope', version: 'v1' })).toBeUndefined();
  });

  it('refuses malformed entries and relative directories, saying what to write', () => {
    expect(() => BaseCheckpoints.parse(['tiny=/x'])).toThrow(OptionError);
    expect(() => BaseCheckpoints.parse(['tiny@v1=models/tiny'])).toThrow('must be absolute');
  });
});
