import { type JobSubmission } from '@aetherquant/core';

/** The whole numbers from `first` to `last`. */
export function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/**
 * A job that computes for seconds, offline: a sweep of 20,000 (fast, slow) cells over ten years of synthetic
 * daily bars. Long enough to cancel, or to kill its worker, in the middle of.
 */
export const LONG_SWEEP_JOB: JobSubmission = {
  use_case: 'sweep',
  request: {
    symbol: 'QQQ',
    provider: 'synthetic',
    period: '10y',
    strategy: 'ma-cross',
    grid: { fast: range(1, 100), slow: range(101, 300) },
    top: 25,
  },
};
