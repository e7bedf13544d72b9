import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { scratchDir, withoutOurSettings, WORKSPACE_ROOT } from './run-cli';

/** Packages that cost start-up time and belong only to the commands that need them. */
const HEAVY_PACKAGES = [
  'typeorm',
  '@nestjs',
  'yahoo-finance2',
  'sqlite3',
  'pg',
  'react',
  'lightweight-charts',
  // The job queue's client: only the job commands (and `--detach`) load it.
  'bullmq',
  'ioredis',
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

interface LoadedModules {
  /** Every module `require` holds: read from disk or provided by the start-up bundle. */
  cached: string[];
  /** The files Node read and compiled. */
  compiled: string[];
}

/** Runs the built binary with the module tracker; `env` is added to the test's environment without ours. */
function runTracked(
  args: string[],
  env: Record<string, string> = {},
): { stdout: string; modules: LoadedModules } {
  const modulesFile = join(scratchDir(), 'modules.json');
  const run = spawnSync(
    process.execPath,
    [
      '--require',
      join(__dirname, 'loaded-modules.cjs'),
      join(WORKSPACE_ROOT, 'apps/cli/bin/run.js'),
      ...args,
    ],
    {
      cwd: scratchDir(),
      encoding: 'utf8',
      env: { ...withoutOurSettings(), ...env, LOADED_MODULES_FILE: modulesFile },
    },
  );
  expect(run.stderr).toBe('');
  return { stdout: run.stdout, modules: JSON.parse(readFileSync(modulesFile, 'utf8')) as LoadedModules };
}

/** The folders whose files the start-up bundle provides: none of them may be read from disk. */
function bundledFolders(): string[] {
  const packageFolder = (name: string) =>
    realpathSync(
      dirname(require.resolve(`${name}/package.json`, { paths: [join(WORKSPACE_ROOT, 'apps/cli')] })),
    ) + sep;
  const cliDist = join(realpathSync(join(WORKSPACE_ROOT, 'apps/cli')), 'dist') + sep;
  return [...['@oclif/core', 'zod', '@aetherquant/core'].map(packageFolder), cliDist];
}

describe('aetherquant start-up', () => {
  let loaded: string[];
  let signal: { stdout: string; modules: LoadedModules };

  beforeAll(() => {
    signal = runTracked(['signal', '--latest-return', '0.02']);
    expect(signal.stdout).toBe('buy\n');
    loaded = signal.modules.cached;
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

  it('takes oclif, zod, core and its own files from the start-up bundle, one copy for the whole process', () => {
    // A command that loads data, strategies, backtest, risk and persistence too: each of them requires core
    // and zod, and must get the bundle's copy (two copies would break `instanceof` on errors and schemas).
    const backtest = runTracked(['backtest', '--symbol', 'SPY', '--provider', 'synthetic'], {
      AETHERQ_CACHE_DIR: 'none',
      AETHERQ_DATABASE_URL: 'none',
    });
    expect(JSON.parse(backtest.stdout)).toHaveProperty('final_equity');
    expect(backtest.modules.cached.some((path) => path.startsWith(libraryFolder('backtest')))).toBe(true);
    for (const { modules } of [signal, backtest]) {
      expect(modules.cached).toContain(join(libraryFolder('core'), 'dist', 'index.js')); // held by require, yet...
      const readFromDisk = modules.compiled.filter((path) =>
        bundledFolders().some((folder) => path.startsWith(folder)),
      );
      expect(readFromDisk).toEqual([]); // ...never read from disk
    }
  });

  describe('code cache of the start-up bundle', () => {
    const startupPackages = join(WORKSPACE_ROOT, 'apps/cli/bin/startup-packages.js');

    /** Loads the bundle in a fresh process with the given cache file and says what became of the cache. */
    function loadWithCache(cacheFile: string): string {
      const script = `const { loadStartupPackages } = require(${JSON.stringify(startupPackages)});
        const outcome = loadStartupPackages(${JSON.stringify(cacheFile)});
        const { z } = require('zod');
        process.stdout.write(outcome + ' ' + z.number().parse(1));`;
      const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      return run.stdout;
    }

    it('is written after the first run, used while V8 accepts it, and replaced when damaged', () => {
      const cacheFile = join(scratchDir(), 'startup.v8cache');
      expect(loadWithCache(cacheFile)).toBe('absent 1');
      expect(existsSync(cacheFile)).toBe(true);
      const written = readFileSync(cacheFile);
      expect(loadWithCache(cacheFile)).toBe('accepted 1');
      expect(readFileSync(cacheFile).equals(written)).toBe(true); // an accepted cache is left alone

      writeFileSync(cacheFile, Buffer.alloc(written.length, 7)); // same size, garbage
      expect(loadWithCache(cacheFile)).toBe('rejected 1');
      expect(loadWithCache(cacheFile)).toBe('accepted 1');
    });

    it('is written by the build from a whole command run, not left to whichever command runs first', () => {
      const startupDir = join(WORKSPACE_ROOT, 'apps/cli/dist/startup');
      const bundleSize = statSync(join(startupDir, 'startup-packages.cjs')).size;
      const builtCache = readdirSync(startupDir).find((file) =>
        file.startsWith(`startup-packages.${process.version}-${process.arch}-${bundleSize}-`),
      );
      expect(builtCache).toBeDefined();
      // A cache holds what the process that wrote it compiled: one that loads the bundle and zod only holds
      // ~45% of what a command's run compiles (oclif's start, settings, core's schemas).
      const zodOnlyCache = join(scratchDir(), 'zod-only.v8cache');
      loadWithCache(zodOnlyCache);
      const builtSize = statSync(join(startupDir, builtCache as string)).size;
      expect(builtSize).toBeGreaterThan(1.5 * statSync(zodOnlyCache).size);
      expect(loadWithCache(join(startupDir, builtCache as string))).toBe('accepted 1');
    });

    it('is only an optimisation: an unwritable cache place leaves the commands working', () => {
      const cacheFile = join(scratchDir(), 'no-such-folder', 'startup.v8cache');
      expect(loadWithCache(cacheFile)).toBe('absent 1');
      expect(loadWithCache(cacheFile)).toBe('absent 1');
      expect(existsSync(join(dirname(cacheFile)))).toBe(false);
    });
  });
});
