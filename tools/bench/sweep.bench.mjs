// sweep-ma-cross: 10,000 valid (fast, slow) pairs (fast 1..100 × slow 101..200) over 5,000 synthetic bars, on
// all cores (worker start-up included, process start excluded). The target: under 1 s on 2 cores.
import { availableParallelism } from 'node:os';
import { BarSeries } from '@aetherquant/core';
import { runSweep } from '@aetherquant/backtest';
import { getStrategy } from '@aetherquant/strategies';
import { figures } from './measure.mjs';

const N = 5_000;
const close = new Float64Array(N);
let state = 11;
let price = 100;
for (let i = 0; i < N; i++) {
  state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
  price *= Math.exp(0.0002 + 0.02 * (state / 4294967296 - 0.5));
  close[i] = price;
}
const time = Float64Array.from({ length: N }, (_, i) => i * 86_400_000);
const series = new BarSeries({
  symbol: 'BENCH',
  interval: '1d',
  time,
  open: close,
  high: close,
  low: close,
  close,
  volume: new Float64Array(N),
});
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
