// A plain Node CommonJS consumer of the packed libraries (tools/consumer-smoke/README.md): the same work as
// consumer.mjs through require(), printed as one JSON line. Required as a module (the smoke test does, from
// the workspace sources) it only exports `compute`, so the expected figures come from this same code.
const { backtestStrategy } = require('@aetherquant/backtest');
const { alignSeries, SyntheticProvider } = require('@aetherquant/data');
const { estimateMoments, optimize, returnsMatrix } = require('@aetherquant/optimization');
const { equityReturns, maxDrawdown, sharpe } = require('@aetherquant/risk');
const { getStrategy } = require('@aetherquant/strategies');

async function compute() {
  const provider = new SyntheticProvider({ seed: 7, now: () => Date.UTC(2024, 0, 2) });
  const spy = await provider.getBars({ symbol: 'SPY', period: '2y' });

  const backtest = backtestStrategy(
    spy,
    getStrategy('ma-cross'),
    { fast: 10, slow: 30 },
    {
      initialCash: 100_000,
      commissionBps: 1,
      slippageBps: 0.5,
    },
  );

  const symbols = ['SPY', 'TLT', 'GLD'];
  const aligned = alignSeries(
    await Promise.all(symbols.map((symbol) => provider.getBars({ symbol, period: '2y' }))),
  );
  const { returns, rows, assets } = returnsMatrix(aligned.series.map((series) => series.close));
  const moments = estimateMoments(returns, rows, assets, { periodsPerYear: 252, estimator: 'ledoit-wolf' });
  const allocation = optimize(moments, { method: 'risk-parity' });

  return {
    module: 'cjs',
    backtest: {
      symbol: spy.symbol,
      bars: spy.length,
      finalEquity: backtest.equity[backtest.equity.length - 1],
      tradeCount: backtest.tradeCount,
      sharpe: backtest.summary.sharpe,
      maxDrawdown: backtest.summary.maxDrawdown,
      riskSharpe: sharpe(equityReturns(backtest.equity), 252),
      riskMaxDrawdown: maxDrawdown(backtest.equity),
    },
    optimization: {
      symbols,
      rows,
      method: allocation.method,
      weights: Array.from(allocation.weights),
      riskContributions: Array.from(allocation.riskContributions),
    },
  };
}

if (require.main === module) {
  compute().then(
    (output) => console.log(JSON.stringify(output)),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
} else {
  module.exports = { compute };
}
