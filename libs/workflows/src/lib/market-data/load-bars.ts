import { type BarSeries } from '@aetherquant/core';
import { type BarCount, type BarRequest, createMarketDataProvider } from '@aetherquant/data';
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

/** The provider a source names (or the settings'), and the request it is asked. */
function providerRequest(source: BarSource, context: WorkflowContext) {
  const { data } = context.settings;
  const selection = {
    provider: source.provider ?? data.provider,
    dataDir: source.data_dir ?? data.dir,
    cacheDir: data.cacheDir,
    seed: source.seed,
    now: context.now,
    yahoo: data.yahooUrl === undefined ? {} : { baseUrl: data.yahooUrl },
  };
  const request: BarRequest = {
    symbol: source.symbol,
    interval: source.interval,
    period: source.period,
    start: source.start,
    end: source.end,
    adjusted: source.adjusted,
    ...(context.limits?.maxBars === undefined ? {} : { maxBars: context.limits.maxBars }),
  };
  return { selection, provider: createMarketDataProvider(selection), request };
}

/**
 * The bars a source selects, counted without loading anything: exact for synthetic data, an upper bound
 * for Yahoo, unknown (`Infinity`) for CSV files (see `MarketDataProvider.countBars`). Throws
 * INVALID_ARGUMENT for a bad request, as loading would.
 */
export function countSourceBars(source: BarSource, context: WorkflowContext): BarCount {
  const { provider, request } = providerRequest(source, context);
  return provider.countBars(request);
}

/**
 * Loads a request's bars from its provider, or the settings' (folder, cache and Yahoo mirror from the
 * settings), through the context's in-memory `recentBars` when the app keeps one (the API).
 *
 * The context's `limits.maxBars` is held BEFORE any work: the provider's count of the request (see
 * {@link countSourceBars}) is checked before the cache is consulted or the provider asked, and the provider
 * gets the limit too (`BarRequest.maxBars`), so it stops before generating, fetching or copying more bars
 * than that even where it could not count beforehand (CSV files). A load over the limit fails, so the cache
 * never keeps it.
 */
export async function loadBars(source: BarSource, context: WorkflowContext): Promise<BarSeries> {
  const { selection, provider, request } = providerRequest(source, context);
  checkBarLimit(provider.countBars(request), source, context.limits);
  const load = async () => {
    const series = await provider.getBars(request);
    checkBarLimit(series.length, source, context.limits);
    return series;
  };
  const key = JSON.stringify([selection.provider, selection.dataDir, selection.seed, request]);
  return context.recentBars ? context.recentBars.get(key, load) : load();
}
