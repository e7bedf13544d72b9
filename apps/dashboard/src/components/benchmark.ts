import { EQUAL_WEIGHT_BENCHMARK } from '@aetherquant/core';

// A run's benchmark as reports name it (`benchmark`: a symbol, or `equal-weight` for a portfolio), in the
// words figures are shown with. A run recorded before reports named it has none: it reads "Benchmark".

/** A short name beside a figure: `QQQ`, `Equal weight`, or `Benchmark` when the run does not say. */
export function benchmarkName(benchmark: string | undefined): string {
  if (benchmark === undefined || benchmark === '') return 'Benchmark';
  return benchmark === EQUAL_WEIGHT_BENCHMARK ? 'Equal weight' : benchmark;
}

/** What the benchmark is, in a sentence: `buy-and-hold of QQQ`, `the equal-weight portfolio`. */
export function benchmarkPhrase(benchmark: string | undefined): string {
  if (benchmark === undefined || benchmark === '') return 'its benchmark';
  return benchmark === EQUAL_WEIGHT_BENCHMARK ? 'the equal-weight portfolio' : `buy-and-hold of ${benchmark}`;
}

/** The benchmark inside a phrase ("vs QQQ", "vs equal weight", "vs benchmark"): tickers keep their case. */
export function benchmarkInPhrase(benchmark: string | undefined): string {
  const name = benchmarkName(benchmark);
  return name === benchmark ? name : name.charAt(0).toLowerCase() + name.slice(1);
}
