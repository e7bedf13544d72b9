import { EQUAL_WEIGHT_BENCHMARK } from '@aetherquant/core';
import * as Flags from '@oclif/core/flags';

/**
 * `--benchmark SYMBOL`: what a run is measured against (its `benchmark_*` figures, beta and alpha, the chart's
 * benchmark), for the commands that report one (backtest, walk-forward, papertrade; a sweep reports none).
 * Checked by the request schema like any symbol: a bad one exits 2 naming --benchmark.
 */
export const benchmarkFlags = {
  benchmark: Flags.string({
    summary: `Measure against buy-and-hold of this symbol (same provider and bars) [default: the traded symbol; with --symbols, ${EQUAL_WEIGHT_BENCHMARK}].`,
  }),
};

/** The request field the flag gives. */
export function benchmarkRequest(flags: { benchmark?: string }): { benchmark?: string } {
  return { benchmark: flags.benchmark };
}
