module.exports = {
  displayName: 'risk',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
};
