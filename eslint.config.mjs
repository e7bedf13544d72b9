// The single ESLint configuration of the workspace. Project folders carry no config of their own; the
// dependency rule of docs/ARCHITECTURE.md is tools/lint/dependency-rule.cjs, enforced here as Nx tags.
import { builtinModules } from 'node:module';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import * as jsoncParser from 'jsonc-eslint-parser';
import dependencyRule from './tools/lint/dependency-rule.cjs';

const { depConstraints, testDepConstraints } = dependencyRule;

const TEST_FILES = [
  '**/*.spec.ts',
  '**/*.integration-spec.ts',
  '**/*.e2e-spec.ts',
  '**/test/**/*.ts',
  '**/src/testing/**/*.ts',
];

/**
 * Options of @nx/enforce-module-boundaries. Test files get the same project boundaries without the npm
 * package rules (test-only packages are fine there) and without the buildable-library rule (tests are never
 * built, so they may use the unbuilt test-support library).
 */
const boundaries = (constraints, forTests = false) => [
  'error',
  {
    enforceBuildableLibDependency: !forTests,
    banTransitiveDependencies: true,
    checkDynamicDependenciesExceptions: [],
    allow: [],
    depConstraints: constraints,
  },
];

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  prettier,
  {
    ignores: [
      '**/dist',
      '**/out-tsc',
      '**/node_modules',
      '**/coverage',
      '**/tmp',
      '.nx',
      '**/oclif.manifest.json',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx', '**/*.cjs', '**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(depConstraints),
    },
  },
  {
    files: TEST_FILES,
    rules: { '@nx/enforce-module-boundaries': boundaries(testDepConstraints, true) },
  },
  {
    // Libraries take their settings as arguments; only apps read the environment (GUIDE §1).
    files: ['libs/*/src/**/*.ts'],
    // Test support reads CI's environment to decide whether a missing fixture may be skipped.
    ignores: [...TEST_FILES, 'libs/testing/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Libraries never read process.env: the app loads settings once and passes options in.',
        },
      ],
    },
  },
  {
    // core and client run in the browser (the dashboard imports them): no Node built-ins, no Node globals.
    files: ['libs/core/src/**/*.ts', 'libs/client/src/**/*.ts'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'Browser-safe libraries (core, client) import no Node built-ins.',
          })),
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', '__dirname', '__filename', 'global'].map((name) => ({
          name,
          message: 'Browser-safe libraries (core, client) use no Node globals.',
        })),
      ],
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // `'constructor' in {}` is true: a name a client, a flag or a file chose must be looked up among own
    // properties only (issue 14: `GET /api/docs/constructor` ended the process).
    files: ['**/*.ts', '**/*.tsx'],
    ignores: [...TEST_FILES, '**/*.spec.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "BinaryExpression[operator='in']",
          message:
            'The in operator also finds inherited names (constructor, __proto__): use Object.hasOwn or a Map.',
        },
      ],
    },
  },
  {
    files: ['**/*.cjs', '**/bin/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Each publishable library's package.json lists exactly what its built code imports, at the versions the
    // root lockfile installs (checked against the build target's inputs, so tests and test support do not
    // count). libs/testing is private test support, never built or published.
    files: ['libs/*/package.json'],
    ignores: ['libs/testing/package.json'],
    languageOptions: { parser: jsoncParser },
    rules: {
      '@nx/dependency-checks': [
        'error',
        {
          buildTargets: ['build'],
          checkMissingDependencies: true,
          checkObsoleteDependencies: true,
          checkVersionMismatches: true,
          // TypeORM loads the PostgreSQL driver by name at run time, out of sight of the import analysis.
          ignoredDependencies: ['pg'],
          ignoredFiles: [
            '{projectRoot}/src/testing/**',
            '{projectRoot}/**/*.spec.ts',
            '{projectRoot}/**/*.integration-spec.ts',
            '{projectRoot}/jest.config.cjs',
            '{projectRoot}/tsconfig.spec.json',
          ],
        },
      ],
    },
  },
];
