module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: '@swirl/tools',
  rootDir: __dirname,
};
