import { status } from '@grpc/grpc-js';
import { isOffset, pageCodec, pageSize } from './page-token';

describe('page tokens', () => {
  it('round-trip a position and are bound to the filters', () => {
    const codec = pageCodec('ListJobs', { kind: 1 }, isOffset);
    expect(codec.decode('')).toBeUndefined();
    expect(codec.decode(codec.encode(50))).toBe(50);
    expect(() => pageCodec('ListJobs', { kind: 2 }, isOffset).decode(codec.encode(50))).toThrow(
      expect.objectContaining({ code: status.INVALID_ARGUMENT, details: expect.stringContaining('other filters') }),
    );
    expect(() => codec.decode('not a token')).toThrow(expect.objectContaining({ code: status.INVALID_ARGUMENT, details: expect.stringContaining('malformed') }));
    expect(() => codec.decode(Buffer.from(JSON.stringify({ k: 'x', p: -1 })).toString('base64url'))).toThrow(expect.objectContaining({ code: status.INVALID_ARGUMENT }));
  });

  it('clamps page sizes to the maximum and reads 0 as the default', () => {
    expect([pageSize(0, 50, 500), pageSize(7, 50, 500), pageSize(9999, 50, 500)]).toEqual([50, 7, 500]);
  });
});
