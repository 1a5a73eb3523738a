module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: '@swirl/world',
  rootDir: __dirname,
};
