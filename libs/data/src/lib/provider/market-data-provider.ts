import { type BarSeries } from '@aetherquant/core';
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
}
