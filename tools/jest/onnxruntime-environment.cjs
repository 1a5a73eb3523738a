// Jest runs each test file in its own vm realm, whose typed-array constructors differ from the
// host's; onnxruntime-node's native binding checks `instanceof Float32Array` against the host's
// and rejects the test realm's arrays. This environment hands the test realm the host's
// constructors, so tensors built in tests are the ones the binding accepts.
const { TestEnvironment } = require('jest-environment-node');

const SHARED = ['ArrayBuffer', 'SharedArrayBuffer', 'DataView', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
  'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array'];

class OnnxRuntimeEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of SHARED) this.global[name] = globalThis[name];
  }
}

module.exports = OnnxRuntimeEnvironment;
