import { type PortfolioBacktestResult } from '@aetherquant/backtest';
import { type RunDetail } from './run-detail';

/**
 * What a report draws of a rebalanced portfolio backtest: equity against its benchmark, the weights set at
 * each rebalance, and each asset's contribution to the total return.
 *
 * @param closes - each symbol's closes on the result's bars (`result.time`), in `result.symbols` order.
 */
export function portfolioRunDetail(
  result: PortfolioBacktestResult,
  closes: readonly ArrayLike<number>[],
  benchmarkLabel: string,
): RunDetail {
  return {
    series: { time: result.time, equity: result.equity, benchmark: result.benchmarkEquity },
    weights: {
      symbols: result.symbols,
      time: result.rebalances.map((rebalance) => rebalance.time),
      weights: result.rebalances.map((rebalance) => rebalance.weights),
    },
    contributions: assetContributions(result, closes),
    benchmarkLabel,
  };
}

/**
 * Each asset's share of the total return, in fractions of the initial equity, and what trading cost: the
 * holdings each rebalance sets (weight × the equity after it) drift with their closes until the next, and an
 * asset's contribution is the sum of what its holding gained or lost bar by bar, over the initial equity. The
 * assets' contributions and `costs` sum to the total return exactly (costs are what the rest leaves: the
 * commission and slippage paid on every rebalance's turnover; cash earns nothing).
 */
export function assetContributions(
  result: Pick<PortfolioBacktestResult, 'symbols' | 'equity' | 'rebalances' | 'time'>,
  closes: readonly ArrayLike<number>[],
): { symbol: string; contribution: number }[] {
  const { equity, rebalances, symbols } = result;
  const start = rebalances[0]?.index ?? 0;
  const holdings = new Float64Array(symbols.length);
  const gains = new Float64Array(symbols.length);
  let next = 0;
  for (let t = 0; t < equity.length; t++) {
    if (t > 0) {
      for (let i = 0; i < holdings.length; i++) {
        const close = closes[i] as ArrayLike<number>;
        const gain = (holdings[i] as number) * ((close[t] as number) / (close[t - 1] as number) - 1);
        gains[i] = (gains[i] as number) + gain;
        holdings[i] = (holdings[i] as number) + gain;
      }
    }
    const rebalance = rebalances[next];
    if (rebalance !== undefined && rebalance.index - start === t) {
      rebalance.weights.forEach((weight, i) => (holdings[i] = weight * (equity[t] as number)));
      next++;
    }
  }
  const initial = equity[0] as number;
  const contributions = symbols.map((symbol, i) => ({
    symbol,
    contribution: (gains[i] as number) / initial,
  }));
  const total = (equity[equity.length - 1] as number) / initial - 1;
  const earned = contributions.reduce((sum, c) => sum + c.contribution, 0);
  return [...contributions, { symbol: 'Costs', contribution: total - earned }];
}
