import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeWithMarketData } from '@aetherquant/testing';
import { type CliRun, runCli, scratchDir } from './run-cli';

// --benchmark from the built binary: the flag reaches the engine (the benchmark figures are the chosen
// symbol's buy-and-hold) and the report (`benchmark`), and a bad one exits 2 naming the flag.

const offline = { AETHERQ_CACHE_DIR: 'none', AETHERQ_DATABASE_URL: 'none' };

const json = (run: CliRun) => {
  if (run.status !== 0) throw new Error(`exit ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, unknown>;
};

describe('aetherquant --benchmark on tiny csv files', () => {
  // Monday 2024-01-01 … Friday 2024-01-05; BENCH has no Wednesday row (its Tuesday close is carried).
  const dir = scratchDir();
  const write = (symbol: string, rows: Array<[string, number]>) =>
    writeFileSync(
      join(dir, `${symbol}.csv`),
      `date,open,high,low,close,adj_close,volume\n${rows.map(([d, c]) => `${d},${c},${c},${c},${c},${c},1`).join('\n')}\n`,
    );
  write('TRADE', [
    ['2024-01-01', 10],
    ['2024-01-02', 11],
    ['2024-01-03', 12],
    ['2024-01-04', 11],
    ['2024-01-05', 12.5],
  ]);
  write('OTHER', [
    ['2024-01-01', 20],
    ['2024-01-02', 21],
    ['2024-01-03', 22],
    ['2024-01-04', 21],
    ['2024-01-05', 23],
  ]);
  write('BENCH', [
    ['2024-01-01', 100],
    ['2024-01-02', 105],
    ['2024-01-04', 98],
    ['2024-01-05', 110],
  ]);
  const window = [
    '--provider',
    'csv',
    '--data-dir',
    dir,
    '--start',
    '2024-01-01',
    '--end',
    '2024-01-05',
    '--commission-bps',
    '0',
    '--slippage-bps',
    '0',
    '--initial-cash',
    '1000',
  ];

  it('backtest --benchmark BENCH: buy-and-hold of BENCH over the traded days, and the report says so', () => {
    const report = json(
      runCli(
        ['backtest', '--symbol', 'TRADE', '--strategy', 'buy-and-hold', '--benchmark', 'bench', ...window],
        {
          env: offline,
        },
      ),
    );
    // 1000 · (100, 105, 105, 98, 110) / 100: the benchmark ends at 1100 with a drawdown of 980 / 1050 − 1.
    expect(report).toMatchObject({
      symbol: 'TRADE',
      benchmark: 'BENCH',
      final_equity: 1250,
      benchmark_final_equity: 1100,
      benchmark_max_drawdown: Number((980 / 1050 - 1).toFixed(6)),
      warnings: [
        "benchmark BENCH has no bar at 1 of TRADE's 5 bars (the first 2024-01-03): its last close is carried forward there",
      ],
    });
    const own = json(
      runCli(['backtest', '--symbol', 'TRADE', '--strategy', 'buy-and-hold', ...window], { env: offline }),
    );
    expect(own).toMatchObject({ benchmark: 'TRADE', benchmark_final_equity: 1250 });
  });

  it('backtest --symbols and papertrade take --benchmark too', () => {
    const portfolio = json(
      runCli(
        [
          'backtest',
          '--symbols',
          'TRADE,OTHER',
          '--strategy',
          'buy-and-hold',
          '--allocation',
          'equal-weight',
          '--benchmark',
          'BENCH',
          ...window,
        ],
        { env: offline },
      ),
    );
    expect(portfolio).toMatchObject({ benchmark: 'BENCH', benchmark_final_equity: 1100 });
    const paper = json(
      runCli(
        ['papertrade', '--symbol', 'TRADE', '--strategy', 'buy-and-hold', '--benchmark', 'BENCH', ...window],
        {
          env: offline,
        },
      ),
    );
    expect(paper['benchmark']).toBe('BENCH');
  });

  it('exits 2 naming --benchmark for one that is not a ticker, or has no bar at the traded days', () => {
    const bad = runCli(['backtest', '--symbol', 'TRADE', '--benchmark', 'SPY$', ...window], { env: offline });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('--benchmark must be a ticker of 1 to 15 letters');
    write('OLD', [
      ['2023-12-27', 20],
      ['2023-12-28', 21],
    ]);
    const old = runCli(['backtest', '--symbol', 'TRADE', '--benchmark', 'OLD', ...window], { env: offline });
    expect(old.status).toBe(2);
    expect(old.stderr).toContain("--benchmark must have bars at the times of TRADE's");
  });
});

/** A file's adjusted closes by date, read here, independently of the csv provider. */
function adjustedCloses(file: string): Map<string, number> {
  const [header, ...rows] = readFileSync(file, 'utf8').trim().split('\n');
  const columns = (header as string).split(',');
  return new Map(
    rows.map((row) => {
      const cells = row.split(',');
      return [cells[columns.indexOf('date')] as string, Number(cells[columns.indexOf('adj_close')])];
    }),
  );
}

describeWithMarketData(
  'aetherquant backtest and walk-forward QQQ --benchmark SPY (built binary, real files)',
  (market) => {
    const source = () => ['--provider', 'csv', '--data-dir', market.dir, '--initial-cash', '100000'];

    /** SPY bought with 100,000 at the close of `first` and held to `last`, on QQQ's dates: its figures. */
    function spyHeld(first: string, last: string) {
      const qqq = adjustedCloses(market.file('QQQ'));
      const spy = adjustedCloses(market.file('SPY'));
      const dates = [...qqq.keys()].filter((date) => date >= first && date <= last);
      const equity = dates.map(
        (date) => (100_000 * (spy.get(date) as number)) / (spy.get(dates[0] as string) as number),
      );
      const returns = equity.slice(1).map((value, t) => value / (equity[t] as number) - 1);
      const mean = returns.reduce((sum, r) => sum + r, 0) / returns.length;
      const std = Math.sqrt(returns.reduce((sum, r) => sum + (r - mean) ** 2, 0) / (returns.length - 1));
      const final = equity[equity.length - 1] as number;
      return {
        rows: dates.length,
        final,
        annualReturn: (final / 100_000) ** (252 / dates.length) - 1,
        sharpe: (mean / std) * Math.sqrt(252),
      };
    }

    it('backtest: prints SPY’s buy-and-hold over QQQ’s dates as the benchmark figures', () => {
      const report = json(
        runCli(
          [
            'backtest',
            '--symbol',
            'QQQ',
            '--benchmark',
            'SPY',
            ...source(),
            '--start',
            '2012-01-01',
            '--end',
            '2021-12-31',
          ],
          { env: offline },
        ),
      );
      const held = spyHeld('2012-01-01', '2021-12-31');
      expect(report).toMatchObject({ symbol: 'QQQ', benchmark: 'SPY', rows: held.rows });
      expect(report['benchmark_final_equity']).toBeCloseTo(held.final, 2);
      expect(report['benchmark_annual_return']).toBeCloseTo(held.annualReturn, 6);
      expect(report['benchmark_sharpe']).toBeCloseTo(held.sharpe, 6);
      expect(report['warnings']).toBeUndefined();
    });

    it('walk-forward: SPY’s buy-and-hold over the out-of-sample dates', () => {
      const report = json(
        runCli(
          [
            'walk-forward',
            '--symbol',
            'QQQ',
            '--benchmark',
            'SPY',
            ...source(),
            '--start',
            '2014-01-01',
            '--end',
            '2019-12-31',
            '--fast',
            '10,20',
            '--slow',
            '50,100',
            '--train',
            '2y',
            '--test',
            '1y',
          ],
          { env: offline },
        ),
      );
      const held = spyHeld(report['first'] as string, report['last'] as string);
      expect(report).toMatchObject({ symbol: 'QQQ', benchmark: 'SPY', rows: held.rows });
      expect(report['benchmark_final_equity']).toBeCloseTo(held.final, 2);
      expect(report['benchmark_sharpe']).toBeCloseTo(held.sharpe, 6);
    });
  },
);
