import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AetherError, parseSettings } from '@aetherquant/core';
import { type Database, openDatabase } from '@aetherquant/persistence';
import { describeWithMarketData } from '@aetherquant/testing';
import { portfolioBacktestWorkflow } from '../portfolio/portfolio-backtest.workflow';
import { papertradeWorkflow } from '../trading/papertrade.workflow';
import { walkForwardWorkflow } from '../walk-forward/walk-forward.workflow';
import { runWorkflow } from '../workflow/workflow';
import { OFFLINE_SETTINGS } from '../../testing/offline-context';
import { backtestWorkflow } from './backtest.workflow';

const screen = { context: { settings: OFFLINE_SETTINGS, chartPoints: 1000 } };

/** A folder of tiny csv files, one per symbol, each row a date and its close (one price a day). */
function csvFolder(files: Record<string, Array<[string, number]>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'aetherquant-benchmark-'));
  for (const [symbol, rows] of Object.entries(files)) {
    const lines = rows.map(([date, close]) => `${date},${close},${close},${close},${close},${close},1000`);
    writeFileSync(
      join(dir, `${symbol}.csv`),
      `date,open,high,low,close,adj_close,volume\n${lines.join('\n')}\n`,
    );
  }
  return dir;
}

/** The figures the reports print, computed here from an equity curve (the risk library's definitions). */
function figures(equity: number[], periodsPerYear = 252) {
  const returns = equity.slice(1).map((value, t) => value / (equity[t] as number) - 1);
  const mean = returns.reduce((sum, r) => sum + r, 0) / returns.length;
  const std = Math.sqrt(returns.reduce((sum, r) => sum + (r - mean) ** 2, 0) / (returns.length - 1));
  let peak = -Infinity;
  let maxDrawdown = 0;
  for (const value of equity) {
    peak = Math.max(peak, value);
    maxDrawdown = Math.min(maxDrawdown, value / peak - 1);
  }
  const first = equity[0] as number;
  const last = equity[equity.length - 1] as number;
  return {
    returns,
    final: last,
    annualReturn: (last / first) ** (periodsPerYear / equity.length) - 1,
    maxDrawdown,
    sharpe: (mean / std) * Math.sqrt(periodsPerYear),
  };
}

/** cov(a, b) / var(b), both with ddof 1. */
function beta(a: number[], b: number[]): number {
  const mean = (xs: number[]) => xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const ma = mean(a);
  const mb = mean(b);
  const cov = a.reduce((sum, x, i) => sum + (x - ma) * ((b[i] as number) - mb), 0);
  const variance = b.reduce((sum, x) => sum + (x - mb) ** 2, 0);
  return cov / variance;
}

describe('a chosen benchmark, by hand on tiny csv files', () => {
  // Mon 01-01 … Fri 01-05 2024. TRADE is bought and held; BENCH has no row on Wednesday 01-03.
  //   TRADE   10    11    12    11    12.5
  //   BENCH  100   105    —     98   110     aligned: 100, 105, 105 (carried), 98, 110
  //   LATE     —     —    50    55    60     aligned:  50,  50,  50, 55, 60 (flat until it lists)
  // OLD has rows only in the week before: none at any of TRADE's times.
  const days = ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05'];
  const dir = csvFolder({
    TRADE: days.map((day, i) => [day, [10, 11, 12, 11, 12.5][i] as number]),
    BENCH: [
      ['2024-01-01', 100],
      ['2024-01-02', 105],
      ['2024-01-04', 98],
      ['2024-01-05', 110],
    ],
    LATE: [
      ['2024-01-03', 50],
      ['2024-01-04', 55],
      ['2024-01-05', 60],
    ],
    OLD: [
      ['2023-12-27', 20],
      ['2023-12-28', 21],
    ],
  });
  const request = {
    symbol: 'TRADE',
    provider: 'csv' as const,
    data_dir: dir,
    start: '2024-01-01',
    end: '2024-01-05',
    strategy: 'buy-and-hold',
    commission_bps: 0,
    slippage_bps: 0,
    initial_cash: 1000,
  };

  it('measures buy-and-hold of the benchmark over the traded bars, carrying its last close over a missing bar', async () => {
    const report = await runWorkflow(backtestWorkflow, { ...request, benchmark: 'bench' }, screen);
    // Benchmark equity 1000 · aligned close / 100: 1000, 1050, 1050, 980, 1100.
    const benchmark = figures([1000, 1050, 1050, 980, 1100]);
    const strategy = figures([1000, 1100, 1200, 1100, 1250]);
    expect(report).toMatchObject({
      symbol: 'TRADE',
      benchmark: 'BENCH',
      final_equity: 1250, // the strategy is untouched by its benchmark
      benchmark_final_equity: 1100,
      benchmark_max_drawdown: Number((980 / 1050 - 1).toFixed(6)),
    });
    expect(report.benchmark_annual_return).toBeCloseTo(benchmark.annualReturn, 5);
    expect(report.benchmark_sharpe).toBeCloseTo(benchmark.sharpe, 5);
    expect(report.excess_annual_return).toBeCloseTo(strategy.annualReturn - benchmark.annualReturn, 5);
    expect(report.metrics.beta).toBeCloseTo(beta(strategy.returns, benchmark.returns), 5);
    expect(report.chart?.benchmark).toEqual([1000, 1050, 1050, 980, 1100]);
    expect(report.warnings).toEqual([
      "benchmark BENCH has no bar at 1 of TRADE's 5 bars (the first 2024-01-03): its last close is carried forward there",
    ]);
    // The trade list: the exact price, 1000 / 10 = 100 units, 250 of profit (still open at the last bar).
    expect(report.trade_list).toEqual([
      {
        side: 'long',
        entry: '2024-01-01',
        exit: '2024-01-05',
        entry_price: 10,
        exit_price: 12.5,
        size: 100,
        return: 0.25,
        pnl: 250,
        bars_held: 4,
        open: true,
      },
    ]);
  });

  it('holds a benchmark that lists later in cash until its first close, and says so', async () => {
    const report = await runWorkflow(backtestWorkflow, { ...request, benchmark: 'LATE' }, screen);
    expect(report.chart?.benchmark).toEqual([1000, 1000, 1000, 1100, 1200]);
    expect(report.benchmark_final_equity).toBe(1200);
    expect(report.warnings).toEqual([
      "benchmark LATE starts 2024-01-03, after TRADE's first measured bar 2024-01-01: it is bought at its first close, flat over the 2 bars before",
    ]);
  });

  it('gives exactly the default report when the benchmark is the traded symbol', async () => {
    const own = await runWorkflow(backtestWorkflow, request, screen);
    const named = await runWorkflow(backtestWorkflow, { ...request, benchmark: 'trade' }, screen);
    expect(named).toEqual(own);
    expect(own.benchmark).toBe('TRADE');
    expect(own.benchmark_final_equity).toBe(1250);
  });

  it('refuses a benchmark that is not a ticker, or has no bar at the traded times, naming the field', async () => {
    await expect(runWorkflow(backtestWorkflow, { ...request, benchmark: 'SPY$' }, screen)).rejects.toThrow(
      'benchmark must be a ticker of 1 to 15 letters, digits or . - ^ =, starting with a letter or digit (e.g. SPY, BRK.B); equal-weight is for several symbols (got "SPY$")',
    );
    const old = await runWorkflow(backtestWorkflow, { ...request, benchmark: 'OLD' }, screen).catch(
      (error: unknown) => error,
    );
    expect(old).toBeInstanceOf(AetherError);
    expect((old as AetherError).code).toBe('INVALID_ARGUMENT');
    expect((old as AetherError).details?.violations?.[0]).toEqual({
      field: 'benchmark',
      rule: "must have bars at the times of TRADE's (OLD has none at its 5 bars from 2024-01-01 to 2024-01-05)",
    });
    await expect(runWorkflow(backtestWorkflow, { ...request, benchmark: 'NONE' }, screen)).rejects.toThrow(
      /^benchmark NONE: no file for NONE/,
    );
  });

  it('measures a universe backtest against the chosen benchmark over its window', async () => {
    const universe = csvFolder({
      AAA: days.map((day, i) => [day, [10, 11, 12, 13, 12][i] as number]),
      BBB: days.map((day, i) => [day, [10, 10, 10, 11, 10][i] as number]),
      BENCH: days.map((day, i) => [day, [40, 40, 44, 42, 46][i] as number]),
    });
    const base = {
      symbols: ['AAA', 'BBB'],
      provider: 'csv' as const,
      data_dir: universe,
      start: '2024-01-03',
      end: '2024-01-05',
      commission_bps: 0,
      slippage_bps: 0,
      initial_cash: 1000,
      strategy: 'buy-and-hold',
      allocation: 'equal-weight' as const,
    };
    const own = await runWorkflow(portfolioBacktestWorkflow, base, screen);
    const chosen = await runWorkflow(portfolioBacktestWorkflow, { ...base, benchmark: 'BENCH' }, screen);
    // Window 01-03 … 01-05: BENCH 44, 42, 46 → 1000, 954.55, 1045.45; by default 500 in each, held:
    // 500 · 12/12 + 500 · 10/10 = 1000, 500 · 13/12 + 500 · 11/10 = 1091.67, 500 · 12/12 + 500 · 10/10 = 1000.
    expect(own.benchmark).toBe('equal-weight');
    expect(own.chart?.benchmark).toEqual([1000, 1091.67, 1000]);
    expect(chosen.benchmark).toBe('BENCH');
    expect(chosen.chart?.benchmark).toEqual([1000, 954.55, 1045.45]);
    expect(chosen.benchmark_final_equity).toBe(1045.45);
    expect(chosen.final_equity).toBe(own.final_equity);
    expect(chosen.warnings).toBeUndefined();
  });
});

describe('the benchmark a recorded run pins in its spec', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase('sqlite::memory:');
  });
  afterAll(() => database.close());
  const settings = parseSettings({ AETHERQ_DATABASE_URL: 'none', AETHERQ_CACHE_DIR: 'none' }).settings;
  const dir = csvFolder({
    TRADE: [
      ['2024-01-01', 10],
      ['2024-01-02', 11],
      ['2024-01-03', 12],
    ],
    BENCH: [
      ['2024-01-01', 100],
      ['2024-01-02', 90],
      ['2024-01-03', 95],
    ],
  });
  const request = {
    symbol: 'TRADE',
    provider: 'csv' as const,
    data_dir: dir,
    start: '2024-01-01',
    end: '2024-01-03',
    strategy: 'buy-and-hold',
  };

  it.each([
    [{}, 'TRADE'],
    [{ benchmark: 'bench' }, 'BENCH'],
  ])('pins %j as %p, so a rerun measures against the same benchmark', async (extra, pinned) => {
    const report = await runWorkflow(
      backtestWorkflow,
      { ...request, ...extra },
      { context: { settings, database } },
    );
    const run = await database.runs.get(report.run_id as string);
    expect(run.spec?.request['benchmark']).toBe(pinned);
    expect(run.parameters['benchmark']).toBe(pinned);
    const rerun = await runWorkflow(backtestWorkflow, run.spec?.request, { context: { settings, database } });
    expect(rerun.benchmark_final_equity).toBe(report.benchmark_final_equity);
  });
});

/** SPY's (adjusted) closes by date, read from the file here, independently of the csv provider. */
function adjustedCloses(file: string): Map<string, number> {
  const [header, ...rows] = readFileSync(file, 'utf8').trim().split('\n');
  const columns = (header as string).split(',');
  const date = columns.indexOf('date');
  const adjusted = columns.indexOf('adj_close');
  return new Map(
    rows.map((row) => {
      const cells = row.split(',');
      return [cells[date] as string, Number(cells[adjusted])];
    }),
  );
}

describeWithMarketData('benchmark SPY on the real market data', (market) => {
  const cash = 100_000;
  let spy: Map<string, number>;
  let qqq: Map<string, number>;
  beforeAll(() => {
    spy = adjustedCloses(market.file('SPY'));
    qqq = adjustedCloses(market.file('QQQ'));
  });
  const source = () => ({ provider: 'csv' as const, data_dir: market.dir, initial_cash: cash });

  /** Buy-and-hold of `cash` in SPY from `first` to `last`, on the dates of `traded` in that span. */
  function spyHeld(traded: Map<string, number>, first: string, last: string) {
    const dates = [...traded.keys()].filter((date) => date >= first && date <= last);
    const closes = dates.map((date) => spy.get(date) as number);
    expect(closes.every((close) => close > 0)).toBe(true); // SPY trades every day QQQ does
    return { dates, ...figures(closes.map((close) => (cash * close) / (closes[0] as number))) };
  }

  it('backtests QQQ buy-and-hold against SPY: SPY’s own buy-and-hold over the same dates, beta and alpha against it', async () => {
    const report = await runWorkflow(
      backtestWorkflow,
      {
        ...source(),
        symbol: 'QQQ',
        start: '2015-01-01',
        end: '2019-12-31',
        strategy: 'buy-and-hold',
        benchmark: 'SPY',
        commission_bps: 0,
        slippage_bps: 0,
      },
      { context: { settings: OFFLINE_SETTINGS } },
    );
    const held = spyHeld(qqq, '2015-01-01', '2019-12-31');
    const qqqDates = held.dates.map((date) => qqq.get(date) as number);
    const strategy = figures(qqqDates.map((close) => (cash * close) / (qqqDates[0] as number)));
    expect(report).toMatchObject({ symbol: 'QQQ', benchmark: 'SPY', rows: held.dates.length });
    expect(report.warnings).toBeUndefined();
    expect(report.benchmark_final_equity).toBeCloseTo(held.final, 2);
    expect(report.benchmark_annual_return).toBeCloseTo(held.annualReturn, 6);
    expect(report.benchmark_max_drawdown).toBeCloseTo(held.maxDrawdown, 6);
    expect(report.benchmark_sharpe).toBeCloseTo(held.sharpe, 6);
    expect(report.final_equity).toBeCloseTo(strategy.final, 2);
    const b = beta(strategy.returns, held.returns);
    expect(report.metrics.beta).toBeCloseTo(b, 6);
    const mean = (xs: number[]) => xs.reduce((sum, x) => sum + x, 0) / xs.length;
    expect(report.metrics.alpha).toBeCloseTo((mean(strategy.returns) - b * mean(held.returns)) * 252, 6);
  });

  it('measures a portfolio and a walk-forward from their first measured bar, and draws papertrade’s curve, against SPY', async () => {
    const context = { context: { settings: OFFLINE_SETTINGS, chartPoints: 100_000 } };
    const portfolio = await runWorkflow(
      portfolioBacktestWorkflow,
      {
        ...source(),
        symbols: ['QQQ', 'TLT'],
        start: '2016-01-01',
        end: '2019-12-31',
        allocation: 'equal-weight',
        lookback: '6mo',
        benchmark: 'SPY',
      },
      context,
    );
    const fromAllocation = spyHeld(qqq, portfolio.first, portfolio.last);
    expect(portfolio.benchmark).toBe('SPY');
    expect(portfolio.first > '2016-01-01').toBe(true); // the first allocation waits for its lookback
    expect(portfolio.benchmark_final_equity).toBeCloseTo(fromAllocation.final, 2);
    expect(portfolio.benchmark_sharpe).toBeCloseTo(fromAllocation.sharpe, 6);

    const walk = await runWorkflow(
      walkForwardWorkflow,
      {
        ...source(),
        symbol: 'QQQ',
        start: '2014-01-01',
        end: '2019-12-31',
        grid: { fast: [10, 20], slow: [50, 100] },
        train: '2y',
        test: '1y',
        benchmark: 'SPY',
      },
      context,
    );
    const outOfSample = spyHeld(qqq, walk.first, walk.last);
    expect(walk.benchmark).toBe('SPY');
    expect(walk.rows).toBe(outOfSample.dates.length);
    expect(walk.benchmark_final_equity).toBeCloseTo(outOfSample.final, 2);
    expect(walk.benchmark_annual_return).toBeCloseTo(outOfSample.annualReturn, 6);

    const paper = await runWorkflow(
      papertradeWorkflow,
      { ...source(), symbol: 'QQQ', start: '2019-01-01', end: '2019-12-31', benchmark: 'SPY' },
      context,
    );
    const replayed = spyHeld(qqq, paper.first, paper.last);
    expect(paper.benchmark).toBe('SPY');
    expect(paper.chart?.benchmark.at(-1)).toBeCloseTo(replayed.final, 2);
  });
});
