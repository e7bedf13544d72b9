import { type DataProviderName } from '@aetherquant/core';
import { CachedProvider } from '../cache/cached-provider';
import { CsvProvider } from '../csv/csv-provider';
import { type MarketDataProvider } from '../provider/market-data-provider';
import { SyntheticProvider } from '../synthetic/synthetic-provider';
import { YahooProvider, type YahooProviderOptions } from '../yahoo/yahoo-provider';

export interface ProviderSelection {
  provider: DataProviderName;
  /** The csv provider's folder. */
  dataDir?: string;
  /** The bar cache's folder; `null` or absent for no cache. Only Yahoo is cached (files and synthetic data are local). */
  cacheDir?: string | null;
  /** The synthetic provider's seed. */
  seed?: number;
  /** The clock (tests fix it). */
  now?: () => number;
  /** Yahoo's transport settings: timeouts, retries, a mirror's base URL. */
  yahoo?: Omit<YahooProviderOptions, 'now'>;
}

/** The provider a selection names, with Yahoo behind the bar cache when a cache folder is given. */
export function createMarketDataProvider(selection: ProviderSelection): MarketDataProvider {
  switch (selection.provider) {
    case 'csv':
      return new CsvProvider({ dataDir: selection.dataDir });
    case 'synthetic':
      return new SyntheticProvider({ seed: selection.seed, now: selection.now });
    case 'yahoo': {
      const yahoo = new YahooProvider({ ...selection.yahoo, now: selection.now });
      return selection.cacheDir
        ? new CachedProvider(yahoo, { cacheDir: selection.cacheDir, now: selection.now })
        : yahoo;
    }
  }
}
