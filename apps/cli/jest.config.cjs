module.exports = {
  displayName: 'cli',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  // The preset's, plus src/commands: oclif names commands by file, and `runs spec` is src/commands/runs/spec.ts,
  // a command that the preset's `*spec.ts` pattern would otherwise take for a test.
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/src/commands/'],
};
