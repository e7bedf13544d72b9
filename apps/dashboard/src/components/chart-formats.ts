import { type ChartLine } from './chart-engine';
import { type ChartSeries } from '../api/types';
import { benchmarkName } from './benchmark';
import { formatDecimal, formatMoney, formatPercent, formatPrice } from './format';

// Module-level (stable identities): a chart is drawn again when its inputs change, not on every render.
/** Equity in the legend and the crosshair label: `$110,108.21`. */
export const formatEquity = (value: number): string => formatMoney(value);
/** Equity on the price scale: whole dollars (`$110,000`) unless the ticks need cents to differ. */
export const formatEquityTick = (value: number, decimals: number): string => formatMoney(value, { decimals });
export const formatDrawdown = (value: number): string => formatPercent(value, 1);
/** Drawdowns on the price scale: `-40%`, or with the decimals the ticks need to differ (`-0.5%`). */
export const formatDrawdownTick = (value: number, decimals: number): string => formatPercent(value, decimals);

/** A traded price in the legend and the crosshair label, as traded: `$539.84`, `$1.713`. */
export const formatPriceValue = (value: number): string => formatPrice(value);
/** Prices on the price scale: whole dollars unless the ticks need cents to differ. */
export const formatPriceTick = (value: number, decimals: number): string => formatMoney(value, { decimals });
/** Equity as an index, 100 at a run's first bar (runs compared): `104.3`. */
export const formatIndexed = (value: number): string => formatDecimal(value, 1);
export const formatIndexedTick = (value: number, decimals: number): string => formatDecimal(value, decimals);

/**
 * The strategy's equity against its benchmark's (named as the run names it: `QQQ`), as two lines; the
 * strategy's alone when the chart has no benchmark curve.
 */
export function equityLines(chart: ChartSeries, benchmark?: string): ChartLine[] {
  const strategy: ChartLine = { name: 'Strategy', values: chart.equity, colorVariable: '--chart-equity' };
  if (chart.benchmark.length !== chart.equity.length) return [strategy];
  return [
    strategy,
    { name: benchmarkName(benchmark), values: chart.benchmark, colorVariable: '--chart-benchmark' },
  ];
}

export function drawdownLines(chart: ChartSeries): ChartLine[] {
  return [{ name: 'Drawdown', values: chart.drawdown, colorVariable: '--chart-drawdown', area: true }];
}
