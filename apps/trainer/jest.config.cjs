module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: '@swirl/trainer',
  rootDir: __dirname,
  globalSetup: '<rootDir>/src/testing/global-setup.test-support.ts',
  // The end-to-end files run a learner, inference and judge each: one file at a time.
  maxWorkers: 1,
};
