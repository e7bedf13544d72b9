// The single ESLint configuration of the workspace. Project folders carry no config of their own; the
// dependency rule of docs/ARCHITECTURE.md is tools/lint/dependency-rule.cjs, enforced here as Nx tags.
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import * as jsoncParser from 'jsonc-eslint-parser';
import dependencyRule from './tools/lint/dependency-rule.cjs';

const { depConstraints, testDepConstraints } = dependencyRule;
const WORKSPACE_ROOT = dirname(fileURLToPath(import.meta.url));

/** Whether this process is the ESLint command line itself (`npx eslint`, a hook), rather than Nx or an editor. */
function isEslintCli() {
  const eslintBin = join(
    dirname(createRequire(import.meta.url).resolve('eslint/package.json')),
    'bin',
    'eslint.js',
  );
  const entry = process.argv[1];
  return entry !== undefined && existsSync(entry) && realpathSync(entry) === realpathSync(eslintBin);
}

// @nx/enforce-module-boundaries reads the project graph Nx cached on disk: when there is none it prints a
// warning and passes every import, and a stale one does not know new files. `nx lint` brings the graph up to
// date before it runs ESLint; a plain `npx eslint` does not, so this config does. Only from the ESLint command
// line outside an Nx task: Nx loads this file while it builds the graph (its ESLint plugin asks which files
// are ignored), and building the graph from there would recurse. NX_FORCE_REUSE_CACHED_GRAPH=true (Nx's own
// switch) reuses a cached graph the caller knows to be current.
if (isEslintCli() && process.env['NX_TASK_TARGET_PROJECT'] === undefined) {
  const { createProjectGraphAsync } = await import('@nx/devkit');
  await createProjectGraphAsync({ exitOnError: false });
}

const TEST_FILES = [
  '**/*.spec.ts',
  '**/*.integration-spec.ts',
  '**/*.e2e-spec.ts',
  '**/test/**/*.ts',
  '**/e2e/**/*.ts',
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

/**
 * The sources of the projects tagged `platform:browser` (core, client, the dashboard), read from their
 * project.json tags so that a new browser project is held to the same rules.
 */
function browserSources() {
  const sources = [];
  for (const group of ['apps', 'libs']) {
    for (const name of readdirSync(join(WORKSPACE_ROOT, group))) {
      const projectFile = join(WORKSPACE_ROOT, group, name, 'project.json');
      if (!existsSync(projectFile)) continue;
      const { tags = [] } = JSON.parse(readFileSync(projectFile, 'utf8'));
      if (tags.includes('platform:browser')) sources.push(`${group}/${name}/src/**/*.{ts,tsx}`);
    }
  }
  return sources;
}

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
    // Browser code (the dashboard, and core and client, which it imports): no Node built-ins, no Node
    // globals. Its tests run in Node (jsdom), so they may. Bare names come from builtinModules; the `node:`
    // pattern covers every prefixed import, including built-ins that exist only under the prefix (node:test).
    files: browserSources(),
    ignores: [...TEST_FILES, '**/*.spec.tsx', '**/src/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: builtinModules.map((name) => ({
            name,
            message: 'Browser code (platform:browser) imports no Node built-ins.',
          })),
          patterns: [
            {
              group: ['node:*', 'node:*/**'],
              message: 'Browser code (platform:browser) imports no Node built-ins.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', '__dirname', '__filename', 'global'].map((name) => ({
          name,
          message: 'Browser code (platform:browser) uses no Node globals.',
        })),
      ],
    },
  },
  {
    // oclif's main entry loads all of oclif (and semver, ~26 ms): the CLI imports the parts it uses, so a
    // command starts in little more than Node's own time (docs/PERFORMANCE.md, cli-startup-signal).
    files: ['apps/cli/src/**/*.ts', 'apps/cli/bin/*.js'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@oclif/core',
              message:
                "Import the part you use: '@oclif/core/flags', '@oclif/core/command', '@oclif/core/errors', '@oclif/core/interfaces'.",
            },
          ],
        },
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
    // An indexed read the bounds prove in range is written `values[i] as number`, the one form of the
    // workspace (docs/CONTRIBUTING.md): `!` would be a second one.
    files: ['**/*.ts', '**/*.tsx'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'error' },
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
