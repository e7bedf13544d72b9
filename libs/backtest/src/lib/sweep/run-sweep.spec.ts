import { AetherError, type BarSeries } from '@aetherquant/core';
import {
  defineStrategy,
  donchianBreakoutStrategy,
  maCrossStrategy,
  momentumStrategy,
  rsiReversionStrategy,
  type Strategy,
} from '@aetherquant/strategies';
import { rejection } from '@aetherquant/testing';
import { dailyBars, randomWalk } from '../../testing/series';
import { backtestStrategy } from '../engine/backtest-strategy';
import { type ParameterGrid } from './parameter-grid';
import { runSweep, type SweepResult } from './run-sweep';
import { RANK_METRICS, type RankMetric, type SweepRow } from './sweep-plan';

const costs = { initialCash: 100_000, commissionBps: 2, slippageBps: 3 };

/** a and b agree to 1e-12 relative (or are both null). */
function expectClose(name: string, actual: number | null, expected: number | null): void {
  if (actual === null || expected === null) {
    expect([name, actual]).toEqual([name, expected]);
    return;
  }
  const scale = Math.max(Math.abs(actual), Math.abs(expected));
  const error = scale === 0 ? 0 : Math.abs(actual - expected) / scale;
  if (error > 1e-12) throw new Error(`${name}: ${actual} differs from ${expected} by ${error} relative`);
}

/** Every row against `backtestStrategy` for the same parameters: the figures its summary reports. */
function expectRowsMatchBacktests(
  series: BarSeries,
  strategy: Strategy,
  rows: SweepRow[],
  options: typeof costs & { longOnly?: boolean },
): void {
  for (const row of rows) {
    const backtest = backtestStrategy(series, strategy, row.parameters, options);
    const label = `${strategy.name} ${JSON.stringify(row.parameters)}`;
    expectClose(`${label} sharpe`, row.sharpe, backtest.summary.sharpe);
    expectClose(`${label} annualReturn`, row.annualReturn, backtest.summary.annualReturn);
    expectClose(`${label} totalReturn`, row.totalReturn, backtest.summary.totalReturn);
    expectClose(`${label} maxDrawdown`, row.maxDrawdown, backtest.summary.maxDrawdown);
    expectClose(`${label} finalEquity`, row.finalEquity, backtest.equity[series.length - 1] as number);
    expectClose(`${label} sortino`, row.sortino, backtest.summary.sortino);
    expectClose(`${label} calmar`, row.calmar, backtest.summary.calmar);
    expect([label, row.trades]).toEqual([label, backtest.trades.length]);
  }
}

/** The figure a row is ranked by, as the ranking sees it (null for null). */
const figure = (row: SweepRow, metric: RankMetric): number | null =>
  ({
    sharpe: row.sharpe,
    annual_return: row.annualReturn,
    total_return: row.totalReturn,
    final_equity: row.finalEquity,
    sortino: row.sortino,
    calmar: row.calmar,
    max_drawdown: row.maxDrawdown,
  })[metric];

/** Best first, nulls last, ties in grid order (`order` maps a row to its grid index). */
function expectRanked(result: SweepResult, order: (row: SweepRow) => number): void {
  const rows = result.results;
  for (let i = 1; i < rows.length; i++) {
    const before = figure(rows[i - 1] as SweepRow, result.rankBy);
    const after = figure(rows[i] as SweepRow, result.rankBy);
    if (before === null) expect(after).toBeNull();
    if (before !== null && after !== null) expect(before).toBeGreaterThanOrEqual(after);
    if (before === after) expect(order(rows[i - 1] as SweepRow)).toBeLessThan(order(rows[i] as SweepRow));
  }
}

describe('runSweep', () => {
  const series = randomWalk(600, 7);

  it('skips and counts invalid pairs, and each ranked result equals backtestStrategy to 1e-12', async () => {
    // fast 10, 20, 30 × slow 20, 30, 40 = 9 pairs; fast ≥ slow for (20, 20), (30, 20), (30, 30): 3 skipped.
    const grid = { fast: [10, 20, 30], slow: [20, 30, 40] };
    const result = await runSweep(series, maCrossStrategy, grid, { ...costs, top: 'all', workers: 1 });
    expect(result).toMatchObject({
      strategy: 'ma-cross',
      grid,
      combinations: 9,
      evaluated: 6,
      skipped: 3,
      skippedInvalid: 3,
      skippedTooFewBars: 0,
      rankBy: 'sharpe',
      workers: 1,
    });
    expect(result.results.map((row) => `${row.parameters['fast']}/${row.parameters['slow']}`).sort()).toEqual(
      ['10/20', '10/30', '10/40', '20/30', '20/40', '30/40'],
    );
    expectRowsMatchBacktests(series, maCrossStrategy, result.results, costs);
    expectRanked(
      result,
      (row) =>
        grid.fast.indexOf(row.parameters['fast'] as number) * 3 +
        grid.slow.indexOf(row.parameters['slow'] as number),
    );
    // The results must differ, or the comparisons above prove little.
    expect(new Set(result.results.map((row) => row.sharpe)).size).toBe(6);
  });

  it('matches backtestStrategy long-only, and for every strategy on worker threads (shared OHLC columns)', async () => {
    const cases: [Strategy, ParameterGrid][] = [
      [maCrossStrategy, { fast: [3, 8, 15], slow: [10, 30, 60] }],
      [donchianBreakoutStrategy, { entry: [10, 20, 55], exit: [5, 10, 20] }],
      [rsiReversionStrategy, { period: [7, 14], lower: [25, 30], upper: [70, 75] }],
      [momentumStrategy, { lookback: [5, 20, 60, 120] }],
    ];
    for (const [strategy, grid] of cases) {
      for (const longOnly of [false, true]) {
        const options = { ...costs, longOnly };
        const result = await runSweep(series, strategy, grid, { ...options, top: 'all', workers: 2 });
        expect([strategy.name, result.workers]).toEqual([strategy.name, 2]);
        expect(result.evaluated).toBeGreaterThan(1);
        expectRowsMatchBacktests(series, strategy, result.results, options);
      }
    }
  });

  it('gives identical results with 2 workers and inline', async () => {
    const grid = { fast: [2, 4, 6, 8, 10, 14, 18, 22, 26, 30], slow: [10, 15, 20, 30, 40, 60, 80, 100] };
    const options = { ...costs, top: 'all' as const, rankBy: 'calmar' as const };
    const inline = await runSweep(series, maCrossStrategy, grid, { ...options, workers: 1 });
    const threaded = await runSweep(series, maCrossStrategy, grid, { ...options, workers: 2 });
    expect(threaded.workers).toBe(2);
    // 80 pairs less those with fast ≥ slow: 6 for slow 10, 4 for slow 15, 3 for slow 20, 1 for slow 30.
    expect(inline.evaluated).toBe(66);
    expect({ ...threaded, workers: 1 }).toEqual(inline);
  });

  it('reports progress up to the total, once at the end', async () => {
    for (const workers of [1, 2]) {
      const calls: [number, number][] = [];
      const grid = { fast: [1, 2, 3, 4, 5, 6, 7, 8], slow: [5, 10, 20, 40, 80] };
      await runSweep(series, maCrossStrategy, grid, {
        ...costs,
        workers,
        onProgress: (done, total) => calls.push([done, total]),
      });
      expect(calls.length).toBeGreaterThanOrEqual(1);
      expect(calls[calls.length - 1]).toEqual([40, 40]);
      expect(calls.filter(([done]) => done === 40)).toHaveLength(1);
      for (let i = 1; i < calls.length; i++)
        expect(calls[i]?.[0]).toBeGreaterThan(calls[i - 1]?.[0] as number);
    }
  });

  it('fails with the error a progress callback throws, on worker threads and inline', async () => {
    for (const workers of [1, 2]) {
      const failing = runSweep(
        series,
        maCrossStrategy,
        { fast: [2, 3, 4, 5], slow: [10, 20, 30] },
        {
          ...costs,
          workers,
          onProgress: () => {
            throw new Error('the client went away');
          },
        },
      );
      await expect(failing).rejects.toThrow('the client went away');
    }
  });

  it('ranks by each metric, larger first, null figures last and ties in grid order', async () => {
    // Rising closes with one dip at bar 30, no costs: pairs with slow ≤ 30 are long through the dip (a loss,
    // a drawdown); with slow 40 the position opens after it, so there is no loss: sortino and calmar null.
    const closes = Array.from({ length: 80 }, (_, i) => 100 + i);
    closes[30] = 128.5;
    const dipped = dailyBars(closes);
    const grid = { fast: [1, 2], slow: [5, 10, 20, 40] };
    const order = (row: SweepRow) =>
      grid.fast.indexOf(row.parameters['fast'] as number) * 4 +
      grid.slow.indexOf(row.parameters['slow'] as number);
    for (const rankBy of RANK_METRICS) {
      const result = await runSweep(dipped, maCrossStrategy, grid, {
        initialCash: 1000,
        commissionBps: 0,
        slippageBps: 0,
        rankBy,
        top: 'all',
        workers: 1,
      });
      expect(result.results).toHaveLength(8);
      expectRanked(result, order);
      if (rankBy === 'sortino' || rankBy === 'calmar') {
        expect(result.results.slice(6).map((row) => [row.parameters['slow'], figure(row, rankBy)])).toEqual([
          [40, null],
          [40, null],
        ]);
        expect(result.results.slice(0, 6).every((row) => figure(row, rankBy) !== null)).toBe(true);
      }
    }
    // Max drawdown: 0 (slow 40) is the best, ahead of every negative drawdown.
    const byDrawdown = await runSweep(dipped, maCrossStrategy, grid, {
      initialCash: 1000,
      commissionBps: 0,
      slippageBps: 0,
      rankBy: 'max_drawdown',
      workers: 1,
    });
    expect(byDrawdown.results.slice(0, 2).map((row) => [row.parameters, row.maxDrawdown])).toEqual([
      [{ fast: 1, slow: 40 }, 0],
      [{ fast: 2, slow: 40 }, 0],
    ]);
    expect(byDrawdown.results[2]?.maxDrawdown).toBeLessThan(0);
  });

  it('returns the top 20 by default, or as many as asked, or all', async () => {
    const grid = { fast: [2, 3, 4, 5, 6, 7, 8], slow: [20, 30, 40, 50] }; // 28 valid pairs
    const byDefault = await runSweep(series, maCrossStrategy, grid, { ...costs, workers: 1 });
    expect(byDefault.results).toHaveLength(20);
    const all = await runSweep(series, maCrossStrategy, grid, { ...costs, workers: 1, top: 'all' });
    expect(all.results).toHaveLength(28);
    expect(all.results.slice(0, 20)).toEqual(byDefault.results);
    const three = await runSweep(series, maCrossStrategy, grid, { ...costs, workers: 1, top: 3 });
    expect(three.results).toEqual(all.results.slice(0, 3));
  });

  it('fills parameters missing from the grid with their defaults', async () => {
    const result = await runSweep(series, maCrossStrategy, { fast: [5, 10] }, { ...costs, workers: 1 });
    expect(
      result.results
        .map((row) => row.parameters)
        .sort((a, b) => (a['fast'] as number) - (b['fast'] as number)),
    ).toEqual([
      { fast: 5, slow: 50 },
      { fast: 10, slow: 50 },
    ]);
  });

  it('counts combinations the series is too short for as skipped', async () => {
    const short = randomWalk(45, 3);
    // slow 10, 20 and 40 need 11, 21 and 41 bars; slow 50 needs 51 > 45.
    const result = await runSweep(
      short,
      maCrossStrategy,
      { fast: [5], slow: [10, 20, 40, 50] },
      { ...costs, workers: 1, top: 'all' },
    );
    expect(result).toMatchObject({
      combinations: 4,
      evaluated: 3,
      skipped: 1,
      skippedInvalid: 0,
      skippedTooFewBars: 1,
    });
    expect(result.results.map((row) => row.parameters['slow']).sort()).toEqual([10, 20, 40]);
  });

  it('ranks a run that loses the whole account last, where backtestStrategy refuses it', async () => {
    // fast 1 / slow 2 is short (−1) from bar 1 (95 < 100), then the close triples: equity × (1 − 1 × 2) < 0.
    // fast 1 / slow 5 first decides at bar 4, after the spike: long, and the closes keep rising.
    const crash = dailyBars([100, 95, 90, 270, 280, 290, 300]);
    const grid = { fast: [1], slow: [2, 5] };
    const result = await runSweep(crash, maCrossStrategy, grid, {
      initialCash: 1000,
      commissionBps: 0,
      slippageBps: 0,
      top: 'all',
      workers: 1,
    });
    const ruined = result.results.find((row) => row.parameters['fast'] === 1 && row.parameters['slow'] === 2);
    expect(ruined).toEqual({
      parameters: { fast: 1, slow: 2 },
      sharpe: null,
      annualReturn: -1,
      totalReturn: -1,
      maxDrawdown: -1,
      finalEquity: 0,
      sortino: null,
      calmar: -1,
      trades: 1,
    });
    expect(result.results[result.results.length - 1]).toBe(ruined);
    expect(() =>
      backtestStrategy(
        crash,
        maCrossStrategy,
        { fast: 1, slow: 2 },
        { initialCash: 1000, commissionBps: 0, slippageBps: 0 },
      ),
    ).toThrow(AetherError);
  });

  it('refuses a grid whose combinations the strategy refuses, all of them', async () => {
    const error = await rejection(
      runSweep(series, maCrossStrategy, { fast: [30, 40], slow: [10, 20] }, { ...costs, workers: 1 }),
      'INVALID_ARGUMENT',
    );
    expect(error.details?.violations?.map((violation) => violation.field)).toEqual(['grid']);
    expect(error.message).toBe(
      'sweep WALK 1d: grid must hold a valid combination for ma-cross, but all 4 combinations are refused (the first: fast must be less than slow (got fast 30, slow 10))',
    );
  });

  it('refuses a series too short for every valid combination, naming the fewest bars needed', async () => {
    const short = randomWalk(30, 5);
    const error = await rejection(
      runSweep(short, maCrossStrategy, { fast: [5, 60], slow: [40, 50] }, { ...costs, workers: 2 }),
      'INVALID_ARGUMENT',
    );
    expect(error.details?.violations?.map((violation) => violation.field)).toEqual(['bars']);
    expect(error.details).toMatchObject({ required: 41, available: 30 });
    expect(error.message).toBe(
      'sweep WALK 1d: bars must number at least 41 for the shortest valid combination (ma-cross with slow 40) (got 30): none of the 2 valid combinations fits',
    );
  });

  it('names every bad parameter and option in one error', async () => {
    const error = await rejection(
      runSweep(
        series,
        maCrossStrategy,
        { fast: [5, 2.5], slow: [0, 20], fsat: [3] },
        {
          initialCash: -1,
          commissionBps: Number.NaN,
          slippageBps: 0,
          rankBy: 'profit' as RankMetric,
          top: 0,
          workers: 1.5,
        },
      ),
      'INVALID_ARGUMENT',
    );
    expect(error.details?.violations).toEqual([
      { field: 'top', rule: 'must be a whole number at least 1 or "all" (got 0)' },
      { field: 'fast', rule: 'must be an integer (got 2.5)' },
      { field: 'slow', rule: 'must be at least 2 (got 0)' },
      { field: 'fsat', rule: 'is not a parameter of ma-cross (its parameters are fast, slow)' },
      { field: 'initial_cash', rule: 'must be a positive amount (got -1)' },
      { field: 'commission_bps', rule: 'must be at least 0 (got NaN)' },
      { field: 'rank_by', rule: `must be one of ${RANK_METRICS.join(', ')} (got "profit")` },
      { field: 'workers', rule: 'must be a whole number at least 1 (got 1.5)' },
    ]);
    expect(error.message).toMatch(/^sweep: top must be/);
  });

  it('sweeps a strategy no thread can load (outside the registry, from no file) on this thread, whatever the workers asked', async () => {
    const halfLong = defineStrategy({
      name: 'half-long',
      description: 'Half long after `delay` bars.',
      parameters: [
        { name: 'delay', description: 'Bars flat first.', kind: 'integer', default: 1, min: 0, max: 100 },
      ],
      warmupBars: ({ delay }) => delay as number,
      compute(input, { delay }, target) {
        for (let t = 0; t < input.length; t++) target[t] = t < (delay as number) ? 0 : 0.5;
      },
    });
    const inline = await runSweep(series, halfLong, { delay: [0, 10] }, { ...costs, workers: 1, top: 'all' });
    expect(inline.evaluated).toBe(2);
    expectRowsMatchBacktests(series, halfLong, inline.results, costs);
    // Two workers asked: a thread could not find this strategy, so the sweep runs here, with the same rows.
    const asked = await runSweep(series, halfLong, { delay: [0, 10] }, { ...costs, workers: 2, top: 'all' });
    expect(asked.workers).toBe(1);
    expect(asked.results).toEqual(inline.results);
  });
});
