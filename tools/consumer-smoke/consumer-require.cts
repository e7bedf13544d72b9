// The CommonJS side of the strict TypeScript consumer: the packages' types through `require` resolution.
import { runBacktest } from '@aetherquant/backtest';
import { SyntheticProvider } from '@aetherquant/data';
import { estimateMoments, optimize, returnsMatrix } from '@aetherquant/optimization';
import { summary } from '@aetherquant/risk';

export async function buyAndHoldSharpe(): Promise<{ sharpe: number; weights: Float64Array }> {
  const provider = new SyntheticProvider({ seed: 1, now: () => Date.UTC(2024, 0, 2) });
  const [qqq, iwm] = await Promise.all([
    provider.getBars({ symbol: 'QQQ', period: '1y' }),
    provider.getBars({ symbol: 'IWM', period: '1y' }),
  ]);
  const result = runBacktest(qqq, new Float64Array(qqq.length).fill(1), {
    initialCash: 10_000,
    commissionBps: 0,
    slippageBps: 0,
  });
  const { returns, rows, assets } = returnsMatrix([qqq.close, iwm.close]);
  const { weights } = optimize(estimateMoments(returns, rows, assets, { periodsPerYear: 252 }), {
    method: 'min-variance',
  });
  return { sharpe: summary({ equity: result.equity, periodsPerYear: 252 }).sharpe, weights };
}
