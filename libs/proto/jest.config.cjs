module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: '@swirl/proto',
  rootDir: __dirname,
};
