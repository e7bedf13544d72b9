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
}

export type RequestLimitName = keyof RequestLimits;
