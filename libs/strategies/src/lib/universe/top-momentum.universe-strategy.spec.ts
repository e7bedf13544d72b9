import { BarSeries } from '@aetherquant/core';
import { checkUniverseStrategy } from './check-universe-strategy';
import { topMomentumStrategy } from './top-momentum.universe-strategy';

/** Series on the weekdays 2020-01-27 (Mon) … 2020-02-05 (Wed): a month boundary after bar 4. */
function universe(columns: Record<string, number[]>): BarSeries[] {
  const days = ['01-27', '01-28', '01-29', '01-30', '01-31', '02-03', '02-04', '02-05'];
  return Object.entries(columns).map(([symbol, close]) => {
    const time = close.map((_, t) => Date.parse(`2020-${days[t]}T00:00:00Z`));
    return new BarSeries({
      symbol,
      interval: '1d',
      time,
      open: close,
      high: close,
      low: close,
      close,
      volume: close,
    });
  });
}

describe('top-momentum, by hand', () => {
  // lookback 3, skip 1: score at t = close[t − 1] / close[t − 3] − 1, chosen at the first ready bar (bar 3,
  // 01-30) and again at the first bar of February (bar 5, 02-03); flat on bars 0 … 2.
  //   bar:        0    1    2    3    4  | 5    6    7
  //   A          10   10   12   12   11  | 11   11   11    score bar 3: 12/10 − 1 = +0.20   bar 5: 11/12 − 1 = −0.083
  //   B          10   10   11   13   14  | 14   14   14                11/10 − 1 = +0.10          14/11 − 1 = +0.273
  //   C          10   10    9   20   20  | 20   20   20                 9/10 − 1 = −0.10          20/9  − 1 = +1.222
  // (C's jump on bar 3 is in the skipped bar: it does not count at bar 3.)
  const bars = universe({
    A: [10, 10, 12, 12, 11, 11, 11, 11],
    B: [10, 10, 11, 13, 14, 14, 14, 14],
    C: [10, 10, 9, 20, 20, 20, 20, 20],
  });

  it('holds the best symbol from the first ready bar, reselecting at the first bar of the month (k = 1)', () => {
    const targets = topMomentumStrategy.targets(bars, { k: 1, lookback: 3, skip: 1 });
    expect(targets.map((column) => Array.from(column))).toEqual([
      [0, 0, 0, 1, 1, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 1, 1, 1],
    ]);
  });

  it('holds the best two at ½ each (k = 2), and every symbol at 1/k when k exceeds their number', () => {
    const two = topMomentumStrategy.targets(bars, { k: 2, lookback: 3, skip: 1 });
    expect(two.map((column) => Array.from(column.subarray(3)))).toEqual([
      [0.5, 0.5, 0, 0, 0],
      [0.5, 0.5, 0.5, 0.5, 0.5],
      [0, 0, 0.5, 0.5, 0.5],
    ]);
    const five = topMomentumStrategy.targets(bars, { k: 5, lookback: 3, skip: 1 });
    expect(five.map((column) => column[7])).toEqual([0.2, 0.2, 0.2]);
  });

  it('breaks ties toward the symbol listed first', () => {
    const flat = universe({ X: [1, 1, 1, 1, 1, 1, 1, 1], Y: [1, 1, 1, 1, 1, 1, 1, 1] });
    const targets = topMomentumStrategy.targets(flat, { k: 1, lookback: 3, skip: 1 });
    expect(Array.from(targets[0] as Float64Array).slice(3)).toEqual([1, 1, 1, 1, 1]);
    expect(Array.from(targets[1] as Float64Array).slice(3)).toEqual([0, 0, 0, 0, 0]);
  });

  it('defaults to 12-1 momentum with k = 2 and warms up for 252 bars; skip must be below lookback', () => {
    expect(topMomentumStrategy.resolveParameters({})).toEqual({ k: 2, lookback: 252, skip: 21 });
    expect(topMomentumStrategy.warmupBars({})).toBe(252);
    expect(() => topMomentumStrategy.resolveParameters({ lookback: 10, skip: 10 })).toThrow(
      'top-momentum parameters: skip must be less than lookback (got 10, lookback 10)',
    );
  });

  it('passes the universe strategy contract', () => {
    const check = checkUniverseStrategy(topMomentumStrategy);
    expect(check.verdicts.filter((verdict) => !verdict.passed)).toEqual([]);
    expect(check.passed).toBe(true);
  });
});
