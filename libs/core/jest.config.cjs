module.exports = {
  displayName: 'core',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
};
