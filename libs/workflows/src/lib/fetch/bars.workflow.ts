import { barsRequestSchema, formatBarTime } from '@aetherquant/core';
import { defineWorkflow } from '../workflow/workflow';
import { fetchWorkflow, type FetchSummary } from './fetch.workflow';

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

/**
 * The bars `fetch` would load, returned rather than written (`GET /api/bars`). The request schema has no
 * `data_dir` nor `output`, so a remote caller can make the server neither read nor write a path.
 */
export const barsWorkflow = defineWorkflow({
  name: 'bars',
  permission: 'fetch',
  request: barsRequestSchema,
  async run(request, context): Promise<BarsReport> {
    const { summary, series } = await fetchWorkflow.run(request, context);
    return {
      ...summary,
      time: Array.from(series.time, (ms) => formatBarTime(ms, series.interval)),
      open: Array.from(series.open),
      high: Array.from(series.high),
      low: Array.from(series.low),
      close: Array.from(series.close),
      volume: Array.from(series.volume),
    };
  },
});
