module.exports = {
  displayName: 'workspace-tools',
  preset: '../jest.preset.cjs',
  rootDir: __dirname,
};
