module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: '@swirl/calculator',
  rootDir: __dirname,
};
