// The public API of @aetherquant/data: market data providers behind one interface, a bar cache, alignment.
// What providers share to build a series (request resolution, the bar buffer, price adjustment) stays
// internal; the API report (api/data.api.md) shows the surface.

export { type MarketDataProvider } from './lib/provider/market-data-provider';
export { type BarRequest } from './lib/provider/bar-request';
export { checkBarCount, type BarCount, type BarSpanFields } from './lib/provider/bar-count';

export { YahooProvider, type YahooProviderOptions } from './lib/yahoo/yahoo-provider';
export { CsvProvider, type CsvProviderOptions, readBarFile } from './lib/csv/csv-provider';
export { CSV_BAR_HEADER, formatBarsCsv } from './lib/csv/csv-bar-writer';
export {
  SYNTHETIC_GENERATOR_VERSION,
  SyntheticProvider,
  type SyntheticProviderOptions,
} from './lib/synthetic/synthetic-provider';
export { CachedProvider, type CachedProviderOptions } from './lib/cache/cached-provider';
export { RecentBars, type RecentBarsOptions, type RecentBarsStats } from './lib/cache/recent-bars';
export { createMarketDataProvider, type ProviderSelection } from './lib/factory/create-provider';
export {
  alignSeries,
  type AlignedSeries,
  closesAtTimes,
  type ClosesAtTimes,
} from './lib/alignment/align-series';
export { loadBarsBefore, lookbackMs, requestBefore } from './lib/warmup/bars-before';
export { canResample, resampleBars, type ResampleOptions } from './lib/resample/resample-bars';
export {
  appendNewBars,
  CHANGED_PRICE_TOLERANCE,
  type ChangedBar,
  describeChangedBar,
  firstChangedBar,
} from './lib/update/bar-file-update';
