import { BarSeries, DAY_MS } from '@aetherquant/core';
import { maCrossStrategy, momentumStrategy, rsiReversionStrategy } from '@aetherquant/strategies';
import { backtestStrategy } from '../engine/backtest-strategy';
import { runBacktest } from '../engine/vectorised-backtest';
import { runUniverseBacktest } from './universe-backtest';

/** Weekday bars from 2020-01-01, one series per close column, all on one calendar. */
function alignedSeries(columns: number[][], symbols?: string[]): BarSeries[] {
  const times: number[] = [];
  for (let day = Date.UTC(2020, 0, 1); times.length < (columns[0] as number[]).length; day += DAY_MS) {
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) times.push(day);
  }
  return columns.map(
    (close, i) =>
      new BarSeries({
        symbol: symbols?.[i] ?? `A${i}`,
        interval: '1d',
        time: times,
        open: close,
        high: close,
        low: close,
        close,
        volume: close.map(() => 1),
      }),
  );
}

describe('runUniverseBacktest, by hand: two assets, costs, a rebalance', () => {
  // Closes:       bar 0   bar 1   bar 2   bar 3
  //   A           100     110      99      99         r_A: +10 %, −10 %, 0
  //   B            50      50      55      60.5       r_B:   0,   +10 %, +10 %
  // Positions (fractions of equity, decided at each close): ½ A + ½ B, then A sold at bar 2's close.
  //   A           0.5     0.5     0       0
  //   B           0.5     0.5     0.5     0.5
  // Costs: 10 + 10 bps = 0.002 per unit of traded notional.
  const [a, b] = alignedSeries([
    [100, 110, 99, 99],
    [50, 50, 55, 60.5],
  ]) as [BarSeries, BarSeries];
  const positions = [Float64Array.of(0.5, 0.5, 0, 0), Float64Array.of(0.5, 0.5, 0.5, 0.5)];
  const result = runUniverseBacktest([a, b], positions, {
    initialCash: 1000,
    commissionBps: 10,
    slippageBps: 10,
  });

  it('charges the first positions at the first close and each change where it happens', () => {
    // e[0] = 1000 · (1 − (0.5 + 0.5) · 0.002)                 = 998
    // e[1] = 998 · (1 + 0.5 · 0.10 + 0.5 · 0)                  = 1047.9
    // e[2] = 1047.9 · (1 + 0.5 · (−0.10) + 0.5 · 0.10 − |0 − 0.5| · 0.002) = 1047.9 · 0.999 = 1046.8521
    // e[3] = 1046.8521 · (1 + 0 · 0 + 0.5 · 0.10)              = 1099.194705
    const expected = [998, 1047.9, 1046.8521, 1099.194705];
    Array.from(result.equity).forEach((value, t) => expect(value).toBeCloseTo(expected[t] as number, 9));
    expect(Array.from(result.traded)).toEqual([1, 0, 0.5, 0]);
  });

  it('holds 1/N of the cash in each asset as the benchmark, without costs', () => {
    // A: 500 → 550 → 495 → 495;  B: 500 → 500 → 550 → 605.
    const expected = [1000, 1050, 1045, 1100];
    Array.from(result.benchmarkEquity).forEach((value, t) =>
      expect(value).toBeCloseTo(expected[t] as number, 9),
    );
  });

  it('holds a chosen benchmark instead, given its closes, and leaves the strategy’s equity as it was', () => {
    // Benchmark closes 20 → 22 → 22 → 19.8: 1000, 1100, 1100, 990.
    const chosen = runUniverseBacktest([a, b], positions, {
      initialCash: 1000,
      commissionBps: 10,
      slippageBps: 10,
      benchmarkCloses: Float64Array.of(20, 22, 22, 19.8),
    });
    const expected = [1000, 1100, 1100, 990];
    Array.from(chosen.benchmarkEquity).forEach((value, t) =>
      expect(value).toBeCloseTo(expected[t] as number, 9),
    );
    expect(Array.from(chosen.equity)).toEqual(Array.from(result.equity));
    expect(chosen.benchmark.totalReturn).toBeCloseTo(-0.01, 12);
  });

  it('measures exposure as the gross position held and turnover as Σ|Δ position| a year', () => {
    // Held over bars 1, 2, 3: 1, 1, 0.5 → 2.5 / 3.  Traded 1 + 0 + 0.5 + 0 = 1.5 → 1.5 · 252 / 4 = 94.5.
    expect(result.summary.exposure).toBeCloseTo(2.5 / 3, 12);
    expect(result.summary.turnover).toBeCloseTo(94.5, 12);
    // Trades are a single asset's notion: none for a portfolio.
    expect(result.summary.winRate).toBeNull();
    // Measured from the first equity point, after the entry cost, as the single-asset engine measures it.
    expect(result.summary.totalReturn).toBeCloseTo(1099.194705 / 998 - 1, 9);
  });

  it('refuses positions out of bounds, a gross exposure above 1 and unaligned series', () => {
    const options = { initialCash: 1000, commissionBps: 0, slippageBps: 0 };
    expect(() =>
      runUniverseBacktest([a, b], [Float64Array.of(0.6, 0.6, 0, 0), positions[1] as Float64Array], options),
    ).toThrow('must have a gross exposure of at most 1 (got 1.1)');
    expect(() =>
      runUniverseBacktest(
        [a, b],
        [Float64Array.of(Number.NaN, 0, 0, 0), positions[1] as Float64Array],
        options,
      ),
    ).toThrow('positions[0][0] must be an exposure in [-1, 1] (got NaN)');
    expect(() => runUniverseBacktest([a, b.slice(1)], positions, options)).toThrow(
      'must be aligned on one calendar',
    );
  });
});

/** A deterministic wiggly path, always positive. */
function path(length: number, seed: number): number[] {
  return Array.from(
    { length },
    (_, t) =>
      100 * Math.exp(0.0003 * t + 0.05 * Math.sin(t / (4 + seed)) + 0.01 * Math.cos(t * (seed + 1.7))),
  );
}

describe('a one-symbol universe with weight 1', () => {
  const options = { initialCash: 100_000, commissionBps: 3, slippageBps: 2 };
  it.each([
    ['ma-cross 5/20', maCrossStrategy, { fast: 5, slow: 20 }],
    ['momentum 7', momentumStrategy, { lookback: 7 }],
    ['rsi-reversion 6', rsiReversionStrategy, { period: 6 }],
  ])('gives exactly the single-asset backtest’s figures (%s)', (_label, strategy, parameters) => {
    const [series] = alignedSeries([path(400, 2)]) as [BarSeries];
    const single = backtestStrategy(series, strategy, parameters, { ...options, windowStart: 40 });
    const universe = runUniverseBacktest([single.series], [single.targets], options);
    // Bit for bit: the same equity, benchmark and every metric (trades, exposure and turnover included).
    expect(Array.from(universe.equity)).toEqual(Array.from(single.equity));
    expect(Array.from(universe.benchmarkEquity)).toEqual(Array.from(single.benchmarkEquity));
    expect(universe.summary).toEqual(single.summary);
    expect(universe.benchmark).toEqual(single.benchmark);
    expect(single.tradeCount).toBeGreaterThan(3);
  });

  it('matches runBacktest on a target series with fractional and short exposures', () => {
    const [series] = alignedSeries([path(60, 5)]) as [BarSeries];
    const targets = Float64Array.from({ length: 60 }, (_, t) => [0.25, -1, 0, 1, -0.5][t % 5] as number);
    const single = runBacktest(series, targets, options);
    const universe = runUniverseBacktest([series], [targets], options);
    expect(Array.from(universe.equity)).toEqual(Array.from(single.equity));
    expect(universe.summary).toEqual(single.summary);
  });
});
