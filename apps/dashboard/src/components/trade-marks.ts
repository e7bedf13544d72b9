import { type PaperOrderView, type TradeView } from '../api/types';
import { type ChartMarker } from './chart-engine';

/** What a trade's two ends are on a price chart: the fields of a trade the marks read. */
export type MarkedTrade = Pick<TradeView, 'side' | 'entry' | 'exit' | 'entry_price' | 'exit_price' | 'open'>;

/**
 * A buy and a sell mark per trade, at the prices the engine used: a long is bought at its entry and sold at
 * its exit, a short sold at its entry and bought back at its exit. A trade still open at the last bar was not
 * closed, so it has no exit mark.
 */
export function tradeMarks(trades: readonly MarkedTrade[]): ChartMarker[] {
  return trades.flatMap((trade): ChartMarker[] => {
    const long = trade.side === 'long';
    const entry: ChartMarker = { time: trade.entry, kind: long ? 'buy' : 'sell', price: trade.entry_price };
    if (trade.open) return [entry];
    return [entry, { time: trade.exit, kind: long ? 'sell' : 'buy', price: trade.exit_price }];
  });
}

/** A mark per filled order of a paper account, at its fill price. */
export function orderMarks(orders: readonly PaperOrderView[]): ChartMarker[] {
  return orders
    .filter((order) => order.status === 'filled')
    .map((order): ChartMarker => ({
      time: order.time,
      kind: order.side === 'buy' ? 'buy' : 'sell',
      ...(order.fill_price === undefined ? {} : { price: order.fill_price }),
    }));
}
