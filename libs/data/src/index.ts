// The public API of @aetherquant/data: market data providers behind one interface.

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
export { BarBuffer } from './lib/provider/bar-buffer';
export { adjustPrices, type PriceColumns } from './lib/adjustment/adjust-prices';
