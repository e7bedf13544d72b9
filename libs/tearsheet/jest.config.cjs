module.exports = {
  displayName: 'tearsheet',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
};
