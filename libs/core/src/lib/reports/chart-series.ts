// Types only: the JSON shape of a run's chart.

/**
 * What a chart of a run draws, as columns of equal length: bar times (dates, or timestamps for intraday
 * bars), the strategy's equity and its benchmark's (2 decimals), and the strategy's drawdown (0 or below,
 * 6 decimals).
 */
export interface ChartSeries {
  time: string[];
  equity: number[];
  benchmark: number[];
  /** `equity / running peak − 1`, the running peak taken over the full series, not only the kept points. */
  drawdown: number[];
}
