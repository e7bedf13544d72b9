// sweep-ma-cross: 10,000 valid (fast, slow) pairs (fast 1..100 × slow 101..200) over 5,000 synthetic bars, on
// all cores (worker start-up included, process start excluded). The target: under 1 s on 2 cores.
import { availableParallelism } from 'node:os';
import { runSweep } from '@aetherquant/backtest';
import { getStrategy } from '@aetherquant/strategies';
import { figures, randomWalkSeries } from './measure.mjs';

const N = 5_000;
const series = randomWalkSeries(N, 11);
const grid = {
  fast: Array.from({ length: 100 }, (_, i) => i + 1),
  slow: Array.from({ length: 100 }, (_, i) => i + 101),
};
const maCross = getStrategy('ma-cross');
const workers = availableParallelism();

const durations = [];
let evaluated = 0;
for (let run = 0; run < 5; run++) {
  const start = performance.now();
  const result = await runSweep(series, maCross, grid, {
    initialCash: 100_000,
    commissionBps: 1,
    slippageBps: 0.5,
    top: 10,
    workers,
  });
  durations.push(performance.now() - start);
  evaluated = result.evaluated;
}
durations.sort((a, b) => a - b);
console.log(figures('sweep-ma-cross', durations, { n: N, pairs: evaluated, workers }));
