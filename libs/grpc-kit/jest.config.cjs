module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: '@swirl/grpc-kit',
  rootDir: __dirname,
};
