module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: '@swirl/coordinator',
  rootDir: __dirname,
  globalSetup: '<rootDir>/src/testing/global-setup.test-support.ts',
  // The service tests spawn tools, inference and coordinator processes: one file at a time
  // leaves the two cores to them.
  maxWorkers: 1,
  // Jobs run through real services whose speed depends on the machine's load.
  testTimeout: 180_000,
};
