// Writes the start-up bundle's V8 code cache at build time, from a run of `aetherquant signal`.
//
// The cache holds the functions compiled by the run that wrote it, and an accepted cache is never written
// again: left to the first command a user happens to run (`--version`, say), it held ~100 KB instead of
// ~1 MB and every later start compiled the rest, ~60 ms more (measured). `signal` runs oclif's whole start,
// parses settings and a request with zod and loads all of core, which is what every command runs first.
// Run by the `build` target after `oclif manifest`, with no settings in its environment, in an empty folder
// (no `.env` to read). If it fails the build goes on: the first command run writes the cache instead.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cliRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const startupDir = join(cliRoot, 'dist', 'startup');
const emptyFolder = mkdtempSync(join(tmpdir(), 'aetherquant-warm-'));
try {
  const run = spawnSync(
    process.execPath,
    [join(cliRoot, 'bin', 'run.js'), 'signal', '--latest-return', '0'],
    {
      cwd: emptyFolder,
      env: { PATH: process.env.PATH ?? '', HOME: emptyFolder, OCLIF_SKIP_NEW_VERSION_CHECK: 'true' },
      encoding: 'utf8',
    },
  );
  const written = readdirSync(startupDir).some((file) => file.endsWith('.v8cache'));
  if (run.status !== 0 || !written) {
    console.warn(
      `warm-startup-cache: no code cache written (signal exited ${run.status}: ${run.stderr.trim()}); ` +
        'the first command run will write it',
    );
  }
} finally {
  rmSync(emptyFolder, { recursive: true, force: true });
}
