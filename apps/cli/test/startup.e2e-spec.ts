import { spawnSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { scratchDir, WORKSPACE_ROOT } from './run-cli';

/** Packages that cost start-up time and belong only to the commands that need them. */
const HEAVY_PACKAGES = [
  'typeorm',
  '@nestjs',
  'yahoo-finance2',
  'sqlite3',
  'pg',
  'react',
  'lightweight-charts',
];

/**
 * Our libraries that `signal` has no use for: its use case needs only the catalog (core) and its own
 * workflow module, and the HTTP client belongs to remote mode (`--api-url`).
 */
const LIBRARIES_SIGNAL_DOES_NOT_NEED = [
  'data',
  'strategies',
  'backtest',
  'execution',
  'risk',
  'optimization',
  'persistence',
  'client',
];

/** The folder a library's files load from at run time (the workspace links the package to `libs/<name>`). */
function libraryFolder(name: string): string {
  return realpathSync(dirname(require.resolve(`@aetherquant/${name}/package.json`))) + sep;
}

describe('aetherquant start-up', () => {
  let loaded: string[];

  beforeAll(() => {
    const modulesFile = join(scratchDir(), 'modules.json');
    const run = spawnSync(
      process.execPath,
      [
        '--require',
        join(__dirname, 'loaded-modules.cjs'),
        join(WORKSPACE_ROOT, 'apps/cli/bin/run.js'),
        'signal',
        '--latest-return',
        '0.02',
      ],
      { cwd: scratchDir(), encoding: 'utf8', env: { ...process.env, LOADED_MODULES_FILE: modulesFile } },
    );
    expect(run.stdout).toBe('buy\n');
    loaded = JSON.parse(readFileSync(modulesFile, 'utf8')) as string[];
  });

  const loadedFrom = (folder: string) => loaded.filter((path) => path.startsWith(folder));

  it('runs `signal` without loading any heavy package', () => {
    expect(loaded.some((path) => path.includes('/node_modules/@oclif/core/'))).toBe(true); // the tracker works
    const heavy = loaded.filter((path) =>
      HEAVY_PACKAGES.some((name) => path.includes(`/node_modules/${name}/`)),
    );
    expect(heavy).toEqual([]);
  });

  it('runs `signal` with core and workflows only of our libraries', () => {
    // The libraries it does use are found the same way, so an empty list below means "not loaded".
    expect(loadedFrom(libraryFolder('core'))).not.toEqual([]);
    expect(loadedFrom(libraryFolder('workflows'))).not.toEqual([]);
    const unneeded = LIBRARIES_SIGNAL_DOES_NOT_NEED.flatMap((name) => loadedFrom(libraryFolder(name)));
    expect(unneeded).toEqual([]);
  });
});
