import { decodeFloat32Blob, decodeUint32Blob, encodeFloat32Blob, encodeUint32Blob } from './typed-array-blob';

describe('typed array blobs', () => {
  it('round-trips uint32 token ids exactly, including the extremes', () => {
    const ids = Uint32Array.from([0, 1, 50_256, 2 ** 31, 2 ** 32 - 1]);
    const blob = encodeUint32Blob(ids);
    expect(blob.byteLength).toBe(20);
    expect(decodeUint32Blob(blob)).toEqual(ids);
  });

  it('round-trips float32 log-probs bit for bit (negative zero, -Infinity, subnormals)', () => {
    const values = Float32Array.from([-0, -1e-45, -0.1, -3.4028234663852886e38, -Infinity, Math.log(0.3)]);
    const decoded = decodeFloat32Blob(encodeFloat32Blob(values));
    expect(Buffer.from(decoded.buffer)).toEqual(Buffer.from(values.buffer));
    expect(Object.is(decoded[0], -0)).toBe(true);
  });

  it('writes little-endian whatever the platform', () => {
    expect([...encodeUint32Blob(Uint32Array.of(1))]).toEqual([1, 0, 0, 0]);
    expect([...encodeFloat32Blob(Float32Array.of(1))]).toEqual([0, 0, 0x80, 0x3f]);
  });

  it('decodes from an unaligned slice of a larger buffer', () => {
    const blob = Buffer.concat([Buffer.from([9]), encodeUint32Blob(Uint32Array.of(7, 8))]).subarray(1);
    expect(decodeUint32Blob(blob)).toEqual(Uint32Array.of(7, 8));
  });

  it('refuses a blob whose length is not a multiple of 4', () => {
    expect(() => decodeFloat32Blob(Buffer.alloc(6))).toThrow('corrupt float32 blob: 6 bytes');
  });

  it('handles empty arrays', () => {
    expect(decodeUint32Blob(encodeUint32Blob(new Uint32Array(0)))).toEqual(new Uint32Array(0));
  });
});
