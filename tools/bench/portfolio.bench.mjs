// portfolio-backtest-10x15y: ten assets, fifteen years of daily bars, risk parity rebalanced monthly from a
// one-year window. The target: under a second.
import { runPortfolioBacktest } from '@aetherquant/backtest';
import { figures, randomWalkSeries, sample } from './measure.mjs';

const BARS = 15 * 252;
const series = Array.from({ length: 10 }, (_, asset) => randomWalkSeries(BARS, 2_000 + asset));
const durations = sample(
  () => {
    runPortfolioBacktest(series, {
      allocation: 'risk-parity',
      rebalance: 'monthly',
      lookback: '1y',
      initialCash: 100_000,
      commissionBps: 1,
      slippageBps: 0.5,
    });
  },
  { runs: 5, warmup: 1 },
);
console.log(figures('portfolio-backtest-10x15y', durations, { n: BARS, assets: 10 }));
