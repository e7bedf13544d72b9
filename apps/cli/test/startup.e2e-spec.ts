import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

describe('aetherquant start-up', () => {
  it('runs `signal` without loading any heavy package', () => {
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
    const loaded = JSON.parse(readFileSync(modulesFile, 'utf8')) as string[];
    expect(loaded.some((path) => path.includes('/node_modules/@oclif/core/'))).toBe(true); // the tracker works
    const heavy = loaded.filter((path) =>
      HEAVY_PACKAGES.some((name) => path.includes(`/node_modules/${name}/`)),
    );
    expect(heavy).toEqual([]);
  });
});
