// The single ESLint configuration of the workspace. Project folders carry no config of their own:
// the dependency rule of docs/ARCHITECTURE.md lives here, in one place, as Nx tags.
import { builtinModules } from 'node:module';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

/**
 * Which project may import which, by `scope:*` tag (set in each project.json). Every planned project
 * has its line already, so a new library only declares its tag.
 */
const scopeDependencies = {
  'scope:core': [],
  'scope:data': ['scope:core'],
  'scope:strategies': ['scope:core'],
  'scope:risk': ['scope:core'],
  'scope:optimization': ['scope:core', 'scope:risk'],
  'scope:backtest': ['scope:core', 'scope:strategies', 'scope:risk', 'scope:optimization'],
  'scope:execution': ['scope:core', 'scope:strategies', 'scope:risk'],
  'scope:persistence': ['scope:core'],
  'scope:workflows': [
    'scope:core',
    'scope:data',
    'scope:strategies',
    'scope:risk',
    'scope:optimization',
    'scope:backtest',
    'scope:execution',
    'scope:persistence',
  ],
  'scope:api': ['scope:core', 'scope:workflows'],
  'scope:cli': ['scope:core', 'scope:workflows'],
  'scope:dashboard': ['scope:core'],
  'scope:tools': [
    'scope:core',
    'scope:data',
    'scope:strategies',
    'scope:risk',
    'scope:optimization',
    'scope:backtest',
    'scope:execution',
    'scope:persistence',
    'scope:workflows',
  ],
};

/** Frameworks that belong to the apps or to persistence, never to the domain libraries. */
const storageAndFrameworkPackages = [
  'typeorm',
  'pg',
  'sqlite3',
  '@nestjs/*',
  '@oclif/*',
  'react',
  'react-dom',
];
const domainScopes = [
  'scope:data',
  'scope:strategies',
  'scope:risk',
  'scope:optimization',
  'scope:backtest',
  'scope:execution',
];

const depConstraints = [
  ...Object.entries(scopeDependencies).map(([sourceTag, allowed]) => ({
    sourceTag,
    onlyDependOnLibsWithTags: allowed,
    ...(sourceTag === 'scope:core' ? { allowedExternalImports: ['zod'] } : {}),
    ...(domainScopes.includes(sourceTag) ? { bannedExternalImports: storageAndFrameworkPackages } : {}),
    ...(sourceTag === 'scope:persistence'
      ? { bannedExternalImports: ['@nestjs/*', '@oclif/*', 'react', 'react-dom'] }
      : {}),
  })),
  // Whatever runs in a browser may only import what is browser-safe.
  { sourceTag: 'platform:browser', onlyDependOnLibsWithTags: ['platform:browser'] },
];

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  prettier,
  {
    ignores: ['**/dist', '**/node_modules', '**/coverage', '**/tmp', '.nx', '**/oclif.manifest.json'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx', '**/*.cjs', '**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          banTransitiveDependencies: true,
          checkDynamicDependenciesExceptions: [],
          allow: [],
          depConstraints,
        },
      ],
    },
  },
  {
    // Libraries take their settings as arguments; only apps read the environment (GUIDE §1).
    files: ['libs/*/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.integration-spec.ts'],
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
    // core runs in the browser (the dashboard imports it): no Node built-ins, no Node globals.
    files: ['libs/core/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: '@aetherquant/core must stay browser-safe: no Node built-ins.',
          })),
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', '__dirname', '__filename', 'global'].map((name) => ({
          name,
          message: '@aetherquant/core must stay browser-safe: no Node globals.',
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
    files: ['**/*.cjs', '**/bin/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
