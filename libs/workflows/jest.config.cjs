module.exports = {
  displayName: 'workflows',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
};
