import { endianness } from 'node:os';

/**
 * Token ids and log-probs are stored as little-endian BLOBs (4 bytes per value): a 100-token
 * action costs 800 bytes instead of ~2 KB of JSON, and the values come back bit-exact. On
 * little-endian machines (all the ones Node runs on in practice) the bytes are copied as they
 * are; the DataView path keeps the format the same elsewhere.
 */
const NATIVE_LITTLE_ENDIAN = endianness() === 'LE';

function copyBytes(values: Uint32Array | Float32Array): Buffer {
  return Buffer.from(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
}

export function encodeUint32Blob(values: Uint32Array): Buffer {
  if (NATIVE_LITTLE_ENDIAN) return copyBytes(values);
  const blob = Buffer.allocUnsafe(values.length * 4);
  for (let i = 0; i < values.length; i++) blob.writeUInt32LE(values[i], i * 4);
  return blob;
}

export function encodeFloat32Blob(values: Float32Array): Buffer {
  if (NATIVE_LITTLE_ENDIAN) return copyBytes(values);
  const blob = Buffer.allocUnsafe(values.length * 4);
  for (let i = 0; i < values.length; i++) blob.writeFloatLE(values[i], i * 4);
  return blob;
}

function checkLength(blob: Uint8Array, what: string): number {
  if (blob.byteLength % 4 !== 0) throw new Error(`corrupt ${what} blob: ${blob.byteLength} bytes is not a multiple of 4`);
  return blob.byteLength / 4;
}

/** A copy of the blob's bytes in a fresh (hence aligned) ArrayBuffer. */
function alignedCopy(blob: Uint8Array): ArrayBuffer {
  return blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength) as ArrayBuffer;
}

export function decodeUint32Blob(blob: Uint8Array): Uint32Array {
  const count = checkLength(blob, 'uint32');
  if (NATIVE_LITTLE_ENDIAN) return new Uint32Array(alignedCopy(blob));
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const values = new Uint32Array(count);
  for (let i = 0; i < count; i++) values[i] = view.getUint32(i * 4, true);
  return values;
}

export function decodeFloat32Blob(blob: Uint8Array): Float32Array {
  const count = checkLength(blob, 'float32');
  if (NATIVE_LITTLE_ENDIAN) return new Float32Array(alignedCopy(blob));
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const values = new Float32Array(count);
  for (let i = 0; i < count; i++) values[i] = view.getFloat32(i * 4, true);
  return values;
}
