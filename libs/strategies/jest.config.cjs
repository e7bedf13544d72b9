module.exports = {
  displayName: 'strategies',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
};
