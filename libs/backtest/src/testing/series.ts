import { BarSeries, DAY_MS } from '@aetherquant/core';

/**
 * A seeded geometric random walk of `n` daily bars on weekdays, with OHLC that differ (opens at the previous
 * close, wicks above and below), so strategies reading high and low see their own columns.
 */
export function randomWalk(n: number, seed = 1): BarSeries {
  let state = seed >>> 0;
  const uniform = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const time: number[] = [];
  const open: number[] = [];
  const high: number[] = [];
  const low: number[] = [];
  const close: number[] = [];
  let day = Date.UTC(2015, 0, 5); // a Monday
  let price = 100;
  for (let i = 0; i < n; i++) {
    while ([0, 6].includes(new Date(day).getUTCDay())) day += DAY_MS;
    const previous = price;
    price *= Math.exp(0.0003 + 0.02 * (uniform() - 0.5));
    time.push(day);
    open.push(previous);
    close.push(price);
    high.push(Math.max(previous, price) * (1 + 0.01 * uniform()));
    low.push(Math.min(previous, price) * (1 - 0.01 * uniform()));
    day += DAY_MS;
  }
  return new BarSeries({
    symbol: 'WALK',
    interval: '1d',
    time,
    open,
    high,
    low,
    close,
    volume: close.map(() => 1e6),
  });
}

/** Daily bars on every calendar day from `first` (ISO date) with the given closes (open = high = low = close). */
export function dailyBars(closes: number[], first = '2020-01-01', symbol = 'TEST'): BarSeries {
  const start = Date.parse(`${first}T00:00:00Z`);
  return new BarSeries({
    symbol,
    interval: '1d',
    time: closes.map((_, i) => start + i * DAY_MS),
    open: closes,
    high: closes,
    low: closes,
    close: closes,
    volume: closes.map(() => 1000),
  });
}
