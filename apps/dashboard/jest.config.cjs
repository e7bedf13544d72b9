// Component tests run in jsdom (`src/**/*.spec.tsx`); browser tests (`e2e/*.e2e-spec.ts`) declare the node
// environment in their docblock and drive Debian's Chromium against the real API.

module.exports = {
  displayName: 'dashboard',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testEnvironmentOptions: {
    customExportConditions: ['@aetherquant/source', 'browser', 'require', 'default'],
  },
  transform: {
    '^.+\\.[tj]sx?$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testMatch: ['<rootDir>/src/**/*.spec.ts?(x)', '<rootDir>/e2e/**/*.e2e-spec.ts'],
  moduleNameMapper: { '\\.css$': '<rootDir>/src/testing/style-stub.cjs' },
  setupFiles: ['<rootDir>/src/testing/text-codec.cjs'],
  setupFilesAfterEnv: ['<rootDir>/src/testing/setup-tests.ts'],
  // Browser tests start a server and a browser: more than the default 5 s on a busy CI machine.
  testTimeout: 60_000,
};
