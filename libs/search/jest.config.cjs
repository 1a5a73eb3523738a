module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: '@swirl/search',
  rootDir: __dirname,
};
