import { formatBarTime, type Interval, type TradeView } from '@aetherquant/core';
import { type Trade } from '@aetherquant/backtest';
import { money, ratio } from './backtest-report';

/** The most trades a report lists: the latest ones, enough for a screen (a long intraday run has thousands). */
export const MAX_LISTED_TRADES = 500;

/** The latest {@link MAX_LISTED_TRADES} trades, oldest first, as reports show them. */
export function tradeList(trades: readonly Trade[], interval: Interval): TradeView[] {
  return trades.slice(-MAX_LISTED_TRADES).map((trade) => ({
    side: trade.side,
    entry: formatBarTime(trade.entryTime, interval),
    exit: formatBarTime(trade.exitTime, interval),
    entry_price: money(trade.entryPrice),
    exit_price: money(trade.exitPrice),
    return: ratio(trade.return) as number,
    bars_held: trade.barsHeld,
    open: trade.open,
  }));
}
