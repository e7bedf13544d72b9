import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, scratchDir } from './run-cli';
import { closedPort } from '@aetherquant/testing';

/** Settings for offline runs: no cache folder (nothing written outside the scratch directory). */
const offline = { AETHERQ_CACHE_DIR: 'none' };

function fetchSynthetic(cwd: string, output: string, extra: string[] = []) {
  return runCli(
    [
      'fetch',
      '--symbol',
      'spy',
      '--start',
      '2020-01-02',
      '--end',
      '2020-03-31',
      '--provider',
      'synthetic',
      '--output',
      output,
      ...extra,
    ],
    { cwd, env: offline },
  );
}

describe('aetherquant fetch (built binary)', () => {
  it('writes synthetic bars as CSV and prints one JSON line', () => {
    const cwd = scratchDir();
    const run = fetchSynthetic(cwd, 'out/spy.csv');
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    // Weekdays of 2020-01-02 .. 2020-03-31: January 23 less Wed 1 January = 22, February 20, March 22: 64.
    expect(JSON.parse(lines[0] as string)).toEqual({
      symbol: 'SPY',
      provider: 'synthetic',
      interval: '1d',
      rows: 64,
      first: '2020-01-02',
      last: '2020-03-31',
      output: join(cwd, 'out/spy.csv'),
    });
    const csv = readFileSync(join(cwd, 'out/spy.csv'), 'utf8').trimEnd().split('\n');
    expect(csv[0]).toBe('date,open,high,low,close,volume');
    expect(csv).toHaveLength(65);
    expect(csv[1]).toMatch(/^2020-01-02,[\d.]+,[\d.]+,[\d.]+,[\d.]+,\d+$/);
  });

  it('gives byte-identical output for the same synthetic request, and different output for another seed', () => {
    const cwd = scratchDir();
    const first = fetchSynthetic(cwd, 'a.csv');
    const second = fetchSynthetic(cwd, 'b.csv');
    const otherSeed = fetchSynthetic(cwd, 'c.csv', ['--seed', '7']);
    expect([first.status, second.status, otherSeed.status]).toEqual([0, 0, 0]);
    const [a, b, c] = ['a.csv', 'b.csv', 'c.csv'].map((name) => readFileSync(join(cwd, name)));
    expect(Buffer.compare(a as Buffer, b as Buffer)).toBe(0);
    expect((a as Buffer).equals(c as Buffer)).toBe(false);
  });

  it('runs the README main job offline with --provider synthetic', () => {
    const cwd = scratchDir();
    const run = runCli(
      ['fetch', '--symbol', 'SPY', '--period', '1y', '--provider', 'synthetic', '--output', 'data/spy.csv'],
      {
        cwd,
        env: offline,
      },
    );
    expect(run.status).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.provider).toBe('synthetic');
    // One year of weekdays: 260 or 261.
    expect(summary.rows).toBeGreaterThanOrEqual(260);
    expect(summary.rows).toBeLessThanOrEqual(262);
  });

  it('writes to standard output with --output -, the summary going to standard error', () => {
    const run = runCli(
      [
        'fetch',
        '--symbol',
        'QQQ',
        '--start',
        '2020-01-06',
        '--end',
        '2020-01-10',
        '--provider',
        'synthetic',
        '--output',
        '-',
      ],
      {
        env: offline,
      },
    );
    expect(run.status).toBe(0);
    expect(
      run.stdout
        .trimEnd()
        .split('\n')
        .map((line) => line.slice(0, 10)),
    ).toEqual(['date,open,', '2020-01-06', '2020-01-07', '2020-01-08', '2020-01-09', '2020-01-10']);
    expect(JSON.parse(run.stderr)).toMatchObject({
      symbol: 'QQQ',
      provider: 'synthetic',
      rows: 5,
      output: '-',
    });
  });

  it('reads CSV files with --provider csv, adjusting by default and not with --no-adjust', () => {
    const cwd = scratchDir();
    writeFileSync(
      join(cwd, 'ABC.csv'),
      'Date,Open,High,Low,Close,Adj Close,Volume\n2020-01-02,10,11,9,10,5,100\n2020-01-03,10,12,9,11,11,200\n',
    );
    const adjusted = runCli(
      [
        'fetch',
        '--symbol',
        'abc',
        '--period',
        'max',
        '--provider',
        'csv',
        '--data-dir',
        '.',
        '--output',
        '-',
      ],
      {
        cwd,
        env: offline,
      },
    );
    expect(adjusted.stdout).toBe(
      'date,open,high,low,close,volume\n2020-01-02,5,5.5,4.5,5,100\n2020-01-03,10,12,9,11,200\n',
    );
    const raw = runCli(
      [
        'fetch',
        '--symbol',
        'abc',
        '--period',
        'max',
        '--provider',
        'csv',
        '--data-dir',
        '.',
        '--no-adjust',
        '--output',
        '-',
      ],
      {
        cwd,
        env: offline,
      },
    );
    expect(raw.stdout).toBe(
      'date,open,high,low,close,volume\n2020-01-02,10,11,9,10,100\n2020-01-03,10,12,9,11,200\n',
    );
  });

  it('takes the provider and data folder from the settings', () => {
    const cwd = scratchDir();
    writeFileSync(join(cwd, 'XYZ.csv'), 'date,open,high,low,close,volume\n2020-01-02,1,2,0.5,1.5,10\n');
    const run = runCli(['fetch', '--symbol', 'XYZ', '--output', '-'], {
      cwd,
      env: { ...offline, AETHERQ_DATA_PROVIDER: 'csv', AETHERQ_DATA_DIR: cwd },
    });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stderr)).toMatchObject({ provider: 'csv', rows: 1 });
  });

  it.each([
    [
      ['--symbol', 'SPY', '--provider', 'bloomberg'],
      '--provider must be one of "yahoo", "csv", "synthetic" (got "bloomberg")',
    ],
    [['--symbol', 'S P Y', '--provider', 'synthetic'], '--symbol must be 1 to 15 letters'],
    [
      ['--symbol', 'SPY', '--provider', 'synthetic', '--start', '2020-02-01', '--end', '2020-01-01'],
      '--end must not be before start',
    ],
    [
      ['--symbol', 'SPY', '--provider', 'synthetic', '--period', '1y', '--start', '2020-01-01'],
      '--period cannot be combined with start or end',
    ],
    [['--symbol', 'SPY', '--provider', 'synthetic', '--period', '10x'], '--period must be a positive count'],
    [['--symbol', 'SPY', '--provider', 'synthetic', '--interval', '7d'], '--interval must be one of'],
    [['--symbol', 'SPY', '--provider', 'synthetic', '--start', '2020-13-01'], '--start is not a real date'],
    [['--symbol', 'SPY', '--provider', 'synthetic', '--seed', '-1'], '--seed must be at least 0'],
    [
      ['--symbol', 'SPY', '--provider', 'csv', '--data-dir', '/nonexistent/market'],
      '--data-dir is not a directory: /nonexistent/market',
    ],
    [['--symbol', 'SPY', '--provider', 'csv'], '--data-dir is required for the csv provider'],
  ])('fetch %j exits 2 naming the flag: %s', (args, message) => {
    const run = runCli(['fetch', ...args, '--output', 'out.csv'], { env: offline });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('exits 4 when a csv folder has no file for the symbol', () => {
    const run = runCli(
      ['fetch', '--symbol', 'NOPE', '--provider', 'csv', '--data-dir', scratchDir(), '--output', 'x.csv'],
      {
        env: offline,
      },
    );
    expect(run.status).toBe(4);
    expect(run.stderr).toMatch(/^error: no file for NOPE in .* \(expected NOPE\.csv\)\n$/);
  });

  it('exits 3 with an offline hint when Yahoo cannot be reached', async () => {
    const port = await closedPort();
    const run = runCli(
      ['fetch', '--symbol', 'SPY', '--period', '1mo', '--provider', 'yahoo', '--output', 'spy.csv'],
      {
        env: { ...offline, AETHERQ_YAHOO_URL: `http://127.0.0.1:${port}` },
      },
    );
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('Yahoo Finance could not be reached');
    expect(run.stderr).toContain(
      'to work offline, use --provider synthetic, or --provider csv --data-dir DIR',
    );
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
