import { formatBarTime, type Interval, type TradeView } from '@aetherquant/core';
import { type Trade } from '@aetherquant/backtest';
import { money, ratio } from './backtest-report';

/** The most trades a report lists: the latest ones, enough for a screen (a long intraday run has thousands). */
export const MAX_LISTED_TRADES = 500;

/**
 * The latest {@link MAX_LISTED_TRADES} trades, oldest first, as reports show them: prices and size exactly as
 * the engine computed them (a price under $10 rounded to cents would be off by up to 0.05%), the P&L to
 * cents and the return to 6 decimals, as money and ratios are everywhere else.
 */
export function tradeList(trades: readonly Trade[], interval: Interval): TradeView[] {
  return trades.slice(-MAX_LISTED_TRADES).map((trade) => ({
    side: trade.side,
    entry: formatBarTime(trade.entryTime, interval),
    exit: formatBarTime(trade.exitTime, interval),
    entry_price: trade.entryPrice,
    exit_price: trade.exitPrice,
    size: trade.size,
    return: ratio(trade.return) as number,
    pnl: money(trade.pnl),
    bars_held: trade.barsHeld,
    open: trade.open,
  }));
}
