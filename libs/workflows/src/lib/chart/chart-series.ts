import { type ChartSeries, formatBarTime, type Interval } from '@aetherquant/core';
import { drawdownCurve } from '@aetherquant/risk';
import { money, ratio } from '../backtest/backtest-report';
import { downsampleIndices } from './downsample';

/** The curves a chart is drawn from, one value per bar. */
export interface ChartInput {
  time: ArrayLike<number>;
  equity: ArrayLike<number>;
  benchmark: ArrayLike<number>;
  interval: Interval;
}

/**
 * Formatted bar times, kept per time column: a long-running app serves many charts of the same cached
 * series (the API's recent bars), and formatting dates is most of what a chart costs.
 */
const timeLabels = new WeakMap<object, string[]>();

function timeLabel(input: ChartInput, index: number): string {
  let labels = timeLabels.get(input.time);
  if (labels === undefined) timeLabels.set(input.time, (labels = []));
  return (labels[index] ??= formatBarTime(input.time[index] as number, input.interval));
}

/** The chart of a run, downsampled to at most `maxPoints` points (see {@link downsampleIndices}). */
export function chartSeries(input: ChartInput, maxPoints: number): ChartSeries {
  const drawdown = drawdownCurve(input.equity);
  const kept = downsampleIndices(input.equity, drawdown, maxPoints);
  return {
    time: kept.map((i) => timeLabel(input, i)),
    equity: kept.map((i) => money(input.equity[i] as number)),
    benchmark: kept.map((i) => money(input.benchmark[i] as number)),
    drawdown: kept.map((i) => ratio(drawdown[i] as number) as number),
  };
}
