// Shared Jest settings for every project. @swc/jest transpiles TypeScript (about 5x faster than
// ts-jest); type errors are caught by each project's separate `typecheck` target instead.
module.exports = {
  testEnvironment: 'node',
  // Resolve workspace packages to their TypeScript sources (the "@aetherquant/source" export condition),
  // so tests never need a prior build of the libraries they import.
  testEnvironmentOptions: { customExportConditions: ['@aetherquant/source', 'node', 'require', 'default'] },
  transform: {
    '^.+\\.[tj]s$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['**/?(*.)+(spec|integration-spec|e2e-spec).ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  reporters: ['default', require.resolve('./tools/jest/summary-reporter.cjs')],
  setupFiles: [require.resolve('./tools/jest/fast-check-seed.cjs')],
  // A guard against hangs, not a speed check: Nx runs several projects' suites at once on two cores, and
  // tests that start worker threads, servers or browsers can take well over Jest's default 5 s there.
  testTimeout: 30_000,
};
