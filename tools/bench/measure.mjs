// Shared timing helpers for the benchmarks: wall-clock samples, reported as best and median in ms.
import { performance } from 'node:perf_hooks';

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
