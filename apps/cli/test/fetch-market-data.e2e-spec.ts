import { describeWithMarketData } from '@aetherquant/testing';
import { runCli } from './run-cli';

const offline = { AETHERQ_CACHE_DIR: 'none', AETHERQ_DATABASE_URL: 'none' };

describeWithMarketData('resampled bars and alignment warnings (built binary, real ETF files)', (market) => {
  it('backtests SPY on weekly bars made from its daily file', () => {
    const run = runCli(
      [
        'backtest',
        '--interval',
        '1wk',
        '--provider',
        'csv',
        '--data-dir',
        market.dir,
        '--symbol',
        'SPY',
        '--period',
        'max',
      ],
      { env: offline },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    // The file runs from Friday 1999-12-31 to Friday 2025-03-07: weeks dated on their Mondays, from
    // 1999-12-27 to 2025-03-03, (9198 days / 7) + 1 = 1315 of them (no week without a session).
    expect(report).toMatchObject({
      symbol: 'SPY',
      provider: 'csv',
      rows: 1315,
      first: '1999-12-27',
      last: '2025-03-03',
    });
  });

  it('prints monthly bars of SPY with fetch --interval 1mo', () => {
    const run = runCli(
      [
        'fetch',
        '--symbol',
        'SPY',
        '--interval',
        '1mo',
        '--provider',
        'csv',
        '--data-dir',
        market.dir,
        '--start',
        '2024-01-01',
        '--end',
        '2024-12-31',
        '--output',
        '-',
      ],
      { env: offline },
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stderr)).toMatchObject({
      interval: '1mo',
      rows: 12,
      first: '2024-01-01',
      last: '2024-12-01',
    });
  });

  it('says in the optimize report that XLE ends the window early, and by how much', () => {
    const run = runCli(
      ['optimize', '--symbols', 'SPY,XLE', '--period', '10y', '--provider', 'csv', '--data-dir', market.dir],
      { env: offline },
    );
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.last).toBe('2023-03-31');
    expect(report.warnings).toEqual([
      'XLE ends 2023-03-31: the window ends there, 1y 11mo before the 2025-03-07 requested',
    ]);
  });
});
