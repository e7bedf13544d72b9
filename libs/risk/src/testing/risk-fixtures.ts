// Small equity curves whose metrics are easy to work out by hand, shared by the spec files.

/**
 * The golden curve: returns +10%, −10%, +10%, +20%.
 * 100 → 110 (110/100 − 1 = 0.1) → 99 (99/110 − 1 = −0.1) → 108.9 (108.9/99 − 1 = 0.1) → 130.68 (130.68/108.9 − 1 = 0.2).
 */
export const GOLDEN_EQUITY = [100, 110, 99, 108.9, 130.68];
export const GOLDEN_RETURNS = [0.1, -0.1, 0.1, 0.2];

/** Flat equity: every return exactly 0. */
export const FLAT_EQUITY = [100, 100, 100, 100];

/** One bar: the initial capital and nothing else, so no returns. */
export const ONE_BAR_EQUITY = [100];

/** Equity halving on every bar: four returns of exactly −0.5 (powers of two, so exact in binary). */
export const HALVING_EQUITY = [100, 50, 25, 12.5, 6.25];

/** Equity that only falls, by different amounts: returns −0.1, −0.2, −0.5. */
export const FALLING_EQUITY = [100, 90, 72, 36];

/** The elementwise simple returns, computed naively (the reference for the typed-array kernels). */
export const naiveReturns = (equity: readonly number[]): number[] =>
  equity.slice(1).map((value, t) => value / equity[t] - 1);
