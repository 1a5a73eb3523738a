module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: '@swirl/actions',
  rootDir: __dirname,
};
