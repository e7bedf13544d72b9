import { AetherError, BAR_COLUMNS, BarSeries } from '@aetherquant/core';

export interface AlignedSeries {
  /** The inputs, in order, restricted to the times all of them have. */
  series: BarSeries[];
  /** For each input symbol, how many of its bars were dropped because another symbol lacks that time. */
  dropped: Array<{ symbol: string; bars: number }>;
}

/**
 * Aligns several symbols on a common calendar: the intersection of their bar times (a holiday on one
 * exchange, a late listing, a missing row). Multi-asset work (portfolios, correlations) needs one row per
 * time for every symbol; this says honestly what it cost each symbol.
 */
export function alignSeries(inputs: readonly BarSeries[]): AlignedSeries {
  checkAlignable(inputs);
  let common = inputs[0]?.time as Float64Array;
  for (const series of inputs.slice(1)) common = intersectSorted(common, series.time);
  if (common.length === 0) {
    throw new AetherError(
      'DATA_UNAVAILABLE',
      `no common bars for ${inputs.map((s) => s.symbol).join(', ')}: their dates do not overlap`,
      {
        symbols: inputs.map((s) => s.symbol),
      },
    );
  }
  return {
    series: inputs.map((series) => (series.length === common.length ? series : restrict(series, common))),
    dropped: inputs.map((series) => ({ symbol: series.symbol, bars: series.length - common.length })),
  };
}

function checkAlignable(inputs: readonly BarSeries[]): void {
  if (inputs.length === 0)
    throw AetherError.invalid([{ field: 'symbols', rule: 'must name at least one symbol' }]);
  const symbols = inputs.map((series) => series.symbol);
  const repeated = symbols.filter((symbol, i) => symbols.indexOf(symbol) !== i);
  if (repeated.length > 0) {
    throw AetherError.invalid([
      { field: 'symbols', rule: `must be distinct (${[...new Set(repeated)].join(', ')} given twice)` },
    ]);
  }
  const intervals = new Set(inputs.map((series) => series.interval.name));
  if (intervals.size > 1) {
    throw AetherError.invalid([
      { field: 'interval', rule: `must be the same for every symbol (got ${[...intervals].join(', ')})` },
    ]);
  }
}

/** The values present in both ascending arrays, by a two-pointer walk. */
function intersectSorted(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(Math.min(a.length, b.length));
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      out[n++] = x;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out.slice(0, n);
}

/** The bars of `series` at exactly the `times` (a subset of its own, ascending). */
function restrict(series: BarSeries, times: Float64Array): BarSeries {
  const columns = Object.fromEntries(
    BAR_COLUMNS.map((column) => [column, new Float64Array(times.length)]),
  ) as Record<(typeof BAR_COLUMNS)[number], Float64Array>;
  let source = 0;
  for (let k = 0; k < times.length; k++) {
    while ((series.time[source] as number) < (times[k] as number)) source++;
    for (const column of BAR_COLUMNS) columns[column][k] = series[column][source] as number;
  }
  return new BarSeries({
    symbol: series.symbol,
    interval: series.interval,
    ...columns,
    provenance: series.provenance,
  });
}

/** A series' closes at another series' bar times (see {@link closesAtTimes}). */
export interface ClosesAtTimes {
  /** One close per time: the series' last close at or before it; before the series' first bar, its first close. */
  close: Float64Array;
  /** 1 where the series has a bar at exactly that time, 0 where its close was carried over. */
  present: Uint8Array;
  /** How many times have a bar of the series (the 1s of `present`). */
  matched: number;
}

/**
 * The closes of `series` at the bar `times` of another (ascending), for a benchmark measured against bars it
 * may not share, without dropping any of those bars (as {@link alignSeries} would). The rule: at a time
 * where the series has no bar (a holiday of its exchange, a missing row), its **last close is carried
 * forward**, so its return over that bar is 0 and the next bar's return covers both; before its first bar
 * (a later listing), its first close stands in, so it is flat until it starts: bought when it can be.
 * Bars of the series at other times only move the closes carried. One pass over both arrays.
 */
export function closesAtTimes(series: BarSeries, times: Float64Array): ClosesAtTimes {
  const close = new Float64Array(times.length);
  const present = new Uint8Array(times.length);
  const n = series.length;
  let source = -1; // the series' last bar at or before the current time
  let matched = 0;
  for (let k = 0; k < times.length; k++) {
    const time = times[k] as number;
    while (source + 1 < n && (series.time[source + 1] as number) <= time) source++;
    if (source >= 0 && series.time[source] === time) {
      present[k] = 1;
      matched++;
    }
    close[k] = series.close[Math.max(source, 0)] as number;
  }
  return { close, present, matched };
}
