import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DAY_MS, formatIsoDate } from '@aetherquant/core';
import { CsvProvider } from '@aetherquant/data';
import { maCrossStrategy } from '@aetherquant/strategies';
import { describeWithMarketData } from '@aetherquant/testing';
import { computeSweepPart, sweepWorkflow } from '../sweep/sweep.workflow';
import { papertradeWorkflow } from '../trading/papertrade.workflow';
import { walkForwardWorkflow } from '../walk-forward/walk-forward.workflow';
import { runWorkflow } from '../workflow/workflow';
import { OFFLINE_SETTINGS } from '../../testing/offline-context';
import { backtestWorkflow } from './backtest.workflow';

// Warm-up bars are loaded BEFORE the requested window: the strategy is ready on the first requested bar,
// and every figure covers the window exactly.

const settings = OFFLINE_SETTINGS;
const screen = { context: { settings, chartPoints: 1000 } };

/** A tiny file of weekday bars, close = open = high = low (one price per day), from Monday 2024-01-01. */
function tinyFile(closes: number[]): { dir: string; dates: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'aetherquant-warmup-'));
  const rows = ['date,open,high,low,close,adj_close,volume'];
  const dates: string[] = [];
  for (let day = Date.UTC(2024, 0, 1); dates.length < closes.length; day += DAY_MS) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const close = closes[dates.length] as number;
    rows.push(`${formatIsoDate(day)},${close},${close},${close},${close},${close},1000`);
    dates.push(formatIsoDate(day));
  }
  writeFileSync(join(dir, 'TINY.csv'), `${rows.join('\n')}\n`);
  return { dir, dates };
}

describe('warm-up, by hand: momentum 2 on seven bars', () => {
  // Index:   0 Mon 01-01, 1 Tue 01-02, 2 Wed 01-03, 3 Thu 01-04, 4 Fri 01-05, 5 Mon 01-08, 6 Tue 01-09
  // Close:   10           11           12           13           12           14           15
  // momentum 2: target[t] = sign(close[t] / close[t − 2] − 1), 0 for the first 2 bars (warmupBars = 2).
  const { dir } = tinyFile([10, 11, 12, 13, 12, 14, 15]);
  const request = {
    symbol: 'TINY',
    provider: 'csv' as const,
    data_dir: dir,
    strategy: 'momentum',
    params: { lookback: 2 },
    commission_bps: 0,
    slippage_bps: 0,
    initial_cash: 1000,
  };

  it('loads exactly the 2 bars before 01-04, trades from the first requested bar, and covers only the window', async () => {
    const report = await runWorkflow(
      backtestWorkflow,
      { ...request, start: '2024-01-04', end: '2024-01-09' },
      screen,
    );
    // Warm-up: bars 1 and 2 (01-02, 01-03), not bar 0. Targets on the window (bars 3…6):
    //   01-04: 13/11 − 1 > 0 → +1;  01-05: 12/12 − 1 = 0 → 0;  01-08: 14/13 − 1 > 0 → +1;  01-09: 15/12 → +1.
    // Equity (no costs), the first point the initial cash on the first requested bar:
    //   e[01-04] = 1000
    //   e[01-05] = 1000 · (1 + 1 · (12/13 − 1)) = 923.0769…   (the +1 decided at 01-04 earns 01-05)
    //   e[01-08] = 923.0769… · (1 + 0)          = 923.0769…   (flat over 01-08)
    //   e[01-09] = 923.0769… · (1 + 1 · (15/14 − 1)) = 989.0109…
    // Buy-and-hold over the same window: 1000 · 15/13 = 1153.846…
    expect(report).toMatchObject({
      rows: 4,
      first: '2024-01-04',
      last: '2024-01-09',
      warmup_bars: 2,
      final_equity: 989.01,
      benchmark_final_equity: 1153.85,
      trades: 2,
    });
    expect(report.warnings).toBeUndefined();
    expect(report.chart?.time).toEqual(['2024-01-04', '2024-01-05', '2024-01-08', '2024-01-09']);
    expect(report.chart?.equity).toEqual([1000, 923.08, 923.08, 989.01]);
    expect(report.chart?.benchmark).toEqual([1000, 923.08, 1076.92, 1153.85]);
    // The first trade opens on the first requested bar: exposure there is the strategy's, not 0.
    expect(report.trade_list?.[0]).toMatchObject({ side: 'long', entry: '2024-01-04', exit: '2024-01-05' });
    // Exposure: the targets held over the 3 returns are +1, 0, +1.
    expect(report.metrics.exposure).toBeCloseTo(2 / 3, 6);
  });

  it('warns, naming the first ready bar, when the data holds fewer warm-up bars than needed, and still runs', async () => {
    const report = await runWorkflow(
      backtestWorkflow,
      { ...request, start: '2024-01-02', end: '2024-01-09' },
      screen,
    );
    // Only bar 0 lies before 01-02: one warm-up bar of 2, so the strategy is ready from the window's 2nd bar
    // (01-03: 12/10 − 1 > 0 → +1) and its target on 01-02 is flat.
    expect(report).toMatchObject({ rows: 6, first: '2024-01-02', warmup_bars: 1 });
    expect(report.warnings).toEqual([
      'TINY 1d: momentum needs 2 warm-up bars before 2024-01-02 but the data holds only 1; the strategy is ready from 2024-01-03, and its targets before that bar are flat',
    ]);
    expect(report.trade_list?.[0]).toMatchObject({ side: 'long', entry: '2024-01-03' });
    expect(report.chart?.time[0]).toBe('2024-01-02');

    const none = await runWorkflow(
      backtestWorkflow,
      { ...request, start: '2024-01-01', end: '2024-01-09' },
      screen,
    );
    expect(none).toMatchObject({ rows: 7, warmup_bars: 0 });
    expect(none.warnings?.[0]).toContain('the data holds none; the strategy is ready from 2024-01-03');
  });

  it('refuses a window too short for any decision with the strategy’s bar rule', async () => {
    // 01-09 alone: 2 warm-up bars + 1 = 3 bars, one short of the 4 (warm-up + 2) a return needs.
    await expect(
      runWorkflow(backtestWorkflow, { ...request, start: '2024-01-09', end: '2024-01-09' }, screen),
    ).rejects.toThrow('bars must number at least 4 for momentum with lookback 2 (got 3)');
  });

  it('replays the same warm strategy in papertrade: its first order is on the first requested bar', async () => {
    const report = await runWorkflow(
      papertradeWorkflow,
      { ...request, start: '2024-01-04', end: '2024-01-09', fractional: true },
      { context: { settings } },
    );
    expect(report).toMatchObject({ first: '2024-01-04', warmup_bars: 2 });
    expect(report.orders[0]).toMatchObject({ time: '2024-01-04', side: 'buy', status: 'filled' });
  });
});

describeWithMarketData('warm-up on the real SPY file (csv, ends 2025-03-07)', (market) => {
  const spy = () => ({ symbol: 'SPY', provider: 'csv' as const, data_dir: market.dir });
  const costs = { commission_bps: 1, slippage_bps: 0, initial_cash: 100000 };
  let fullTargets: (fast: number, slow: number, date: string) => number;
  beforeAll(async () => {
    // The strategy on the whole file: ma-cross is a function of the last `slow` closes, so its target on a
    // date is the same however long the history before it, and a warm run must reproduce it.
    const all = await new CsvProvider({ dataDir: market.dir }).getBars({ symbol: 'SPY', period: 'max' });
    fullTargets = (fast, slow, date) =>
      maCrossStrategy.targets(all, { fast, slow })[all.firstIndexAtOrAfter(Date.parse(date))] as number;
  });

  // A csv period counts back from the file's last bar (2025-03-07), not from today: these are fixed windows.
  it.each([
    ['--period ytd, default ma-cross 20/50', { period: 'ytd' }, 20, 50, '2025-01-02', 49],
    [
      '--period 1y --fast 50 --slow 200',
      { period: '1y', params: { fast: 50, slow: 200 } },
      50,
      200,
      '2024-03-08',
      199,
    ],
    [
      '--start 2015-01-01 --end 2015-12-31',
      { start: '2015-01-01', end: '2015-12-31' },
      20,
      50,
      '2015-01-02',
      49,
    ],
  ])(
    '%s: ready on the first requested bar, every figure over the window',
    async (_name, window, fast, slow, first, warmup) => {
      const report = await runWorkflow(backtestWorkflow, { ...spy(), ...costs, ...window }, screen);
      expect(report).toMatchObject({ first, warmup_bars: warmup, params: { fast, slow } });
      expect(report.warnings).toBeUndefined();
      // The chart (equity and benchmark) starts on the first requested bar ...
      expect(report.chart?.time[0]).toBe(first);
      expect(report.chart?.benchmark[0]).toBe(100000);
      // ... where the strategy already holds its target (±1 here), paying 1 bps to enter it.
      const target = fullTargets(fast, slow, first);
      expect(Math.abs(target)).toBe(1);
      expect(report.chart?.equity[0]).toBe(99990);
      expect(report.trade_list?.[0]).toMatchObject({ entry: first, side: target > 0 ? 'long' : 'short' });
      // Invested on every bar of the window (ma-cross is ±1 once ready), not flat for the first `slow − 1`.
      expect(report.metrics.exposure).toBe(1);
    },
  );

  it('--period 1y 50/200: the run used to sit flat for 199 of 250 bars; now its rows are the window’s', async () => {
    const report = await runWorkflow(
      backtestWorkflow,
      { ...spy(), ...costs, period: '1y', params: { fast: 50, slow: 200 } },
      { context: { settings } },
    );
    expect(report.rows).toBe(250);
    expect(report.last).toBe('2025-03-07');
  });

  it('sweep: each combination warms up on its own bars and equals its backtest over exactly the window', async () => {
    const window = { start: '2018-01-01', end: '2019-12-31' };
    const grid = { fast: [10, 20], slow: [30, 100, 150] };
    const sweep = await runWorkflow(
      sweepWorkflow,
      { ...spy(), ...costs, ...window, strategy: 'ma-cross', grid, top: 1000 },
      { context: { settings } },
    );
    // The largest warm-up (slow 150: 149 bars) loaded once; every combination evaluated on 2018–2019.
    expect(sweep).toMatchObject({ first: '2018-01-02', last: '2019-12-31', warmup_bars: 149, evaluated: 6 });
    for (const row of sweep.results) {
      const backtest = await runWorkflow(
        backtestWorkflow,
        { ...spy(), ...costs, ...window, params: row.params },
        { context: { settings } },
      );
      expect(backtest).toMatchObject({
        rows: sweep.rows,
        first: sweep.first,
        warmup_bars: (row.params['slow'] as number) - 1,
      });
      expect([
        row.params,
        row.sharpe,
        row.annual_return,
        row.max_drawdown,
        row.final_equity,
        row.trades,
      ]).toEqual([
        row.params,
        backtest.sharpe,
        backtest.annual_return,
        backtest.max_drawdown,
        backtest.final_equity,
        backtest.trades,
      ]);
      expect(row.total_return).toBe(backtest.metrics.total_return);
    }
    // A distributed sweep's chunks load the same bars and merge into the same report.
    const input = { ...spy(), ...costs, ...window, strategy: 'ma-cross', grid, top: 1000 };
    const context = { settings };
    const parts = [
      await computeSweepPart(input, context, { first: 0, count: 4 }),
      await computeSweepPart(input, context, { first: 4, count: 2 }),
    ];
    const merged = await runWorkflow(sweepWorkflow, input, { context: { ...context, sweepParts: parts } });
    expect(merged).toEqual(sweep);
  });

  it('walk-forward: the first train window starts at the first requested bar, warmed up before it', async () => {
    const report = await runWorkflow(
      walkForwardWorkflow,
      {
        ...spy(),
        ...costs,
        start: '2016-01-01',
        end: '2019-12-31',
        strategy: 'ma-cross',
        grid: { fast: [10, 20], slow: [50, 100] },
        train: '1y',
        test: '1y',
      },
      { context: { settings } },
    );
    expect(report.warmup_bars).toBe(99);
    expect(report.windows[0]?.train_start).toBe('2016-01-04');
    expect(report.first).toBe(report.windows[0]?.test_start);
    // Each test window is a backtest of its chosen parameters over that window, warmed up before it.
    const window = report.windows[0];
    const backtest = await runWorkflow(
      backtestWorkflow,
      { ...spy(), ...costs, start: window?.test_start, end: window?.test_end, params: window?.params },
      { context: { settings } },
    );
    expect(window?.sharpe).toBe(backtest.sharpe);
    expect(window?.max_drawdown).toBe(backtest.max_drawdown);
  });
});
