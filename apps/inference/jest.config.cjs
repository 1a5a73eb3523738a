module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: '@swirl/inference',
  rootDir: __dirname,
  testEnvironment: require.resolve('../../tools/jest/onnxruntime-environment.cjs'),
  globalSetup: '<rootDir>/src/testing/global-setup.test-support.ts',
  // Model tests are CPU-heavy: one file at a time keeps the two cores for onnxruntime.
  maxWorkers: 1,
};
