// The dependency rule of docs/ARCHITECTURE.md as data: which project (by `scope:*` tag, set in each
// project.json) may import which. eslint.config.mjs enforces it with @nx/enforce-module-boundaries, and
// tools/workspace-checks/dependency-rule.spec.ts proves both the table and the enforcement. Every planned
// project has its line already, so a new library only declares its tag.

/** Domain libraries: pure computation and I/O adapters, never storage or app frameworks. */
const DOMAIN_SCOPES = [
  'scope:data',
  'scope:indicators',
  'scope:strategies',
  'scope:risk',
  'scope:optimization',
  'scope:backtest',
  'scope:execution',
  'scope:tearsheet',
];

const LIBRARY_SCOPES = ['scope:core', ...DOMAIN_SCOPES, 'scope:persistence', 'scope:workflows'];

const scopeDependencies = {
  'scope:core': [],
  'scope:data': ['scope:core'],
  // Technical-indicator kernels: browser-safe, below the strategies that use them.
  'scope:indicators': ['scope:core'],
  'scope:strategies': ['scope:core', 'scope:indicators'],
  'scope:risk': ['scope:core'],
  'scope:optimization': ['scope:core', 'scope:risk'],
  // Rebalanced portfolio backtests recompute weights with the optimisers.
  'scope:backtest': ['scope:core', 'scope:strategies', 'scope:risk', 'scope:optimization'],
  'scope:execution': ['scope:core', 'scope:strategies', 'scope:risk'],
  // A run as a page: figures, curves and tables rendered to HTML, the analytics computed with the risk library.
  'scope:tearsheet': ['scope:core', 'scope:risk'],
  'scope:persistence': ['scope:core'],
  'scope:workflows': LIBRARY_SCOPES.filter((scope) => scope !== 'scope:workflows'),
  // The typed HTTP client of the REST API: browser-safe, for the dashboard, the CLI's remote mode and other projects.
  'scope:client': ['scope:core'],
  'scope:api': ['scope:core', 'scope:workflows'],
  // `--api-url` calls a deployed API through the client (`aetherquant serve` runs the API's binary, no import).
  'scope:cli': ['scope:core', 'scope:workflows', 'scope:client'],
  'scope:dashboard': ['scope:core', 'scope:client'],
  // Test support (market data, assertions): imported by test files only, see testDepConstraints.
  'scope:testing': ['scope:core'],
  // Benchmarks and workspace checks may read any library, and nothing imports them.
  'scope:tools': [...LIBRARY_SCOPES, 'scope:client'],
};

/** Packages that belong to storage or to the apps' frameworks. */
const FRAMEWORK_PACKAGES = ['@nestjs/*', '@oclif/*', 'react', 'react-dom'];
const STORAGE_PACKAGES = ['typeorm', 'pg', 'sqlite3'];

function externalRule(sourceTag) {
  // Browser-safe libraries: nothing of Node, nothing of a framework.
  if (sourceTag === 'scope:core' || sourceTag === 'scope:client') return { allowedExternalImports: ['zod'] };
  // Indicator kernels are plain arithmetic on typed arrays: no npm package at all (tests may use some).
  if (sourceTag === 'scope:indicators')
    return {
      allowedExternalImports: [],
      bannedExternalImports: [...STORAGE_PACKAGES, ...FRAMEWORK_PACKAGES],
    };
  if (DOMAIN_SCOPES.includes(sourceTag))
    return { bannedExternalImports: [...STORAGE_PACKAGES, ...FRAMEWORK_PACKAGES] };
  if (sourceTag === 'scope:persistence') return { bannedExternalImports: FRAMEWORK_PACKAGES };
  return {};
}

const depConstraints = [
  ...Object.entries(scopeDependencies).map(([sourceTag, allowed]) => ({
    sourceTag,
    onlyDependOnLibsWithTags: allowed,
    ...externalRule(sourceTag),
  })),
  // Whatever runs in a browser may only import what is browser-safe.
  { sourceTag: 'platform:browser', onlyDependOnLibsWithTags: ['platform:browser'] },
];

/**
 * The same boundaries for test files, minus the rules on npm packages: tests may use test-only packages
 * (fast-check, supertest) that the library itself must not depend on.
 */
const testDepConstraints = depConstraints.map(({ sourceTag, onlyDependOnLibsWithTags }) => ({
  sourceTag,
  // Tests run in Node even for browser code (jsdom, or a browser driven from Node), so they may use the
  // Node test support too.
  onlyDependOnLibsWithTags:
    sourceTag === 'scope:testing' ? onlyDependOnLibsWithTags : [...onlyDependOnLibsWithTags, 'scope:testing'],
}));

module.exports = {
  DOMAIN_SCOPES,
  FRAMEWORK_PACKAGES,
  LIBRARY_SCOPES,
  STORAGE_PACKAGES,
  depConstraints,
  scopeDependencies,
  testDepConstraints,
};
