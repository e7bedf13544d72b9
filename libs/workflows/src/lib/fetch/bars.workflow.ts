import { type BarsReport, formatBarTime } from '@aetherquant/core';
import { defineWorkflow } from '../workflow/workflow';
import { fetchSymbol } from './fetch.workflow';

/**
 * The bars `fetch` would load, returned rather than written (`GET /api/bars`). The request schema has no
 * `data_dir` nor `output`, so a remote caller can make the server neither read nor write a path.
 */
export const barsWorkflow = defineWorkflow('bars', {
  async run(request, context): Promise<BarsReport> {
    const { summary, series } = await fetchSymbol(request, request.symbol, context);
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
