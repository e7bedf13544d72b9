import { AetherError, DAY_MS, formatBarTime, formatIsoDate, type Interval } from '@aetherquant/core';
import { closesAtTimes } from '@aetherquant/data';
import { type BarSource, loadBars } from './load-bars';
import { type WorkflowContext } from '../workflow/workflow-context';

/** The benchmark a run is measured against, as its report names it and its engine takes it. */
export interface RunBenchmark {
  /** What the report's `benchmark` says: a symbol, or the run's own default (`equal-weight`). */
  name: string;
  /**
   * The chosen symbol's closes, one per bar of the run's bars (aligned: see `closesAtTimes`), for the
   * engine's `benchmarkCloses`; undefined when the run keeps its own benchmark.
   */
  closes?: Float64Array;
  /**
   * What aligning the benchmark to the run's bars cost over the bars it measures (from `fromTime`, the first
   * one measured, on): a later start and the bars whose close was carried forward, one sentence each.
   */
  warnings(fromTime?: number): string[];
}

/** The bars a run is measured over, and how its warnings name them. */
export interface MeasuredBars {
  /** The traded symbol, or the symbols joined by commas. */
  label: string;
  /** The bar times the benchmark is aligned to (a run's window; a portfolio's whole common calendar). */
  time: Float64Array;
  interval: Interval;
}

/**
 * The benchmark a request asks for: `requested` (a normalised symbol, or the default's name) or, when it
 * names none, `ownName`, the run's own benchmark, which the engine computes (buy-and-hold of the traded
 * symbol, or equal weights). A request naming its run's own (`--benchmark QQQ` on QQQ) gets exactly the
 * default figures.
 *
 * Another symbol's bars come from the request's provider (its folder, seed) at the same interval, asked for
 * by the dates of the run's bars: from a week (or three bars) before the first, so its close at or before
 * that bar is known, to the last. They are aligned to the run's bars by `closesAtTimes`: a bar the
 * benchmark lacks takes its last close (its return there is 0), and before a later first bar it is flat,
 * each said in a warning. A benchmark with no bar at any of the run's times is a bad request (`benchmark`).
 *
 * The load is not held to the bar limit: its span is the run's own, already held to it (as warm-up bars).
 */
export async function loadRunBenchmark(
  requested: string | undefined,
  ownName: string,
  bars: MeasuredBars,
  source: Omit<BarSource, 'symbol'>,
  context: WorkflowContext,
): Promise<RunBenchmark> {
  if (requested === undefined || requested === ownName) return { name: ownName, warnings: () => [] };
  const { time, interval } = bars;
  const first = time[0] as number;
  const last = time[time.length - 1] as number;
  const before = Math.max(7 * DAY_MS, 3 * interval.nominalMs);
  let series;
  try {
    series = await loadBars(
      {
        ...source,
        symbol: requested,
        period: undefined,
        start: formatIsoDate(first - before),
        end: formatIsoDate(last),
      },
      { ...context, limits: undefined },
    );
  } catch (error) {
    // Said as the benchmark's: the traded bars loaded, so this is about the symbol the request chose.
    if (error instanceof AetherError && error.code === 'DATA_UNAVAILABLE')
      throw new AetherError(error.code, `benchmark ${requested}: ${error.message}`, error.details);
    throw error;
  }
  const aligned = closesAtTimes(series, time);
  const day = (ms: number) => formatBarTime(ms, interval);
  if (aligned.matched === 0) {
    throw AetherError.invalid([
      {
        field: 'benchmark',
        rule: `must have bars at the times of ${bars.label}'s (${requested} has none at its ${time.length} bars from ${day(first)} to ${day(last)})`,
      },
    ]);
  }
  const listed = series.time[0] as number;
  return {
    name: requested,
    closes: aligned.close,
    warnings(fromTime = first) {
      let from = 0;
      while (from < time.length && (time[from] as number) < fromTime) from++;
      const measured = time.length - from;
      let flat = 0;
      let carried = 0;
      let firstCarried: number | undefined;
      for (let k = from; k < time.length; k++) {
        if (aligned.present[k] === 1) continue;
        const at = time[k] as number;
        if (at < listed) flat++;
        else {
          carried++;
          firstCarried ??= at;
        }
      }
      const warnings: string[] = [];
      if (flat > 0) {
        warnings.push(
          `benchmark ${requested} starts ${day(listed)}, after ${bars.label}'s first measured bar ${day(time[from] as number)}: ` +
            `it is bought at its first close, flat over the ${flat} bar${flat === 1 ? '' : 's'} before`,
        );
      }
      if (firstCarried !== undefined) {
        warnings.push(
          `benchmark ${requested} has no bar at ${carried} of ${bars.label}'s ${measured} bars (the first ${day(firstCarried)}): ` +
            'its last close is carried forward there',
        );
      }
      return warnings;
    },
  };
}
