// Shared helpers for the benchmarks: wall-clock samples (best and median in ms) and synthetic prices.
import { performance } from 'node:perf_hooks';
import { BarSeries } from '@aetherquant/core';

/** Runs `task` `runs` times after `warmup` unmeasured runs; returns the sorted durations in ms. */
export function sample(task, { runs = 15, warmup = 2 } = {}) {
  for (let i = 0; i < warmup; i++) task();
  const durations = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    task();
    durations.push(performance.now() - start);
  }
  return durations.sort((a, b) => a - b);
}

/** The JSON figures every benchmark prints: best and median, rounded to 0.1 ms. */
export function figures(name, durations, extra = {}) {
  const round = (ms) => Math.round(ms * 10) / 10;
  return JSON.stringify({
    name,
    runs: durations.length,
    best_ms: round(durations[0]),
    median_ms: round(durations[Math.floor(durations.length / 2)]),
    ...extra,
  });
}

/**
 * Daily bars of a geometric random walk like the C reference's (drift 0.0002, uniform shocks of ±1%) from a
 * seeded LCG: the same series for the same seed, in every benchmark.
 */
export function randomWalkSeries(n, seed) {
  const close = new Float64Array(n);
  let state = seed;
  let price = 100;
  for (let i = 0; i < n; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    price *= Math.exp(0.0002 + 0.02 * (state / 4294967296 - 0.5));
    close[i] = price;
  }
  const time = Float64Array.from({ length: n }, (_, i) => i * 86_400_000);
  return new BarSeries({
    symbol: 'BENCH',
    interval: '1d',
    time,
    open: close,
    high: close,
    low: close,
    close,
    volume: new Float64Array(n),
  });
}
