import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DAY_MS, formatIsoDate } from '@aetherquant/core';
import { describeWithMarketData } from '@aetherquant/testing';
import { backtestWorkflow } from '../backtest/backtest.workflow';
import { portfolioBacktestWorkflow } from '../portfolio/portfolio-backtest.workflow';
import { runWorkflow } from '../workflow/workflow';
import { OFFLINE_SETTINGS } from '../../testing/offline-context';

const settings = OFFLINE_SETTINGS;
const screen = { context: { settings, chartPoints: 1000 } };

/** Tiny files of weekday bars (one price a day) from Monday 2024-01-01, one per symbol, in one folder. */
function tinyFiles(columns: Record<string, number[]>): string {
  const dir = mkdtempSync(join(tmpdir(), 'aetherquant-universe-'));
  for (const [symbol, closes] of Object.entries(columns)) {
    const rows = ['date,open,high,low,close,adj_close,volume'];
    let count = 0;
    for (let day = Date.UTC(2024, 0, 1); count < closes.length; day += DAY_MS) {
      const weekday = new Date(day).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      const close = closes[count++] as number;
      rows.push(`${formatIsoDate(day)},${close},${close},${close},${close},${close},1000`);
    }
    writeFileSync(join(dir, `${symbol}.csv`), `${rows.join('\n')}\n`);
  }
  return dir;
}

describe('universe backtest workflow, by hand: momentum 2 in equal sleeves over two symbols', () => {
  // Index:   0 Mon 01-01, 1 Tue 01-02, 2 Wed 01-03, 3 Thu 01-04, 4 Fri 01-05, 5 Mon 01-08, 6 Tue 01-09
  //   AAA    10           11           12           13           12           14           15
  //   BBB    10           10           10           10           11           10           12
  // Window 01-04 … 01-09 (bars 3 … 6), warmed up on bars 1 and 2 (momentum 2 needs 2 bars).
  // Targets sign(c[t]/c[t−2] − 1) on the window:  AAA +1 0 +1 +1;  BBB 0 +1 0 +1.
  // Equal sleeves, ½ each (one rebalance: the window's first bar, January): positions AAA ½ 0 ½ ½, BBB 0 ½ 0 ½.
  // No costs. e[01-04] = 1000
  //   e[01-05] = 1000 · (1 + ½ · (12/13 − 1))                 = 961.538462
  //   e[01-08] = 961.538462 · (1 + 0 · (14/12 − 1) + ½ · (10/11 − 1)) = 917.832168
  //   e[01-09] = 917.832168 · (1 + ½ · (15/14 − 1))           = 950.611888
  // Benchmark: 500 in each, held: 500 · 15/13 + 500 · 12/10   = 1176.923077
  const dir = tinyFiles({
    AAA: [10, 11, 12, 13, 12, 14, 15],
    BBB: [10, 10, 10, 10, 11, 10, 12],
  });
  const request = {
    symbols: ['AAA', 'BBB'],
    provider: 'csv' as const,
    data_dir: dir,
    start: '2024-01-04',
    end: '2024-01-09',
    commission_bps: 0,
    slippage_bps: 0,
    initial_cash: 1000,
    strategy: 'momentum',
    params: { lookback: 2 },
    allocation: 'equal-weight' as const,
  };

  it('weights the sleeves, warms each up before the window, and reports each sleeve alone', async () => {
    const report = await runWorkflow(portfolioBacktestWorkflow, request, screen);
    expect(report).toMatchObject({
      symbols: ['AAA', 'BBB'],
      rows: 4,
      first: '2024-01-04',
      last: '2024-01-09',
      strategy: 'momentum',
      universe: 'sleeves',
      params: { lookback: 2 },
      warmup_bars: 2,
      allocation: 'equal-weight',
      final_equity: 950.61,
      benchmark_final_equity: 1176.92,
      rebalances: 1,
      weights: { AAA: 0.5, BBB: 0.5 },
      weight_history: [{ date: '2024-01-04', weights: { AAA: 0.5, BBB: 0.5 } }],
    });
    expect(report.chart?.equity).toEqual([1000, 961.54, 917.83, 950.61]);
    expect(report.warnings).toBeUndefined();
    // Each sleeve is the single-symbol backtest of momentum 2 over the same window: AAA's is 989.01
    // (docs/backtest.md's warm-up example); both match the backtest workflow's figures exactly.
    for (const symbol of ['AAA', 'BBB']) {
      const { symbols: _symbols, allocation: _allocation, ...single } = request;
      const alone = await runWorkflow(backtestWorkflow, { ...single, symbol }, screen);
      expect(report.per_symbol?.[symbol]).toEqual({
        annual_return: alone.annual_return,
        max_drawdown: alone.max_drawdown,
        sharpe: alone.sharpe,
        final_equity: alone.final_equity,
        trades: alone.trades,
        metrics: alone.metrics,
      });
    }
    expect(report.per_symbol?.['AAA']?.final_equity).toBe(989.01);
  });

  it('runs a universe strategy by name, and refuses an unknown strategy naming both lists', async () => {
    const report = await runWorkflow(
      portfolioBacktestWorkflow,
      { ...request, strategy: 'top-momentum', params: { k: 1, lookback: 2, skip: 0 } },
      screen,
    );
    // Selected at 01-04 by c[3]/c[1] − 1: AAA 13/11 − 1 = 0.18 > BBB 0 → AAA, held through the window.
    expect(report).toMatchObject({
      universe: 'cross-sectional',
      warmup_bars: 2,
      weights: { AAA: 1, BBB: 0 },
    });
    expect(report.allocation).toBeUndefined();
    // e = 1000 · 12/13 · 14/12 · 15/14 = 1000 · 15/13
    expect(report.final_equity).toBe(1153.85);
    await expect(
      runWorkflow(portfolioBacktestWorkflow, { ...request, strategy: 'nope' }, screen),
    ).rejects.toThrow(/strategy must be one of ma-cross, .*, top-momentum \(got "nope"\)/);
    await expect(
      runWorkflow(portfolioBacktestWorkflow, { ...request, params: { lookback: 0 } }, screen),
    ).rejects.toThrow('params.lookback must be at least 1');
    const { strategy: _strategy, ...plain } = request;
    await expect(runWorkflow(portfolioBacktestWorkflow, plain, screen)).rejects.toThrow(
      'params needs a strategy',
    );
  });
});

/** Adjusted closes by date from a csv file of the market data folder, read without any AetherQuant code. */
function adjustedCloses(file: string): Map<string, number> {
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  const header = (lines[0] as string).split(',');
  const date = header.indexOf('date');
  const adjusted = header.indexOf('adj_close');
  return new Map(
    lines.slice(1).map((line) => {
      const cells = line.split(',');
      return [cells[date] as string, Number(cells[adjusted])];
    }),
  );
}

/**
 * top-momentum over `symbols` from `start` to `end`, computed independently: the common dates, the 12-1
 * scores (c[t−21]/c[t−252] − 1) picked at the window's first bar and each month's first bar, the best k at
 * 1/k, and the engine's equations (costs on Σ|Δ position|), from the csv files alone.
 */
export function independentTopMomentum(
  files: (symbol: string) => string,
  symbols: string[],
  { start, end, k, cost, cash }: { start: string; end: string; k: number; cost: number; cash: number },
) {
  const closes = symbols.map((symbol) => adjustedCloses(files(symbol)));
  const dates = [...(closes[0] as Map<string, number>).keys()].filter(
    (d) => d <= end && closes.every((c) => c.has(d)),
  );
  const first = dates.findIndex((d) => d >= start);
  const from = first - 252; // exactly the warm-up: 252 common bars before the window
  const days = dates.slice(from);
  const price = (i: number, t: number) => (closes[i] as Map<string, number>).get(days[t] as string) as number;
  const window = days.length - 252;
  const positions: number[][] = [];
  let held: number[] = [];
  for (let t = 252; t < days.length; t++) {
    if (t === 252 || (days[t] as string).slice(0, 7) !== (days[t - 1] as string).slice(0, 7)) {
      const scores = symbols.map((_, i) => ({ i, score: price(i, t - 21) / price(i, t - 252) - 1 }));
      scores.sort((a, b) => b.score - a.score || a.i - b.i);
      const chosen = new Set(scores.slice(0, k).map((s) => s.i));
      held = symbols.map((_, i) => (chosen.has(i) ? 1 / k : 0));
    }
    positions.push(held);
  }
  const equity = [cash * (1 - (positions[0] as number[]).reduce((sum, p) => sum + Math.abs(p), 0) * cost)];
  for (let s = 1; s < window; s++) {
    const t = s + 252;
    let gain = 0;
    let traded = 0;
    for (let i = 0; i < symbols.length; i++) {
      const previous = (positions[s - 1] as number[])[i] as number;
      gain += previous * (price(i, t) / price(i, t - 1) - 1);
      traded += Math.abs(((positions[s] as number[])[i] as number) - previous);
    }
    equity.push((equity[s - 1] as number) * (1 + gain - traded * cost));
  }
  const returns = equity.slice(1).map((value, s) => value / (equity[s] as number) - 1);
  const mean = returns.reduce((a, b) => a + b, 0) / returns.length;
  const sd = Math.sqrt(returns.reduce((a, r) => a + (r - mean) ** 2, 0) / (returns.length - 1));
  const final = equity[equity.length - 1] as number;
  return {
    rows: window,
    first: days[252],
    last: days[days.length - 1],
    finalEquity: final,
    annualReturn: (final / (equity[0] as number)) ** (252 / window) - 1,
    sharpe: (mean / sd) * Math.sqrt(252),
    lastPositions: positions[positions.length - 1] as number[],
  };
}

describeWithMarketData('universe backtest workflow golden run (real ETF files)', (market) => {
  const symbols = ['SPY', 'QQQ', 'TLT', 'GLD', 'EFA'];

  it('top-momentum k=2 over five ETFs, 2012–2019, matches an independent computation', async () => {
    const report = await runWorkflow(
      portfolioBacktestWorkflow,
      {
        symbols,
        provider: 'csv',
        data_dir: market.dir,
        start: '2012-01-01',
        end: '2019-12-31',
        strategy: 'top-momentum',
        params: { k: 2 },
        commission_bps: 1,
        slippage_bps: 1,
        initial_cash: 100_000,
      },
      screen,
    );
    const expected = independentTopMomentum(market.file, symbols, {
      start: '2012-01-01',
      end: '2019-12-31',
      k: 2,
      cost: 2 / 10_000,
      cash: 100_000,
    });
    expect(report).toMatchObject({
      rows: expected.rows,
      first: expected.first,
      last: expected.last,
      warmup_bars: 252,
      universe: 'cross-sectional',
      params: { k: 2, lookback: 252, skip: 21 },
    });
    expect(report.final_equity).toBeCloseTo(expected.finalEquity, 2);
    expect(report.annual_return).toBeCloseTo(expected.annualReturn, 6);
    expect(report.sharpe).toBeCloseTo(expected.sharpe, 6);
    expect(Object.values(report.weights)).toEqual(expected.lastPositions);
    // The figures measured on this data (kept so a change shows up in review).
    expect({
      final_equity: report.final_equity,
      annual_return: report.annual_return,
      sharpe: report.sharpe,
    }).toEqual({ final_equity: 220156.94, annual_return: 0.10392, sharpe: 0.82633 });
  });
});
