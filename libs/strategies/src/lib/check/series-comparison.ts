import { BarSeries } from '@aetherquant/core';

// What the property check compares bars and targets with, for both kinds of strategy: a strategy must leave
// the bars it reads untouched, and give the same targets on a copy of them.

const COLUMN_NAMES = ['time', 'open', 'high', 'low', 'close', 'volume'] as const;

/** A plain copy of every column of `bars`, taken before a strategy runs, to see afterwards what it changed. */
export function barColumns(bars: BarSeries): number[][] {
  return [bars.time, bars.open, bars.high, bars.low, bars.close, bars.volume].map((column) =>
    Array.from(column),
  );
}

/** A new series with the same bars: a strategy must give the same targets for it (no state kept by identity). */
export function copyOfBars(bars: BarSeries): BarSeries {
  const [time, open, high, low, close, volume] = barColumns(bars) as [
    number[],
    number[],
    number[],
    number[],
    number[],
    number[],
  ];
  return new BarSeries({
    symbol: bars.symbol,
    interval: bars.interval.name,
    time,
    open,
    high,
    low,
    close,
    volume,
  });
}

/** The first value that differs between two {@link barColumns} copies (`close[3]`), or undefined. */
export function changedBar(before: number[][], after: number[][]): string | undefined {
  for (const [c, column] of before.entries()) {
    const t = column.findIndex((value, i) => !Object.is(value, after[c]?.[i]));
    if (t >= 0) return `${COLUMN_NAMES[c]}[${t}]`;
  }
  return undefined;
}

/**
 * The first index where two target arrays differ (`Object.is`, so NaN equals NaN and 0 is not -0), the
 * shorter length when only their lengths differ, or -1 when they are the same.
 */
export function firstMismatch(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let t = 0; t < a.length; t++) if (!Object.is(a[t], b[t])) return t;
  return -1;
}
