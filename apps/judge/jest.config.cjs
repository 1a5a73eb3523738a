module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: '@swirl/judge',
  rootDir: __dirname,
  // The llm judge tests run the real inference service (onnxruntime) in the test process.
  testEnvironment: require.resolve('../../tools/jest/onnxruntime-environment.cjs'),
  globalSetup: '<rootDir>/jest.global-setup.cjs',
  // Model tests are CPU-heavy: one file at a time keeps the two cores for onnxruntime.
  maxWorkers: 1,
  // Service tests start servers and build the synthetic world; on a busy 2-core machine that takes seconds.
  testTimeout: 60_000,
};
