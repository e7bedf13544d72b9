module.exports = {
  displayName: 'data',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
};
