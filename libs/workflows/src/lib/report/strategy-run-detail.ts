import { type BacktestResult, type Trade } from '@aetherquant/backtest';
import { type TearsheetTrade } from '@aetherquant/tearsheet';
import { type RunDetail } from './run-detail';

/** A symbol's engine trades as a report lists them: every one, prices, size and P&L exactly as computed. */
export function tearsheetTrades(trades: readonly Trade[], symbol: string): TearsheetTrade[] {
  return trades.map((trade) => ({
    symbol,
    side: trade.side,
    entryTime: trade.entryTime,
    exitTime: trade.exitTime,
    entryPrice: trade.entryPrice,
    exitPrice: trade.exitPrice,
    size: trade.size,
    pnl: trade.pnl,
    return: trade.return,
    barsHeld: trade.barsHeld,
    open: trade.open,
  }));
}

/**
 * What a report draws of a one-symbol strategy run: its equity and its benchmark's bar by bar over the
 * requested window, the symbol's closes, and every trade.
 */
export function strategyRunDetail(result: BacktestResult, benchmark: string): RunDetail {
  const { series } = result;
  return {
    series: {
      time: series.time,
      equity: result.equity,
      benchmark: result.benchmarkEquity,
      price: { symbol: series.symbol, close: series.close },
    },
    trades: tearsheetTrades(result.trades, series.symbol),
    benchmarkLabel: `Buy and hold ${benchmark}`,
  };
}
