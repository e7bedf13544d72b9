import { BarSeries, DAY_MS } from '@aetherquant/core';
import { buyAndHoldStrategy, momentumStrategy, topMomentumStrategy } from '@aetherquant/strategies';
import { backtestStrategy } from '../engine/backtest-strategy';
import { backtestStrategySleeves, backtestUniverseStrategy } from './strategy-universe';

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

describe('momentum 1 over three symbols in equal sleeves, by hand', () => {
  // Bars 0 … 4 (weekdays from 2020-01-01); bar 0 is the warm-up (momentum 1 needs 1 bar), the window is 1 … 4.
  //   A: 10 11 12 11 12   targets sign(c[t]/c[t−1] − 1) on bars 1…4:  +1  +1  −1  +1
  //   B: 20 19 19 20 21                                               −1   0  +1  +1
  //   C:  5  5  6  6  3                                                0  +1   0  −1
  // Equal sleeves: w = 1/3 each, at every rebalance. Positions = w · target:
  //   A: ⅓ ⅓ −⅓ ⅓    B: −⅓ 0 ⅓ ⅓    C: 0 ⅓ 0 −⅓        costs 5 + 5 bps = 0.001
  const series = alignedSeries([
    [10, 11, 12, 11, 12],
    [20, 19, 19, 20, 21],
    [5, 5, 6, 6, 3],
  ]);
  const options = {
    initialCash: 1000,
    commissionBps: 5,
    slippageBps: 5,
    windowStart: 1,
    allocation: 'equal-weight',
    rebalance: { everyBars: 2 },
    lookback: '1mo',
  } as const;
  const result = backtestStrategySleeves(series, momentumStrategy, { lookback: 1 }, options);

  it('weights each sleeve’s targets and charges the combined position changes', () => {
    const third = 1 / 3;
    expect(Array.from(result.positions[0] as Float64Array)).toEqual([third, third, -third, third]);
    expect(Array.from(result.positions[1] as Float64Array)).toEqual([-third, 0, third, third]);
    expect(Array.from(result.positions[2] as Float64Array)).toEqual([0, third, 0, -third]);
    // e[0] = 1000 · (1 − (⅓ + ⅓ + 0) · 0.001)                                  = 999.333333
    // e[1]: r = (12/11 − 1, 0, 6/5 − 1); gain = ⅓ · 0.090909 = 0.030303; Δ = 0 + ⅓ + ⅓
    //       = 999.333333 · (1 + 0.030303 − ⅔ · 0.001)                          = 1028.949939
    // e[2]: r = (11/12 − 1, 20/19 − 1, 0); gain = ⅓ · (−0.083333) = −0.027778; Δ = ⅔ + ⅓ + ⅓
    //       = 1028.949939 · (1 − 0.027778 − 4/3 · 0.001)                       = 998.996063
    // e[3]: r = (12/11 − 1, 21/20 − 1, 3/6 − 1); gain = −⅓ · 0.090909 + ⅓ · 0.05 = −0.013636; Δ = ⅔ + 0 + ⅓
    //       = 998.996063 · (1 − 0.013636 − 1 · 0.001)                          = 984.374394
    const expected = [999.333333, 1028.949939, 998.996063, 984.374394];
    Array.from(result.equity).forEach((value, t) => expect(value).toBeCloseTo(expected[t] as number, 5));
    expect(result.warmupBars).toBe(1);
    expect(result.rebalances.map((r) => [r.index, r.weights])).toEqual([
      [0, [third, third, third]],
      [2, [third, third, third]],
    ]);
  });

  it('reports each sleeve as the single-asset backtest of the strategy on that symbol', () => {
    for (const [i, s] of series.entries()) {
      const alone = backtestStrategy(s, momentumStrategy, { lookback: 1 }, options);
      expect(Array.from(result.sleeves[i]?.equity ?? [])).toEqual(Array.from(alone.equity));
      expect(result.sleeves[i]?.summary).toEqual(alone.summary);
    }
  });
});

describe('buy-and-hold over two symbols in inverse-volatility sleeves, by hand', () => {
  // A moves +1 %, −1 %, +1 %, … from 100; B moves exactly twice as much (+2 %, −2 %, …). Over any window
  // σ_B = 2 σ_A, so w_A = (1/σ_A) / (1/σ_A + 1/σ_B) = 2/3 and w_B = 1/3, at every rebalance.
  const a = [100];
  const b = [100];
  for (let t = 1; t < 12; t++) {
    const r = t % 2 === 1 ? 0.01 : -0.01;
    a.push((a[t - 1] as number) * (1 + r));
    b.push((b[t - 1] as number) * (1 + 2 * r));
  }
  const series = alignedSeries([a, b]);
  const result = backtestStrategySleeves(
    series,
    buyAndHoldStrategy,
    {},
    {
      initialCash: 1000,
      commissionBps: 10,
      slippageBps: 0,
      windowStart: 6,
      allocation: 'inverse-volatility',
      rebalance: { everyBars: 3 },
      lookback: '1mo',
    },
  );

  it('weights 2/3 and 1/3 from the returns up to each rebalance only', () => {
    for (const rebalance of result.rebalances) {
      expect(rebalance.weights[0]).toBeCloseTo(2 / 3, 10);
      expect(rebalance.weights[1]).toBeCloseTo(1 / 3, 10);
    }
    // Rebalances at window bars 0 and 3 (series bars 6 and 9), from bars 0…6 and 0…9: within the month.
    expect(result.rebalances.map((r) => [r.index, r.bars])).toEqual([
      [0, 7],
      [3, 10],
    ]);
  });

  it('earns 2/3 r_A + 1/3 r_B = 4/3 r_A a bar after paying to enter', () => {
    // e[0] = 1000 · (1 − 1 · 0.001) = 999; bars 7 … 11 earn r_A = +1 %, −1 %, +1 %, −1 %, +1 %:
    // e = 999 · (1 + 4/3 · 0.01)³ · (1 − 4/3 · 0.01)² = 1011.960096
    expect(result.equity[0]).toBeCloseTo(999, 9);
    expect(result.equity[5]).toBeCloseTo(1011.960096, 5);
  });
});

describe('top-momentum through the universe engine', () => {
  it('holds the selected symbols at 1/k from the window’s first bar, warmed up before it', () => {
    // Selection at bar 3 by close[2]/close[0] − 1 (lookback 3, skip 1): A +20 %, B +10 %, C −10 % → A, B.
    const series = alignedSeries([
      [10, 10, 12, 12, 13, 13],
      [10, 10, 11, 13, 13, 13],
      [10, 10, 9, 20, 20, 20],
    ]);
    const result = backtestUniverseStrategy(
      series,
      topMomentumStrategy,
      { k: 2, lookback: 3, skip: 1 },
      { initialCash: 1000, commissionBps: 0, slippageBps: 0, windowStart: 3 },
    );
    expect(result.warmupBars).toBe(3);
    expect(result.positions.map((column) => Array.from(column))).toEqual([
      [0.5, 0.5, 0.5],
      [0.5, 0.5, 0.5],
      [0, 0, 0],
    ]);
    // e = 1000 · (1 + ½ · (13/12 − 1) + ½ · 0) · (1 + 0) = 1041.666667
    expect(result.equity[2]).toBeCloseTo(1041.666667, 5);
    // Each column alone: A at ½ earns ½ · 1/12.
    expect(result.columns[0]?.equity[2]).toBeCloseTo(1000 * (1 + 0.5 / 12), 9);
  });

  it('refuses a window too short for the warm-up and a decision', () => {
    const series = alignedSeries([
      [10, 11, 12],
      [10, 11, 12],
    ]);
    expect(() =>
      backtestUniverseStrategy(
        series,
        topMomentumStrategy,
        { k: 1, lookback: 3, skip: 1 },
        {
          initialCash: 1000,
          commissionBps: 0,
          slippageBps: 0,
        },
      ),
    ).toThrow('bars must number at least 5 for top-momentum with lookback 3 (got 3)');
  });
});

describe('sleeves', () => {
  it('refuses short sleeve weights', () => {
    const series: BarSeries[] = alignedSeries([
      [1, 2, 3],
      [1, 2, 3],
    ]);
    expect(() =>
      backtestStrategySleeves(
        series,
        buyAndHoldStrategy,
        {},
        {
          initialCash: 1000,
          commissionBps: 0,
          slippageBps: 0,
          allocation: 'risk-parity',
          rebalance: 'monthly',
          lookback: '1mo',
          optimizer: { allowShort: true },
        },
      ),
    ).toThrow('allow_short cannot weight strategy sleeves');
  });
});
