module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: '@swirl/cli',
  rootDir: __dirname,
  // The end-to-end test runs every service as a child process: one file at a time.
  maxWorkers: 1,
  testTimeout: 60_000,
};
