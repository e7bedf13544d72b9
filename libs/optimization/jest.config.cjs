module.exports = {
  displayName: 'optimization',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
};
