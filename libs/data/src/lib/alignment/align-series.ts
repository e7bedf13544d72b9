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
