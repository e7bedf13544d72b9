import { type BarSeries } from '@aetherquant/core';
import { createMarketDataProvider } from '@aetherquant/data';
import { checkBarLimit } from '../limits/request-limits';
import { type WorkflowContext } from '../workflow/workflow-context';

/** The fields of a request that say where bars come from (see `barSourceFields` in core). */
export interface BarSource {
  symbol: string;
  interval?: string;
  period?: string;
  start?: string;
  end?: string;
  provider?: 'yahoo' | 'csv' | 'synthetic';
  data_dir?: string;
  seed: number;
  adjusted?: boolean;
}

/**
 * Loads a request's bars from its provider, or the settings' (folder, cache and Yahoo mirror from the
 * settings), through the context's in-memory `recentBars` when the app keeps one (the API), refusing more bars than the context's `limits.maxBars` (checked once loaded: only then is the
 * count known, as calendars and missing days vary).
 */
export async function loadBars(source: BarSource, context: WorkflowContext): Promise<BarSeries> {
  const { data } = context.settings;
  const selection = {
    provider: source.provider ?? data.provider,
    dataDir: source.data_dir ?? data.dir,
    cacheDir: data.cacheDir,
    seed: source.seed,
    now: context.now,
    yahoo: data.yahooUrl === undefined ? {} : { baseUrl: data.yahooUrl },
  };
  const request = {
    symbol: source.symbol,
    interval: source.interval,
    period: source.period,
    start: source.start,
    end: source.end,
    adjusted: source.adjusted,
  };
  const load = () => createMarketDataProvider(selection).getBars(request);
  const key = JSON.stringify([selection.provider, selection.dataDir, selection.seed, request]);
  const series = await (context.recentBars ? context.recentBars.get(key, load) : load());
  checkBarLimit(series.length, source, context.limits);
  return series;
}
