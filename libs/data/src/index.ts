// The public API of @aetherquant/data: market data providers behind one interface, a bar cache, alignment.

export { type MarketDataProvider } from './lib/provider/market-data-provider';
export {
  DEFAULT_PERIOD,
  describeRange,
  noBarsError,
  rangeWindow,
  resolveBarRequest,
  type BarRange,
  type BarRequest,
  type ResolvedBarRequest,
} from './lib/provider/bar-request';
export {
  aroundTheClockBars,
  checkBarCount,
  UNKNOWN_BAR_COUNT,
  type BarCount,
  type BarSpanFields,
} from './lib/provider/bar-count';
export { BarBuffer } from './lib/provider/bar-buffer';
export { adjustPrices, type PriceColumns } from './lib/adjustment/adjust-prices';

export { YahooProvider, type YahooProviderOptions } from './lib/yahoo/yahoo-provider';
export { CsvProvider, type CsvProviderOptions } from './lib/csv/csv-provider';
export { CSV_BAR_HEADER, formatBarsCsv } from './lib/csv/csv-bar-writer';
export { SyntheticProvider, type SyntheticProviderOptions } from './lib/synthetic/synthetic-provider';
export { CachedProvider, type CachedProviderOptions } from './lib/cache/cached-provider';
export {
  RecentBars,
  seriesBytes,
  type RecentBarsOptions,
  type RecentBarsStats,
} from './lib/cache/recent-bars';
export { createMarketDataProvider, type ProviderSelection } from './lib/factory/create-provider';
export { alignSeries, type AlignedSeries } from './lib/alignment/align-series';
