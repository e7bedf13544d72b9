import { BAR_COLUMNS, BarSeries, formatBarTime } from '@aetherquant/core';
import { loadBarsBefore } from '@aetherquant/data';
import { type BarSource, loadBars } from './load-bars';
import { type WorkflowContext } from '../workflow/workflow-context';

/** What a strategy run reads: its requested window, and the bars before it that warm the strategy up. */
export interface WarmBars {
  /** The warm-up bars followed by the requested window's, one series. */
  series: BarSeries;
  /** How many bars of `series` come before the requested window (its first bar's index). */
  warmupBars: number;
  /** The requested window alone: what every figure, chart and recorded span covers. */
  window: BarSeries;
  /** Said when the data does not reach back far enough for the warm-up the strategy asked for. */
  warnings: string[];
}

/**
 * The request's bars (its period or dates, exactly as {@link loadBars} loads them) with up to `warmupBars`
 * bars before the first of them, so that a strategy is ready on the first requested bar.
 *
 * A period or start is a calendar date: the bars before the window's first bar are asked of the same
 * provider by dates (a generous span first, further back while short: data's `loadBarsBefore`) and cut to
 * exactly `warmupBars`, so a run never depends on how much older history one request brought.
 *
 * Short history is not an error: the series then starts with the bars there are, and `warnings` says so,
 * naming the first bar the strategy is ready on (the caller's strategy check still refuses a window too
 * short for any decision).
 */
export async function loadWarmBars(
  source: BarSource,
  warmupBars: number,
  context: WorkflowContext,
  strategyName: string,
): Promise<WarmBars> {
  const window = await loadBars(source, context);
  if (warmupBars <= 0) return { series: window, warmupBars: 0, window, warnings: [] };

  const first = window.time[0] as number;
  const interval = window.interval;
  // Not held to the bar limit: the span asked is this function's own generous estimate, and only the bars
  // the strategy needs (at most its warm-up) are kept. Through the context's cache, as the window was.
  const unlimited = { ...context, limits: undefined };
  const before = await loadBarsBefore(
    (request) =>
      loadBars({ ...source, period: undefined, start: request.start, end: request.end }, unlimited),
    { symbol: window.symbol },
    interval,
    first,
    warmupBars,
  );
  const found = before?.length ?? 0;
  const series = before === undefined ? window : concatSeries(before, window);
  const warnings: string[] = [];
  if (found < warmupBars) {
    const ready = warmupBars - found; // index in the window of the first bar the strategy is ready on
    const readyBar =
      ready < window.length ? formatBarTime(window.time[ready] as number, interval) : 'no bar of the window';
    warnings.push(
      `${window.symbol} ${interval.name}: ${strategyName} needs ${warmupBars} warm-up bars before ` +
        `${formatBarTime(first, interval)} but the data holds ${found === 0 ? 'none' : `only ${found}`}; ` +
        `the strategy is ready from ${readyBar}, and its targets before that bar are flat`,
    );
  }
  return { series, warmupBars: found, window, warnings };
}

/** `a` then `b`, one series (times must ascend across the join: `a` ends before `b` starts). */
export function concatSeries(a: BarSeries, b: BarSeries): BarSeries {
  const column = (name: (typeof BAR_COLUMNS)[number]) => {
    const joined = new Float64Array(a.length + b.length);
    joined.set(a[name], 0);
    joined.set(b[name], a.length);
    return joined;
  };
  return new BarSeries({
    symbol: b.symbol,
    interval: b.interval,
    time: column('time'),
    open: column('open'),
    high: column('high'),
    low: column('low'),
    close: column('close'),
    volume: column('volume'),
    ...(b.provenance === undefined ? {} : { provenance: b.provenance }),
  });
}
