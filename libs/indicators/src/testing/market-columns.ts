import { readFileSync } from 'node:fs';
import type { MarketData } from '@aetherquant/testing';

/** The nine ETFs of the market data set beside the repository (its PROVENANCE.md). */
export const MARKET_SYMBOLS = ['SPY', 'QQQ', 'TLT', 'GLD', 'IEF', 'EFA', 'DBC', 'VNQ', 'XLE'] as const;

/** One symbol's daily bars as columns, as the kernels take them. */
export interface MarketColumns {
  symbol: string;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
  /** Simple daily returns of the adjusted close, NaN at bar 0. */
  returns: Float64Array;
  /** The dates, for aligning two symbols. */
  dates: string[];
}

/** Reads `<symbol>.csv` (`date,open,high,low,close,adj_close,volume`) into columns. */
export function readMarketColumns(market: MarketData, symbol: string): MarketColumns {
  const lines = readFileSync(market.file(symbol), 'utf8').trim().split('\n').slice(1);
  const n = lines.length;
  const columns: MarketColumns = {
    symbol,
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    volume: new Float64Array(n),
    returns: new Float64Array(n),
    dates: [],
  };
  let previousAdjusted = Number.NaN;
  lines.forEach((line, i) => {
    const [date, , high, low, close, adjusted, volume] = line.split(',');
    columns.dates.push(date as string);
    columns.high[i] = Number(high);
    columns.low[i] = Number(low);
    columns.close[i] = Number(close);
    columns.volume[i] = Number(volume);
    columns.returns[i] = Number(adjusted) / previousAdjusted - 1;
    previousAdjusted = Number(adjusted);
  });
  return columns;
}

/** Every symbol of the data set. Call it in `beforeAll` (describeWithMarketData forbids reading earlier). */
export function readAllMarkets(market: MarketData): MarketColumns[] {
  return MARKET_SYMBOLS.map((symbol) => readMarketColumns(market, symbol));
}

/** The daily returns of `asset` and `benchmark` on the dates both have, from their second shared date. */
export function alignedReturns(asset: MarketColumns, benchmark: MarketColumns): [Float64Array, Float64Array] {
  const index = new Map(benchmark.dates.map((date, i) => [date, i]));
  const a: number[] = [];
  const b: number[] = [];
  asset.dates.forEach((date, i) => {
    const j = index.get(date);
    if (j === undefined || i === 0 || j === 0) return;
    a.push(asset.returns[i] as number);
    b.push(benchmark.returns[j] as number);
  });
  return [Float64Array.from(a), Float64Array.from(b)];
}
