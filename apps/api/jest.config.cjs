module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  // End-to-end suites start real servers and databases; a slow CI machine needs more than 5 s for a hook.
  testTimeout: 30_000,
};
