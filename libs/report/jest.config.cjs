module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: '@swirl/report',
  rootDir: __dirname,
};
