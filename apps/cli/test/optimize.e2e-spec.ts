import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeWithMarketData } from '@aetherquant/testing';
import { runCli, scratchDir } from './run-cli';

const offline = { AETHERQ_CACHE_DIR: 'none', AETHERQ_DATABASE_URL: 'none' };

describeWithMarketData('aetherquant optimize golden runs (built binary, real ETF files)', (market) => {
  /** The four ETFs of 2015–2019 from the market data folder (a function: the folder is read in tests only). */
  const golden = () => [
    '--symbols',
    'SPY,QQQ,TLT,GLD',
    '--provider',
    'csv',
    '--data-dir',
    market.dir,
    '--start',
    '2015-01-01',
    '--end',
    '2019-12-31',
  ];

  it('finds the risk-parity weights, every risk contribution a quarter', () => {
    const run = runCli(['optimize', ...golden()], { env: offline });
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({
      method: 'risk-parity',
      symbols: ['SPY', 'QQQ', 'TLT', 'GLD'],
      weights: { SPY: 0.238415, QQQ: 0.173522, TLT: 0.324221, GLD: 0.263842 },
      risk_contributions: { SPY: 0.25, QQQ: 0.25, TLT: 0.25, GLD: 0.25 },
      rows: 1258,
      provider: 'csv',
      first: '2015-01-02',
      last: '2019-12-31',
    });
  });

  it('finds the mean-variance weights with risk aversion 4', () => {
    const run = runCli(['optimize', ...golden(), '--method', 'mean-variance', '--risk-aversion', '4'], {
      env: offline,
    });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).weights).toEqual({ SPY: 0, QQQ: 0.617066, TLT: 0.231585, GLD: 0.151349 });
  });

  it('runs a monthly risk-parity portfolio backtest against equal weights and records it', () => {
    const cwd = scratchDir();
    const args = [
      'backtest',
      '--symbols',
      'SPY,QQQ,TLT,GLD',
      '--provider',
      'csv',
      '--data-dir',
      market.dir,
      '--start',
      '2010-01-01',
      '--end',
      '2019-12-31',
    ];
    const run = runCli(
      [...args, '--allocation', 'risk-parity', '--rebalance', 'monthly', '--lookback', '1y'],
      { cwd, env: { AETHERQ_CACHE_DIR: 'none' } },
    );
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({
      symbols: ['SPY', 'QQQ', 'TLT', 'GLD'],
      allocation: 'risk-parity',
      rebalance: 'monthly',
      lookback: '1y',
    });
    // The first month whose trailing year lies inside the data is February 2011 (a year back from
    // 2011-01-03 reaches before the first bar, 2010-01-04); then every month to December 2019: 11 + 8 · 12 = 107.
    expect(report.rebalances).toBe(107);
    expect(report.first).toBe('2011-02-01');
    const weights = Object.values(report.weights) as number[];
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(typeof report.sharpe).toBe('number');
    expect(typeof report.benchmark_sharpe).toBe('number');
    const listed = JSON.parse(runCli(['db', 'runs'], { cwd }).stdout).runs;
    expect(listed[0]).toMatchObject({
      id: report.run_id,
      type: 'backtest',
      symbols: ['SPY', 'QQQ', 'TLT', 'GLD'],
    });
  });
});

describe('aetherquant optimize (built binary)', () => {
  const synthetic = ['--provider', 'synthetic', '--period', '2y'];

  it('optimises synthetic data offline with each method, weights summing to 1 within the bounds', () => {
    for (const method of ['risk-parity', 'mean-variance', 'min-variance', 'max-sharpe', 'hrp']) {
      // A risk-free rate some asset beats, so max-sharpe is feasible whatever the synthetic drifts.
      const args = ['--method', method, '--max-weight', '0.6', '--risk-free-rate', '-0.5'];
      const run = runCli(['optimize', '--symbols', 'SPY,QQQ,TLT', ...synthetic, ...args], { env: offline });
      expect(run.status).toBe(0);
      const weights = Object.values(JSON.parse(run.stdout).weights) as number[];
      expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      for (const weight of weights) expect(weight).toBeLessThanOrEqual(0.6 + 1e-6);
    }
  });

  it.each([
    [['--symbols', 'SPY'], '--symbols must name at least two symbols'],
    [['--symbols', 'SPY,spy'], 'must be distinct (SPY given twice)'],
    [['--symbols', 'SPY,QQQ', '--max-weight', '0'], '--max-weight must be greater than 0'],
    [['--symbols', 'SPY,QQQ', '--risk-aversion', '0'], '--risk-aversion must be at least 0.000001'],
    [['--symbols', 'SPY,QQQ', '--method', 'magic'], '--method must be one of'],
  ])('optimize %j exits 2 with one clear line', (args, message) => {
    const run = runCli(['optimize', ...args, ...synthetic], { env: offline });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('exits 2 when the symbols have no bars in common', () => {
    const cwd = scratchDir();
    writeFileSync(
      join(cwd, 'OLD.csv'),
      'date,open,high,low,close,volume\n2001-01-02,1,1,1,1,1\n2001-01-03,1,1,1,1.1,1\n2001-01-04,1,1,1,1.2,1\n',
    );
    writeFileSync(
      join(cwd, 'NEW.csv'),
      'date,open,high,low,close,volume\n2021-01-04,1,1,1,1,1\n2021-01-05,1,1,1,1.1,1\n2021-01-06,1,1,1,1.2,1\n',
    );
    const run = runCli(
      ['optimize', '--symbols', 'OLD,NEW', '--provider', 'csv', '--data-dir', cwd, '--period', 'max'],
      { env: offline },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--symbols have no bars in common');
  });

  it('reports max-sharpe without any asset beating the risk-free rate as infeasible (exit 6)', () => {
    const run = runCli(
      [
        'optimize',
        '--symbols',
        'SPY,QQQ,TLT',
        ...synthetic,
        '--method',
        'max-sharpe',
        '--risk-free-rate',
        '0.9',
      ],
      {
        env: offline,
      },
    );
    expect(run.status).toBe(6);
    expect(run.stderr).toContain(
      'max-sharpe needs a feasible portfolio expecting more than the risk-free rate',
    );
  });

  it('reports bounds that cannot sum to 1 as infeasible (exit 6)', () => {
    const run = runCli(['optimize', '--symbols', 'SPY,QQQ,TLT,GLD', ...synthetic, '--max-weight', '0.2'], {
      env: offline,
    });
    expect(run.status).toBe(6);
    expect(run.stderr).toContain('0.2');
  });

  it('refuses single-asset flags with --symbols on backtest', () => {
    const run = runCli(['backtest', '--symbols', 'SPY,QQQ', '--fast', '10', ...synthetic], { env: offline });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--symbols cannot be combined with --fast');
  });
});
