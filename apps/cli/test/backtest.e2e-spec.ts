import { describeWithMarketData } from '@aetherquant/testing';
import { BUILT_IN_STRATEGIES } from '@aetherquant/workflows/strategies';
import { runCli, scratchDir } from './run-cli';

const offline = { AETHERQ_CACHE_DIR: 'none' };

describeWithMarketData('aetherquant backtest golden run (built binary, real SPY file)', (market) => {
  // ma-cross 20/50 over 2010–2019, warmed up on the 49 bars before 2010-01-04 (docs/backtest.md): ready, and
  // so invested or not, from the first bar. (The seed sat flat until 2010-03-15 and printed annual_return
  // −0.008997, final_equity 91371.38: the workflow golden test keeps that figure, on the window's bars alone.)
  it('prints the figures of the strategy warmed up before the window, and records the run that db runs then lists', () => {
    const cwd = scratchDir();
    const args = [
      'backtest',
      '--symbol',
      'SPY',
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
      [
        ...args,
        '--fast',
        '20',
        '--slow',
        '50',
        '--commission-bps',
        '1',
        '--slippage-bps',
        '0',
        '--initial-cash',
        '100000',
      ],
      {
        cwd,
        env: offline,
      },
    );
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({
      symbol: 'SPY',
      rows: 2516,
      annual_return: -0.023535,
      max_drawdown: -0.434251,
      sharpe: -0.088108,
      final_equity: 78829.41,
      benchmark_sharpe: 0.922059,
      provider: 'csv',
      strategy: 'ma-cross',
      params: { fast: 20, slow: 50 },
      first: '2010-01-04',
      last: '2019-12-31',
      warmup_bars: 49,
    });
    expect(Object.keys(report.metrics).sort()).toEqual(
      [
        'alpha',
        'beta',
        'calmar',
        'cvar_95',
        'exposure',
        'max_drawdown_duration',
        'profit_factor',
        'sortino',
        'total_return',
        'turnover',
        'var_95',
        'volatility',
        'win_rate',
      ].sort(),
    );

    const listed = JSON.parse(runCli(['db', 'runs'], { cwd }).stdout) as {
      runs: Array<{ id: string; type: string; parameters: Record<string, unknown> }>;
    };
    expect(listed.runs).toHaveLength(1);
    expect(listed.runs[0]).toMatchObject({
      id: report.run_id,
      type: 'backtest',
      symbols: ['SPY'],
      final_equity: expect.closeTo(78829.41, 2),
    });
    expect(listed.runs[0]?.parameters).toMatchObject({
      strategy: 'ma-cross',
      params: { fast: 20, slow: 50 },
      commission_bps: 1,
    });
  });
});

describe('aetherquant backtest (built binary)', () => {
  it('runs offline on synthetic data with the settings’ costs, and records nothing when persistence is off', () => {
    const run = runCli(
      [
        'backtest',
        '--symbol',
        'qqq',
        '--period',
        '2y',
        '--provider',
        'synthetic',
        '--strategy',
        'momentum',
        '--param',
        'lookback=10',
        '--long-only',
      ],
      {
        env: { ...offline, AETHERQ_DATABASE_URL: 'none', AETHERQ_INITIAL_CASH: '5000' },
      },
    );
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({
      symbol: 'QQQ',
      provider: 'synthetic',
      strategy: 'momentum',
      params: { lookback: 10 },
    });
    expect(report.run_id).toBeUndefined();
    // Buy-and-hold of 5000 cash: the benchmark's final equity is in the same units.
    expect(report.benchmark_final_equity).toBeGreaterThan(1000);
    expect(report.benchmark_final_equity).toBeLessThan(25000);
  });

  it.each([
    [
      ['--strategy', 'magic'],
      `--strategy must be one of ${BUILT_IN_STRATEGIES.names().join(', ')} (got "magic")`,
    ],
    [['--fast', '50', '--slow', '20'], '--fast must be less than slow (got fast 50, slow 20)'],
    // Warm-up bars come from before the window; a window of one bar still leaves no decision to earn a return.
    [
      ['--start', '2024-05-31', '--end', '2024-05-31'],
      'bars must number at least 51 for ma-cross with slow 50',
    ],
    [['--commission-bps', '-1'], '--commission-bps must be at least 0 (got -1)'],
    [['--slippage-bps', '-0.5'], '--slippage-bps must be at least 0 (got -0.5)'],
    [['--initial-cash', '0'], '--initial-cash must be greater than 0'],
    [['--strategy', 'rsi-reversion', '--param', 'period=1'], '--param period must be at least 2 (got 1)'],
    [['--param', 'fast'], '--param must be name=value (got "fast")'],
  ])('backtest %j exits 2 with one clear line', (args, message) => {
    const run = runCli(['backtest', '--symbol', 'SPY', '--provider', 'synthetic', ...args], {
      env: { ...offline, AETHERQ_DATABASE_URL: 'none' },
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
