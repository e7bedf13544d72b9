import { BAR_COLUMNS, BarSeries, firstIndexAtOrAfter, formatBarTime } from '@aetherquant/core';

const PRICE_COLUMNS = ['open', 'high', 'low', 'close'] as const;

/**
 * Relative difference beyond which a price counts as changed. Sources recompute adjusted prices with a
 * little floating-point noise; a dividend re-adjusts history by a tenth of a percent or more, a split by
 * far more.
 */
export const CHANGED_PRICE_TOLERANCE = 1e-6;

/** A bar a file holds that the source now gives differently (or no longer gives). */
export interface ChangedBar {
  /** The bar's time, epoch ms. */
  time: number;
  /** How it changed, as a person reads it: `close 101.5 → 100.2`, `no longer served`. */
  change: string;
}

/**
 * The first bar of `existing` from `fetched`'s first time on whose prices `fetched` gives differently
 * (beyond {@link CHANGED_PRICE_TOLERANCE}) or not at all; undefined when the overlap agrees. `fetched` is
 * what the source serves from `existing`'s last bar (or an earlier one) on: a change there means the
 * source re-adjusted the history (a split or dividend since the file was written) or corrected it, or
 * that the file's last bar was still forming when it was written.
 */
export function firstChangedBar(existing: BarSeries, fetched: BarSeries): ChangedBar | undefined {
  if (fetched.length === 0) return undefined;
  const from = firstIndexAtOrAfter(existing.time, fetched.time[0] as number, existing.length);
  let j = 0;
  for (let i = from; i < existing.length; i++) {
    const time = existing.time[i] as number;
    while (j < fetched.length && (fetched.time[j] as number) < time) j++;
    if (j >= fetched.length || fetched.time[j] !== time) return { time, change: 'no longer served' };
    for (const column of PRICE_COLUMNS) {
      const was = existing[column][i] as number;
      const now = fetched[column][j] as number;
      if (Math.abs(now - was) > CHANGED_PRICE_TOLERANCE * Math.abs(was)) {
        return { time, change: `${column} ${was} → ${now}` };
      }
    }
  }
  return undefined;
}

/** `existing` followed by the bars of `fetched` after its last one, and how many those are. */
export function appendNewBars(existing: BarSeries, fetched: BarSeries): { series: BarSeries; added: number } {
  const from = firstIndexAtOrAfter(
    fetched.time,
    (existing.time[existing.length - 1] as number) + 1,
    fetched.length,
  );
  const added = fetched.length - from;
  if (added === 0) return { series: existing, added };
  const column = (name: (typeof BAR_COLUMNS)[number]) => {
    const joined = new Float64Array(existing.length + added);
    joined.set(existing[name], 0);
    joined.set(fetched[name].subarray(from), existing.length);
    return joined;
  };
  const series = new BarSeries({
    symbol: existing.symbol,
    interval: existing.interval,
    time: column('time'),
    open: column('open'),
    high: column('high'),
    low: column('low'),
    close: column('close'),
    volume: column('volume'),
    ...(fetched.provenance === undefined ? {} : { provenance: fetched.provenance }),
  });
  return { series, added };
}

/** How a changed bar reads in a result: `2024-05-31 changed (close 101.5 → 100.2)`, `2024-05-31 is no longer served`. */
export function describeChangedBar(changed: ChangedBar, series: BarSeries): string {
  const date = formatBarTime(changed.time, series.interval);
  return changed.change === 'no longer served'
    ? `${date} is no longer served`
    : `${date} changed (${changed.change})`;
}
