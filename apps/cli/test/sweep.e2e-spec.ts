import { spawnSync } from 'node:child_process';
import { CLI_BIN, runCli, scratchDir } from './run-cli';

const offline = { AETHERQ_CACHE_DIR: 'none' };
const synthetic = [
  '--symbol',
  'SPY',
  '--provider',
  'synthetic',
  '--start',
  '2016-01-04',
  '--end',
  '2021-12-31',
];

describe('aetherquant sweep (built binary)', () => {
  it('ranks the valid combinations of a grid and counts the skipped ones, recording the run', () => {
    const cwd = scratchDir();
    const run = runCli(['sweep', ...synthetic, '--fast', '5:20:5', '--slow', '10:30:10', '--top', '3'], {
      cwd,
      env: offline,
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(''); // no progress bar when standard error is not a terminal
    const report = JSON.parse(run.stdout);
    // fast ∈ {5, 10, 15, 20} × slow ∈ {10, 20, 30} = 12; fast ≥ slow for (10,10), (15,10), (20,10), (20,20): 4 skipped.
    expect(report).toMatchObject({
      symbol: 'SPY',
      provider: 'synthetic',
      strategy: 'ma-cross',
      rank_by: 'sharpe',
      combinations: 12,
      evaluated: 8,
      skipped: 4,
    });
    expect(report.results).toHaveLength(3);
    const sharpes = report.results.map((entry: { sharpe: number }) => entry.sharpe);
    expect([...sharpes].sort((a, b) => b - a)).toEqual(sharpes);
    for (const entry of report.results) expect(entry.params.fast).toBeLessThan(entry.params.slow);

    // The best combination's figures are those of a backtest with its parameters.
    const best = report.results[0];
    const single = JSON.parse(
      runCli(
        ['backtest', ...synthetic, '--fast', String(best.params.fast), '--slow', String(best.params.slow)],
        { cwd, env: offline },
      ).stdout,
    );
    expect([single.sharpe, single.annual_return, single.max_drawdown, single.final_equity]).toEqual([
      best.sharpe,
      best.annual_return,
      best.max_drawdown,
      best.final_equity,
    ]);
    const runs = JSON.parse(runCli(['db', 'runs', '--type', 'sweep'], { cwd }).stdout).runs;
    expect(runs.map((r: { id: string }) => r.id)).toEqual([report.run_id]);
  });

  it('draws a progress bar on standard error when it is a terminal', () => {
    const command = [
      CLI_BIN,
      'sweep',
      ...synthetic,
      '--fast',
      '5:20:5',
      '--slow',
      '30:60:10',
      '--database-url',
      'none',
    ].join(' ');
    // `script` runs the command under a pseudo-terminal, as a person at a terminal would.
    const run = spawnSync('script', ['-qec', command, '/dev/null'], {
      cwd: scratchDir(),
      encoding: 'utf8',
      env: { ...process.env, ...offline },
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('sweep [');
    expect(run.stdout).toMatch(/100% 16\/16/);
  });

  it.each([
    [['--fast', '5:a'], '--fast must be'],
    [['--param', 'nope=1:3'], '--param nope is not a parameter of ma-cross'],
    [['--fast', '50', '--slow', '20'], 'grid must hold a valid combination for ma-cross'],
    [['--rank-by', 'luck'], '--rank-by must be one of "sharpe"'],
    [['--top', '0'], '--top must be at least 1 (got 0)'],
  ])('sweep %j exits 2 with one clear line', (args, message) => {
    const run = runCli(['sweep', ...synthetic, ...args], {
      env: { ...offline, AETHERQ_DATABASE_URL: 'none' },
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('aetherquant walk-forward (built binary)', () => {
  it('chooses parameters on each train window and stitches the out-of-sample equity', () => {
    const run = runCli(
      ['walk-forward', ...synthetic, '--fast', '10,20', '--slow', '50,100', '--train', '2y', '--test', '1y'],
      { env: { ...offline, AETHERQ_DATABASE_URL: 'none' } },
    );
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ symbol: 'SPY', strategy: 'ma-cross', train: '2y', test: '1y' });
    // 2016–2021: the first two years train, then four one-year test windows, 2018 to 2021.
    expect(report.windows.map((w: { test_start: string }) => w.test_start.slice(0, 4))).toEqual([
      '2018',
      '2019',
      '2020',
      '2021',
    ]);
    expect(report.first).toBe(report.windows[0].test_start);
    expect(report.last).toBe('2021-12-31');
    for (const window of report.windows) expect([10, 20]).toContain(window.params.fast);
  });

  it('refuses a history too short for one train and one test window', () => {
    const run = runCli(['walk-forward', ...synthetic, '--train', '7y', '--test', '1y'], {
      env: { ...offline, AETHERQ_DATABASE_URL: 'none' },
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--train|--test/);
  });
});
