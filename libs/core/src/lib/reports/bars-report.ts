// Types only: the JSON shapes of `fetch` and of the bars a caller reads (`GET /api/bars`).

/** What `fetch` reports: one JSON line on the CLI. */
export interface FetchSummary {
  symbol: string;
  /** `synthetic` is said wherever results are shown, so generated data never passes for market data. */
  provider: string;
  interval: string;
  rows: number;
  /** First and last bar times: dates, or full timestamps for intraday bars. */
  first: string;
  last: string;
  /** The absolute path written, `-` for standard output, absent when nothing was written. */
  output?: string;
  /** Rows the source sent with missing values and that were dropped (only when there were some). */
  dropped_rows?: number;
}

/** The bars of one symbol as columns, ascending, with the summary `fetch` prints (never an output path). */
export interface BarsReport extends Omit<FetchSummary, 'output'> {
  /** Dates, or full timestamps for intraday bars. */
  time: string[];
  open: number[];
  high: number[];
  low: number[];
  close: number[];
  volume: number[];
}
