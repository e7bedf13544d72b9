import { type ChartLine } from './time-series-chart';
import { type ChartSeries } from '../api/types';
import { formatMoney, formatPercent } from './format';

// Module-level (stable identities): the chart is rebuilt when its inputs change, not on every render.
export const formatEquity = (value: number): string => formatMoney(value);
export const formatDrawdown = (value: number): string => formatPercent(value, 1);

/** The strategy's equity against its benchmark's, as two lines. */
export function equityLines(chart: ChartSeries): ChartLine[] {
  return [
    { name: 'Strategy', values: chart.equity, colorVariable: '--chart-equity' },
    { name: 'Benchmark', values: chart.benchmark, colorVariable: '--chart-benchmark' },
  ];
}

export function drawdownLines(chart: ChartSeries): ChartLine[] {
  return [{ name: 'Drawdown', values: chart.drawdown, colorVariable: '--chart-drawdown', area: true }];
}
