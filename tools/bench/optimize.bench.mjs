// optimize-risk-parity-100 and optimize-mean-variance-100: 100 assets, 1,000 bars of returns; moments
// estimated (sample covariance) and the exact optimum found, each run. The target: both under 20 ms.
import { estimateMoments, optimize, returnsMatrix } from '@aetherquant/optimization';
import { figures, randomWalkSeries, sample } from './measure.mjs';

const ASSETS = 100;
const BARS = 1_000;
const closes = Array.from({ length: ASSETS }, (_, asset) => randomWalkSeries(BARS, 1_000 + asset).close);
// A common factor, so the covariance is not nearly diagonal: each asset is half its own walk, half asset 0's.
const market = closes[0];
const mixed = closes.map((close, asset) =>
  asset === 0 ? close : close.map((price, t) => Math.sqrt(price * market[t])),
);

for (const method of ['risk-parity', 'mean-variance']) {
  const durations = sample(
    () => {
      const { returns, rows, assets } = returnsMatrix(mixed);
      const moments = estimateMoments(returns, rows, assets, { periodsPerYear: 252 });
      optimize(moments, { method, riskAversion: 3 });
    },
    { runs: 15, warmup: 3 },
  );
  console.log(figures(`optimize-${method}-100`, durations, { n: BARS, assets: ASSETS }));
}
