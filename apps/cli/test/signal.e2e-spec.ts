import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, WORKSPACE_ROOT } from './run-cli';

describe('aetherquant signal (built binary)', () => {
  it.each([
    [['--latest-return', '0.015'], 'buy'],
    [['--latest-return', '0.01'], 'hold'], // equal to the default threshold: not strictly greater
    [['--latest-return', '-0.01'], 'hold'],
    [['--latest-return', '-0.0101'], 'sell'],
    [['--latest-return=-0.02'], 'sell'],
    [['--latest-return', '-0.02'], 'sell'],
    [['--latest-return', '0.003', '--threshold', '0.002'], 'buy'],
    [['--latest-return', '0.002', '--threshold', '0.002'], 'hold'],
    [['--latest-return', '-2e-3', '--threshold', '0'], 'sell'],
    [['--latest-return', '0', '--threshold', '0'], 'hold'],
  ])('signal %j prints exactly "%s"', (args, expected) => {
    const run = runCli(['signal', ...args]);
    expect(run).toEqual({ status: 0, stdout: `${expected}\n`, stderr: '' });
  });

  it.each([
    [['--latest-return', 'abc'], '--latest-return must be a number (got "abc")'],
    [['--latest-return', ''], '--latest-return must be a number (got "")'],
    [['--latest-return', '0x10'], '--latest-return must be a number (got "0x10")'],
    [['--latest-return', 'NaN'], '--latest-return must be a number (got "NaN")'],
    [['--latest-return', 'Infinity'], '--latest-return must be a number (got "Infinity")'],
    [['--latest-return', '0.1', '--threshold', 'wide'], '--threshold must be a number (got "wide")'],
    [['--latest-return', '0.1', '--threshold', '-0.01'], '--threshold must be at least 0 (got -0.01)'],
    [['--latest-return', '0.1', '--threshold=-1'], '--threshold must be at least 0 (got -1)'],
    [[], 'Missing required flag latest-return'],
    [['--latest-return', '0.1', '--bogus', '1'], 'Nonexistent flag: --bogus'],
  ])('signal %j exits 2 with one line on stderr: %s', (args, message) => {
    const run = runCli(['signal', ...args]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^error: /);
  });

  it('prints the result as JSON with --json', () => {
    const run = runCli(['signal', '--latest-return', '-0.03', '--json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ signal: 'sell', latest_return: -0.03, threshold: 0.01 });
  });

  it('reports a bad input as a JSON error with --json, still exiting 2', () => {
    const run = runCli(['signal', '--latest-return', 'x', '--json']);
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({
      error: {
        code: 'INVALID_ARGUMENT',
        message: 'signal request: --latest-return must be a number (got "x")',
        details: { violations: [{ field: '--latest-return', rule: 'must be a number (got "x")' }] },
      },
    });
  });

  it('is what `npx aetherquant` runs from the workspace', () => {
    const run = spawnSync('npx', ['--no-install', 'aetherquant', 'signal', '--latest-return', '0.02'], {
      cwd: WORKSPACE_ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('buy\n');
  });
});

describe('aetherquant --help and --version', () => {
  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'apps/cli/package.json'), 'utf8')) as {
      version: string;
    };
    const run = runCli(['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^aetherquant/${version.replace(/\./g, '\\.')} `));
  });

  it('--help lists the commands', () => {
    const run = runCli(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('signal');
    expect(run.stdout).toContain('Classify the latest return as buy, sell or hold.');
  });

  it('signal --help documents both flags', () => {
    const run = runCli(['signal', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('--latest-return');
    expect(run.stdout).toContain('--threshold');
  });
});
