import { invalidArgumentOf } from '../../testing/error-of';
import { FALLING_EQUITY, GOLDEN_EQUITY, GOLDEN_RETURNS, ONE_BAR_EQUITY } from '../../testing/risk-fixtures';
import { equityReturns } from '../returns/returns';
import { alpha, beta } from './benchmark';

// Benchmark 100 → 105 → 100.8 → 105.84 → 111.132: returns 0.05, −0.04, 0.05, 0.05.
const BENCHMARK_RETURNS = [0.05, -0.04, 0.05, 0.05];

describe('beta', () => {
  it('is cov(r, b) / var(b), both ddof 1', () => {
    // mean r = 0.075, deviations 0.025, −0.175, 0.025, 0.125
    // mean b = 0.11 / 4 = 0.0275, deviations 0.0225, −0.0675, 0.0225, 0.0225
    // Σ db² = 3 × 0.00050625 + 0.00455625 = 0.006075
    // Σ dr·db = 0.0005625 + 0.0118125 + 0.0005625 + 0.0028125 = 0.01575
    // beta = (0.01575 / 3) / (0.006075 / 3) = 2.592592… = 70/27
    expect(beta(GOLDEN_RETURNS, BENCHMARK_RETURNS)).toBeCloseTo(70 / 27, 12);
    expect(beta(equityReturns(GOLDEN_EQUITY), equityReturns([100, 105, 100.8, 105.84, 111.132]))).toBeCloseTo(
      70 / 27,
      12,
    );
  });

  it('is exactly 1 against itself, and scales with a levered strategy', () => {
    expect(beta(GOLDEN_RETURNS, GOLDEN_RETURNS)).toBe(1);
    // r = 2 b: cov = 2 var(b) → beta 2
    expect(
      beta(
        BENCHMARK_RETURNS.map((b) => 2 * b),
        BENCHMARK_RETURNS,
      ),
    ).toBeCloseTo(2, 12);
  });

  it('is null against a benchmark whose returns do not vary, and with fewer than two returns', () => {
    expect(beta(GOLDEN_RETURNS, [0, 0, 0, 0])).toBeNull();
    expect(beta(GOLDEN_RETURNS, [0.01, 0.01, 0.01, 0.01])).toBeNull();
    expect(beta([0.1], [0.05])).toBeNull();
    expect(beta(equityReturns(ONE_BAR_EQUITY), equityReturns(ONE_BAR_EQUITY))).toBeNull();
  });

  it('is positive when strategy and benchmark fall together', () => {
    // −0.1, −0.2, −0.5 against itself
    const falling = equityReturns(FALLING_EQUITY);
    expect(beta(falling, falling)).toBe(1);
  });

  it('refuses benchmark returns of another length', () => {
    expect(invalidArgumentOf(() => beta(GOLDEN_RETURNS, [0.01, 0.02])).message).toBe(
      'beta: benchmarkReturns must have as many elements as returns (4, got 2)',
    );
  });
});

describe('alpha', () => {
  it('is (mean r − beta × mean b) × periodsPerYear', () => {
    // (0.075 − 70/27 × 0.0275) × 4 = (2.025/27 − 1.925/27) × 4 = 0.1/27 × 4 = 0.4/27 = 0.0148148…
    expect(alpha(GOLDEN_RETURNS, BENCHMARK_RETURNS, 4)).toBeCloseTo(0.4 / 27, 12);
  });

  it('is exactly 0 against itself, also when everything falls', () => {
    expect(alpha(GOLDEN_RETURNS, GOLDEN_RETURNS, 252)).toBe(0);
    const falling = equityReturns(FALLING_EQUITY);
    expect(alpha(falling, falling, 252)).toBe(0);
  });

  it('is the excess mean return, annualised, against a benchmark of 2r − 0.001', () => {
    // b = 2r − 0.001 → beta = 0.5; alpha = (mean r − 0.5 × (2 mean r − 0.001)) × 252 = 0.0005 × 252 = 0.126
    const benchmark = GOLDEN_RETURNS.map((r) => 2 * r - 0.001);
    expect(alpha(GOLDEN_RETURNS, benchmark, 252)).toBeCloseTo(0.126, 12);
  });

  it('is null whenever beta is', () => {
    expect(alpha(GOLDEN_RETURNS, [0.01, 0.01, 0.01, 0.01], 252)).toBeNull();
    expect(alpha([], [], 252)).toBeNull();
  });

  it('refuses a bad periodsPerYear and a benchmark return that is not finite', () => {
    expect(
      invalidArgumentOf(() => alpha(GOLDEN_RETURNS, [0.1, 0.1, Number.NaN, 0.1], Number.NaN)).details
        ?.violations,
    ).toEqual([
      { field: 'benchmarkReturns[2]', rule: 'must be a finite number (got NaN)' },
      { field: 'periodsPerYear', rule: 'must be a finite number above 0 (got NaN)' },
    ]);
  });
});
