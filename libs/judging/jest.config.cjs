module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: '@swirl/judging',
  rootDir: __dirname,
  // Rule tests play hundreds of scripted-teacher trajectories in the synthetic world.
  testTimeout: 60_000,
};
