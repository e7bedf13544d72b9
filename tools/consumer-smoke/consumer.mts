// A strict TypeScript consumer (ESM under `module: nodenext`) of the packed libraries: the same work as
// consumer.mjs, type-checked against the packages' declarations with the workspace's tsc.
import { backtestStrategy, type BacktestResult } from '@aetherquant/backtest';
import { type BarSeries } from '@aetherquant/core';
import { alignSeries, type MarketDataProvider, SyntheticProvider } from '@aetherquant/data';
import { type Allocation, estimateMoments, optimize, returnsMatrix } from '@aetherquant/optimization';
import { equityReturns, maxDrawdown, type RiskSummary, sharpe } from '@aetherquant/risk';
import { getStrategy, type Strategy } from '@aetherquant/strategies';

const provider: MarketDataProvider = new SyntheticProvider({ seed: 7, now: () => Date.UTC(2024, 0, 2) });
const spy: BarSeries = await provider.getBars({ symbol: 'SPY', period: '2y' });
const strategy: Strategy = getStrategy('ma-cross');

const backtest: BacktestResult = backtestStrategy(
  spy,
  strategy,
  { fast: 10, slow: 30 },
  {
    initialCash: 100_000,
    commissionBps: 1,
    slippageBps: 0.5,
  },
);
const summary: RiskSummary = backtest.summary;
const finalEquity: number | undefined = backtest.equity[backtest.equity.length - 1];

const symbols = ['SPY', 'TLT', 'GLD'] as const;
const aligned = alignSeries(
  await Promise.all(symbols.map((symbol) => provider.getBars({ symbol, period: '2y' }))),
);
const { returns, rows, assets } = returnsMatrix(aligned.series.map((series) => series.close));
const allocation: Allocation = optimize(
  estimateMoments(returns, rows, assets, { periodsPerYear: 252, estimator: 'ledoit-wolf' }),
  { method: 'risk-parity' },
);

const report: {
  sharpe: number;
  riskSharpe: number;
  maxDrawdown: number;
  finalEquity: number | undefined;
  weights: number[];
} = {
  sharpe: summary.sharpe,
  riskSharpe: sharpe(equityReturns(backtest.equity), 252),
  maxDrawdown: maxDrawdown(backtest.equity),
  finalEquity,
  weights: Array.from(allocation.weights),
};
console.log(JSON.stringify(report));

// @ts-expect-error: the cost model is incomplete (no initialCash), which the declarations must reject.
backtestStrategy(spy, strategy, {}, { commissionBps: 1 });
