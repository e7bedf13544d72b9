/**
 * Caps on one request's size, so a single request cannot exhaust the server (GUIDE §7). The API sets them;
 * the CLI sets none, so a local user may run as large a job as their machine allows. Every cap is checked
 * before the work it bounds, from what the request implies, and again on what was loaded when the source
 * could not say beforehand (CSV files). The use-case catalog names which caps each use case obeys.
 */
export interface RequestLimits {
  /** Symbols one portfolio backtest or optimisation may load. */
  maxSymbols?: number;
  /**
   * Bars one symbol's history may hold: refused before loading when the provider's count of the request
   * (exact for synthetic data, an upper bound for Yahoo) exceeds it, and never loaded past it.
   */
  maxBars?: number;
  /** Bars one request may load over all its symbols (symbols × bars of a portfolio backtest or optimisation). */
  maxPortfolioBars?: number;
  /** Combinations one sweep's grid (or a walk-forward's grid, searched on every window) may hold. */
  maxSweepCombinations?: number;
  /** Train/test windows one walk-forward may search. */
  maxWalkForwardWindows?: number;
  /**
   * Set where a larger grid than `maxSweepCombinations` may run as a job (the API): up to this many
   * combinations, and the refusal of a larger synchronous request says so.
   */
  maxJobSweepCombinations?: number;
}

export type RequestLimitName = keyof RequestLimits;

/**
 * What one request may ask of the server, so that no single request can exhaust it (GUIDE §7). Each is
 * checked before the work it bounds, from what the request implies (libs/workflows `request-limits.ts`). The
 * API's synchronous endpoints obey them; jobs too, but with `AETHERQ_JOB_MAX_SWEEP_CELLS` combinations.
 */
export const SERVER_REQUEST_LIMITS: Required<Omit<RequestLimits, 'maxJobSweepCombinations'>> = {
  maxSymbols: 50,
  maxSweepCombinations: 20_000,
  // 30 years of daily bars is 7,560; a year of 5-minute bars is about 20,000. At 48 bytes a bar (six
  // float64 columns), 4.8 MB per symbol.
  maxBars: 100_000,
  // 50 symbols × 60,000 bars: half a year of 1-minute bars for each of 50 symbols (~144 MB of columns).
  maxPortfolioBars: 3_000_000,
  // 30 years of monthly test windows is 360; each window searches the whole grid.
  maxWalkForwardWindows: 500,
};
