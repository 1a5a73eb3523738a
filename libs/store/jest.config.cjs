module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: '@swirl/store',
  rootDir: __dirname,
};
