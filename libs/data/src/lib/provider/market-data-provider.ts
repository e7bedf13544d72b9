import { type BarSeries } from '@aetherquant/core';
import { type BarCount } from './bar-count';
import { type BarRequest } from './bar-request';

/**
 * A source of bars. Every implementation validates the request the same way (`resolveBarRequest`), returns
 * a `BarSeries` whose `provenance` names it, and passes the shared contract suite
 * (`src/testing/provider-contract.ts`).
 */
export interface MarketDataProvider {
  /** `yahoo`, `csv`, `synthetic`: what results show as their provider. */
  readonly name: string;
  /**
   * Bars for one symbol, ascending. Throws INVALID_ARGUMENT for a bad request, DATA_UNAVAILABLE when there are
   * no bars for it, UPSTREAM_FAILED when the source cannot be reached.
   */
  getBars(request: BarRequest): Promise<BarSeries>;
  /**
   * The bars `getBars(request)` can return, counted without loading, fetching or generating anything:
   * exact, an upper bound, or unknown (`Infinity`). Never below the real count, so a limit checked on it
   * never refuses a request the provider would serve within the limit. Throws INVALID_ARGUMENT for a bad
   * request, as `getBars` does.
   */
  countBars(request: BarRequest): BarCount;
}
