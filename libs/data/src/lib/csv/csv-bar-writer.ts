import { type BarSeries, formatBarTime } from '@aetherquant/core';

export const CSV_BAR_HEADER = 'date,open,high,low,close,volume';

/**
 * Bars as CSV text, ascending: `date,open,high,low,close,volume`, dates as ISO dates (full timestamps for
 * intraday bars), numbers in their shortest exact form, so reading the file back gives the same numbers.
 */
export function formatBarsCsv(series: BarSeries): string {
  const lines = new Array<string>(series.length + 1);
  lines[0] = CSV_BAR_HEADER;
  for (let i = 0; i < series.length; i++) {
    lines[i + 1] =
      `${formatBarTime(series.time[i] as number, series.interval)},${series.open[i]},${series.high[i]},` +
      `${series.low[i]},${series.close[i]},${series.volume[i]}`;
  }
  return `${lines.join('\n')}\n`;
}
