// Beta and alpha of a strategy's returns against a benchmark's returns over the same bars.
import type { FieldViolation } from '@aetherquant/core';
import { checkFinite, checkPeriodsPerYear, checkSameLength, throwIfInvalid } from '../input/check-input';
import { meanOf } from '../returns/returns';

/** Beta and annualised alpha; both `null` when the benchmark's returns do not vary. */
export interface BenchmarkFit {
  beta: number | null;
  alpha: number | null;
}

/**
 * Beta and annualised alpha without argument checks (the caller has made them): two passes, the second
 * accumulating `Σ (r − mean r)(b − mean b)` and `Σ (b − mean b)²`, whose ratio is the beta (the ddof-1
 * denominators cancel, as in c-reference.c).
 */
export function benchmarkFitOf(
  returns: ArrayLike<number>,
  benchmarkReturns: ArrayLike<number>,
  periodsPerYear: number,
): BenchmarkFit {
  const count = returns.length;
  if (count === 0) return { beta: null, alpha: null };
  const mean = meanOf(returns);
  const benchmarkMean = meanOf(benchmarkReturns);
  let benchmarkSquares = 0;
  let coSquares = 0;
  for (let i = 0; i < count; i++) {
    const benchmarkDeviation = benchmarkReturns[i] - benchmarkMean;
    benchmarkSquares += benchmarkDeviation * benchmarkDeviation;
    coSquares += (returns[i] - mean) * benchmarkDeviation;
  }
  if (benchmarkSquares === 0) return { beta: null, alpha: null };
  const beta = coSquares / benchmarkSquares;
  return { beta, alpha: (mean - beta * benchmarkMean) * periodsPerYear };
}

/**
 * Beta against a benchmark: `cov(r, b, ddof = 1) / var(b, ddof = 1)`, as empyrical's `beta` and c-reference.c.
 *
 * Edge case: `null` when the benchmark's returns have zero variance (a flat benchmark, or fewer than two
 * returns): beta is undefined there. A benchmark equal to the strategy gives exactly 1.
 *
 * @param returns - the strategy's simple returns per bar, each finite.
 * @param benchmarkReturns - the benchmark's simple returns over the same bars (same length), each finite.
 * @throws AetherError INVALID_ARGUMENT for a return that is not finite or arrays of different lengths.
 */
export function beta(returns: ArrayLike<number>, benchmarkReturns: ArrayLike<number>): number | null {
  checkPair(returns, benchmarkReturns, 1, 'beta');
  return benchmarkFitOf(returns, benchmarkReturns, 1).beta;
}

/**
 * Annualised alpha against a benchmark (zero risk-free rate): `(mean(r) − beta × mean(b)) × periodsPerYear`,
 * annualised by simple multiplication as c-reference.c does (empyrical compounds instead).
 *
 * Edge case: `null` whenever {@link beta} is null. A benchmark equal to the strategy gives exactly 0.
 *
 * @throws AetherError INVALID_ARGUMENT for a bad return, arrays of different lengths, or a bad periodsPerYear.
 */
export function alpha(
  returns: ArrayLike<number>,
  benchmarkReturns: ArrayLike<number>,
  periodsPerYear: number,
): number | null {
  checkPair(returns, benchmarkReturns, periodsPerYear, 'alpha');
  return benchmarkFitOf(returns, benchmarkReturns, periodsPerYear).alpha;
}

function checkPair(
  returns: ArrayLike<number>,
  benchmarkReturns: ArrayLike<number>,
  periodsPerYear: number,
  context: string,
): void {
  const violations: FieldViolation[] = [];
  checkFinite(returns, 'returns', violations);
  checkFinite(benchmarkReturns, 'benchmarkReturns', violations);
  checkSameLength(benchmarkReturns, 'benchmarkReturns', returns, 'returns', violations);
  checkPeriodsPerYear(periodsPerYear, violations);
  throwIfInvalid(violations, context);
}
